"""Zhejiang (浙江省) publishers: the provincial discipline commission's site (zjsjw.gov.cn)
and its reposts with 原文链接, Shaoxing Binhai (绍兴滨海新区), and other Zhejiang issuers."""

from zhenggai import ChromeRule, DeclaredPublisher
from zhenggai.places import province_places

plugin = DeclaredPublisher(
    label="Zhejiang (浙江)",
    province="浙江省",
    hosts=("zjsjw.gov.cn", "zj.gov.cn", "hangzhou.com.cn", "zjol.com.cn", "wuch.gov.cn"),
    site_names=("浙江省纪委省监委网站", "清廉浙江", "杭州廉政网"),
    places=(*province_places("浙江省"), "前湾新区", "绍兴滨海"),  # development zones no gazetteer lists
    signatures=(r"^[一二三四五六七八九十]{1,3}、关于“.{2,80}”问题的整改情况",),
    chrome=(ChromeRule(name="disclaimer", pattern=r"^\[?免责声明\]?", max_len=400),),
)
