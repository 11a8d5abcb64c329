"""Liaoning (辽宁省) publishers: Dalian Jinpu (大连金普新区) and Panjin Liaodongwan
(盘锦辽东湾新区) development-zone sites, and other Liaoning issuers by place name."""

from zhenggai import ChromeRule, DeclaredPublisher
from zhenggai.places import province_places

plugin = DeclaredPublisher(
    label="Liaoning (辽宁)",
    province="辽宁省",
    hosts=("dljp.gov.cn", "ln.gov.cn"),
    site_names=("盘锦辽滨沿海经济技术开发区", "辽东湾新区", "大连金普新区"),
    places=(*province_places("辽宁省"), "辽东湾", "金普", "普湾", "沈抚"),  # development zones no gazetteer lists
    signatures=(r"整改进展情况:", r"问题(?:的)?整改落实情况"),
    chrome=(ChromeRule(name="welcome-site", pattern=r"^欢迎访问.{0,6}盘锦辽滨", where="head"),),
)
