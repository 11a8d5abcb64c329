"""Fujian (福建省) publishers: Quanzhou Licheng high-tech zone (鲤城高新区) and other
Fujian issuers by place name."""

from zhenggai import ChromeRule, DeclaredPublisher
from zhenggai.places import province_places

plugin = DeclaredPublisher(
    label="Fujian (福建)",
    province="福建省",
    hosts=("fujian.gov.cn", "huli.gov.cn", "xm.gov.cn"),
    site_names=("鲤城区人民政府", "泉州市鲤城区"),
    places=(*province_places("福建省"), "鲤城高新区"),  # development zones no gazetteer lists
    signatures=(r"^\(\d+\)针对.{2,80}的问题", r"^整改情况:", r"完成时限:"),
    chrome=(ChromeRule(name="editor-counter", pattern=r"^\[责任编辑:[^\]]{1,20}\]\s*\d*$"),),
)
