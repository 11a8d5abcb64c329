"""Fujian (福建省) publishers: Quanzhou Licheng high-tech zone (鲤城高新区) and other
Fujian issuers by place name."""

from zhenggai import ChromeRule, DeclaredPublisher

plugin = DeclaredPublisher(
    label="Fujian (福建)",
    province="福建省",
    hosts=("fujian.gov.cn", "huli.gov.cn", "xm.gov.cn"),
    site_names=("鲤城区人民政府", "泉州市鲤城区"),
    places=("福建", "福州", "厦门", "莆田", "三明", "泉州", "漳州", "南平", "龙岩", "宁德",
            "鲤城", "湖里", "闽"),
    signatures=(r"^\(\d+\)针对.{2,80}的问题", r"^整改情况:", r"完成时限:"),
    chrome=(ChromeRule(name="editor-counter", pattern=r"^\[责任编辑:[^\]]{1,20}\]\s*\d*$"),),
)
