"""Hunan (湖南省) publishers: Yueyang's 巴陵风纪网 discipline-commission site and its
reposts, 三湘风纪网, and other Hunan issuers by place name."""

from zhenggai import ChromeRule, DeclaredPublisher
from zhenggai.places import province_places

plugin = DeclaredPublisher(
    label="Hunan (湖南)",
    province="湖南省",
    hosts=("yueyang.gov.cn", "sxfj.gov.cn", "hunan.gov.cn"),
    site_names=("巴陵风纪网", "三湘风纪网"),
    places=(*province_places("湖南省"), "汨罗高新区", "湘西"),  # zones, and the prefecture's common short name
    signatures=(r"^\((?:一|二|三|四|五|六|七|八|九|十)\)反馈问题:", r"^整改情况:"),
    chrome=(ChromeRule(name="column-title", pattern=r"^(?:本级)?巡视巡察(?:情况|工作)?$", where="head"),),
)
