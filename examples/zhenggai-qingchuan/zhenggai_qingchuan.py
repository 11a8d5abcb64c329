"""zhenggai publisher plugin for 晴川新区门户网站, the portal of the fictional 晴川新区.

The portal prints two lines of its own between a report's title and its text (a column
banner and a reading hint), and its reports number their problems 【问题1】, 【问题2】…
with a status line 当前进度: under each. Everything else is the genre's.
"""

from zhenggai import GENRE, ChromeRule, DeclaredPublisher

plugin = DeclaredPublisher(
    label="晴川新区门户网站 (fictional example)",
    province=None,  # a fictional zone belongs to no real province
    hosts=("qingchuan.example",),
    site_names=("晴川新区门户网站",),
    places=("晴川新区",),
    # Each matching signature adds a little to the claim: the layout is this portal's.
    signatures=(r"^\[问题\d{1,3}\]", r"^当前进度:"),
    chrome=(
        # "晴川新区门户网站 · 巡察整改专栏" under the title.
        ChromeRule(name="column-banner", pattern=r"^晴川新区门户网站\s*[·•|]\s*\S{1,12}专栏$",
                   max_len=30),
        # "【阅读提示】全文约2400字 预计阅读6分钟" (【】 fold to []): a hint, not a paragraph.
        ChromeRule(name="reading-hint", pattern=r"^\[阅读提示\]", max_len=40),
    ),
    layout=GENRE.extend(
        # "【问题3】…" opens a problem; the bracketed label is its marker.
        problem_items=[r"^(?P<marker>\[问题\s*\d{1,3}\])"],
        # "当前进度:正在整改,2024年6月底前完成。"
        status_labels=[r"当前进度"],
    ),
)
