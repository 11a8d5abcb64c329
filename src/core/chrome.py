"""Step 4, strip chrome: take the site's boilerplate out of the extracted lines.

Government pages wrap a report in banners, breadcrumbs, "发布时间/来源" lines, font-size
and print widgets, share bars, prev/next links, editor lines, copyright and ICP footers,
disclaimers and disclosure metadata blocks. ``GENERIC_RULES`` names each kind; a rule
matches the *folded*, whitespace-cleaned line (``text.fold(text.clean_line(line))``) and
removes the whole line. Every removed line is kept in ``removed`` with its rule's name.

Metadata is read before a line goes: 发布时间, 来源, 责任编辑, 作者 and 原文链接 become
``PageMeta`` fields (not in links, menus and sidebars: those speak of other articles).
A label printed without its value (``• 文件名称:``, with the value on the next line, as
disclosure pages lay them out) takes the next non-blank line with it when that line has
the shape of such a value.

Two structural rules use the block's own evidence: a block in a chrome zone ('nav',
'header', 'footer', 'aside') and a short block made mostly of links are removed too —
unless it reads like report text (it ends with 。, is a long run of sentences, or names
整改/巡视/巡察 in a sentence or a title): the article must never lose text to a guess.

Split of responsibilities (see ``docs/chrome-rules.md``): ``strip`` applies the rules
whose ``where`` is "any" — it cannot know where the title or the signature is. Rules
limited to "head" or "tail" are applied by ``frame``, which finds the title and the
signature: it names the lines before the title and after the signature with them, and
peels them off the ends of the body when no title or no signature is found. Once the
publisher is detected, the pipeline runs strip, repair and frame again with the
generic rules and the publisher plugin's own, so a plugin's rules see the same lines.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from attrs import field, frozen

from .blocks import Block
from .dates import parse_timestamp
from .model import ChromeRule, PageMeta
from .record import Removed
from .text import clean_line, fold

# Labels of the "info line" printed under a title (发布时间:… 来源:… 编辑:… 浏览次数:…).
_DATE_LABELS = ("发布时间", "发布日期", "发表时间", "发表日期", "信息时间", "更新时间", "更新日期",
                "录入时间", "日期")
_ORIGIN_LABELS = ("信息来源", "文章来源", "稿件来源", "新闻来源", "来源")
_EDITOR_LABELS = ("责任编辑", "责编", "编辑")
_AUTHOR_LABELS = ("作者", "撰稿")
_COUNTER_LABELS = ("浏览次数", "点击数", "阅读次数", "访问次数", "浏览量", "阅读量", "点击量",
                   "访问量", "点击率")
_LINK_LABELS = ("原文链接", "原文地址", "原文网址", "本文链接")
_REVIEW_LABELS = ("审核", "校对", "审校", "初审", "复审", "终审")
# Labels of the metadata table on government information-disclosure pages (政府信息公开).
_DISCLOSURE_LABELS = ("信息索引号", "索引号", "文件名称", "发布机构", "成文日期", "公开方式",
                      "主题分类", "发文字号", "发文机关", "公开范围", "公开时限", "有效性",
                      "生成日期", "体裁分类", "组配分类", "服务对象", "所属主题", "信息分类", "文号")
_WIDGET_LABELS = ("字号", "字体")

_INFO_LABELS = (*_DATE_LABELS, *_ORIGIN_LABELS, "编辑", *_AUTHOR_LABELS, "供稿", "通讯员",
                *_COUNTER_LABELS)


def _alt(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first (so 发布日期 beats 日期)."""
    return "|".join(sorted(words, key=len, reverse=True))


_O = r"[\[(]?\s?"  # an optional opening bracket (【 and （ fold to [ and ()
_C = r"[\])]?\s?:"  # a label's colon, after an optional closing bracket (【来源】:)

GENERIC_RULES: tuple[ChromeRule, ...] = (
    ChromeRule(name="welcome-banner", pattern=r"^欢迎(?:您)?(?:访问|光临|来到|进入)", max_len=80),
    ChromeRule(name="breadcrumb", max_len=160, pattern=(
        r"^(?:当前位置|您现在的位置|您当前的位置|您的位置|您所在的位置|所在位置|当前页面|现在位置|当前栏目)"
        r"\s?(?:是)?\s?:|^首页\s?[>»›]")),
    ChromeRule(name="font-size", max_len=60,
               pattern=rf"^{_O}(?:浏览)?(?:字号|字体)(?:大小)?\s?:?\s?[\[(]?\s?[大中小]"),
    ChromeRule(name="editor-line", max_len=80,
               pattern=rf"^{_O}(?:{_alt(_EDITOR_LABELS[:2] + _REVIEW_LABELS)}){_C}"),
    ChromeRule(name="info-line", max_len=200, pattern=(
        rf"^{_O}(?:{_alt(_INFO_LABELS)}){_C}|^(?:发布|发表|更新)(?:时间|日期)\s?\d{{4}}")),
    ChromeRule(name="timestamp-line", max_len=60,
               pattern=r"^\d{4}-\d{1,2}-\d{1,2}\s?\d{1,2}:\d{2}"),
    ChromeRule(name="original-link", max_len=400, pattern=rf"^{_O}(?:{_alt(_LINK_LABELS)}){_C}"),
    ChromeRule(name="disclosure-meta", max_len=200,
               pattern=rf"^[•·●▪◆■*\-]?\s?(?:{_alt(_DISCLOSURE_LABELS)})\s?:"),
    ChromeRule(name="print-close", max_len=80, pattern=(
        r"^(?:[\[(]?(?:打印(?:本页|此页|文章|正文|页面)?|关闭(?:本页|窗口|此页|页面)?|"
        r"收藏(?:本页|此页|文章)?|加入收藏|返回(?:顶部|首页|列表)?|回到顶部|保存(?:本页)?|"
        r"我要纠错|纠错|字号|字体|大|中|小|默认)[\])]?[ |/:·]{0,3})+$")),
    ChromeRule(name="share-bar", max_len=60, pattern=(
        rf"^{_O}(?:分享(?:到|至)?|一键分享|扫一扫|微信扫一扫|手机扫一扫|扫描二维码|用微信扫描)|"
        r"^(?:(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ|朋友圈|人人网|豆瓣|复制链接)[ |/·]{0,3})+$")),
    ChromeRule(name="read-aloud", max_len=20,
               pattern=rf"^{_O}(?:朗读全文|朗读|听全文|语音播报|点击播报)[\])]?$"),
    ChromeRule(name="prev-next", max_len=120,
               pattern=rf"^{_O}(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)(?:文章)?\s?[:\])]"),
    ChromeRule(name="related-header", max_len=30, pattern=(
        rf"^{_O}(?:相关文章|相关链接|相关阅读|相关新闻|相关信息|相关文件|热点推荐|推荐阅读|延伸阅读|"
        r"热门文章|热门推荐|精彩推荐|猜你喜欢|热点新闻|最新文章)[\])]?\s?(?:更多)?\s?[:>»]{0,3}$")),
    ChromeRule(name="disclaimer", max_len=400, pattern=(
        rf"^{_O}(?:免责声明|版权声明|特别声明)|版权归原作者所有|仅供学习交流|如涉及作品内容、版权|"
        r"不代表本(?:网|站|网站)(?:观点|立场)|转载请注明")),
    ChromeRule(name="copyright", max_len=160,
               pattern=r"版权所有|(?i:copyright|all rights reserved)|©|\([cC]\)\s?\d{4}"),
    ChromeRule(name="icp-record", max_len=160, pattern=r"ICP\s?[备证]|公网安备|网站标识码|网站识别码"),
    ChromeRule(name="site-sponsor", max_len=160, pattern=(
        r"^(?:主办单位|主办|承办单位|承办|协办单位|技术支持|运维单位|运行维护|网站维护|维护单位|"
        r"建设单位|管理单位)\s?:")),
    ChromeRule(name="separator", max_len=80, pattern=r"^[-|_=*·•—–~/\\ ]+$"),
    ChromeRule(name="page-number", max_len=12, pattern=r"^[-—–]\s?\d{1,4}\s?[-—–]$"),
    # Edge rules: broad enough that they would hit a body line, so they only apply
    # before the title ("head") or after the signature ("tail"); frame applies them.
    ChromeRule(name="newspaper-header", max_len=30, where="head",
               pattern=r"^\d{1,5}版\s?:|^\S{0,12}\s?(?:数字报纸|数字报|电子报|电子版)$"),
    ChromeRule(name="attachment-label", max_len=8, where="head", pattern=r"^附件\s?\d{0,2}$"),
    ChromeRule(name="view-counter", max_len=9, where="tail", pattern=r"^\d{1,9}$"),
    ChromeRule(name="footer-nav", max_len=80, where="tail", pattern=(
        rf"^{_O}(?:网站地图|联系我们|关于我们|网站声明|隐私声明|隐私政策|使用帮助|设为首页)")),
)

#: Block zones that hold site chrome (set by ``blocks.extract`` for HTML).
CHROME_ZONES = ("nav", "header", "footer", "aside")
#: A block at least this share of whose characters are link text is a link list.
LINK_RATIO = 0.6
_OWN_LINK = re.compile(rf"^{_O}(?:{_alt(_LINK_LABELS)})")
# Zones that speak of other pages: no metadata of this page is read there.
_ELSEWHERE_ZONES = ("nav", "aside")
_LINK_LIST_MAX_LEN = 80

# Metadata parsing: every label, so that values end where the next label starts.
_ALL_LABELS = _alt(_INFO_LABELS + _EDITOR_LABELS + _REVIEW_LABELS + _LINK_LABELS + _DISCLOSURE_LABELS
                   + _WIDGET_LABELS)
# A label ends with a colon (信息时间:: happens), or runs straight into a date.
_LABEL = re.compile(rf"(?P<label>{_ALL_LABELS})(?:[\])]?\s?:+|\s?(?=\d{{4}}))")
_LEADING_MARK = re.compile(r"[\[(•·●▪◆■*\-]?\s?")
_VALUE_END = re.compile(r"[\[\]|]")
_TIMESTAMP_LINE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\s?\d{1,2}:\d{2}")
_PURE_DATE = re.compile(r"\d{4}(?:[-./]\d{1,2}[-./]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s?\d{1,2}:\d{2}(?::\d{2})?)?")
_URL = re.compile(r"https?://\S+")
_COUNT = re.compile(r"\d{1,9}")
_SENTENCE_PUNCT = re.compile(r"[,;。!?]")
_REPORT_WORDS = re.compile(r"整改|巡视|巡察")
_TITLE_END = re.compile(r"(?:通报|报告|公告|公示|通告|情况)$")
_TITLE_WORDS = re.compile(r"整改|巡视|巡察|通报|报告")

_FIELD_OF_LABEL = {
    **{label: "published_at" for label in _DATE_LABELS},
    **{label: "origin" for label in _ORIGIN_LABELS},
    **{label: "editor" for label in _EDITOR_LABELS},
    **{label: "author" for label in _AUTHOR_LABELS},
    **{label: "original_url" for label in _LINK_LABELS},
    "文件名称": "article_title",
}


@frozen
class Stripped:
    """The lines left after generic chrome removal (blank lines kept as ''), the lines
    removed with their rule names, and the metadata read from chrome lines."""

    lines: tuple[str, ...] = field(converter=tuple)
    removed: tuple[Removed, ...] = field(converter=tuple)
    meta: PageMeta


def rule_for(line: str, rules: Sequence[ChromeRule], where: str) -> Optional[ChromeRule]:
    """The first of ``rules`` limited to ``where`` ("any", "head" or "tail") that removes
    ``line``, or None. ``line`` is cleaned and folded here; a blank line never matches."""
    folded = fold(clean_line(line))
    if not folded:
        return None
    return next((r for r in rules if r.where == where and r.matches(folded)), None)


def looks_like_report_text(line: str) -> bool:
    """True for a line that must not be removed on structural evidence alone: it ends a
    sentence with 。, is a long run of sentences, or names 整改/巡视/巡察 in a sentence or
    in a title (…通报, …情况); a bare menu item such as 巡视巡察 is not report text."""
    folded = fold(clean_line(line))
    if folded.endswith("。") or (len(folded) >= 100 and len(_SENTENCE_PUNCT.findall(folded)) >= 2):
        return True
    return _REPORT_WORDS.search(folded) is not None and (
        _SENTENCE_PUNCT.search(folded) is not None or _TITLE_END.search(folded) is not None)


def strip(blocks: Sequence[Block], rules: Sequence[ChromeRule] = GENERIC_RULES) -> Stripped:
    """Remove chrome lines from ``blocks`` (``blocks.Block``: text, link_ratio, zone).

    Rules whose ``where`` is "any" are tried in order, then the structural rules
    ('zone-nav', 'zone-header', 'zone-footer', 'zone-aside', 'link-list'). Metadata is
    parsed from the lines a rule removes, except links and sidebar or menu blocks (their
    dates and sources are other articles'); the first value found for a field wins.
    """
    any_rules = [r for r in rules if r.where == "any"]
    kept: list[str] = []
    removed: list[Removed] = []
    meta: dict[str, str] = {}
    awaiting: Optional[tuple[str, str]] = None  # (label, rule name) of a label without value
    for block in blocks:
        line = clean_line(block.text)
        if not line:
            kept.append("")
            continue
        folded = fold(line)
        if awaiting is not None:
            label, rule_name = awaiting
            awaiting = None
            if _is_value_of(label, line, folded):
                removed.append(Removed(text=line, rule=rule_name))
                _assign(meta, label, line)
                continue
        rule = next((r for r in any_rules if r.matches(folded)), None)
        if rule is not None:
            removed.append(Removed(text=line, rule=rule.name))
            own_link = _OWN_LINK.match(folded) is not None  # 原文链接: the link IS the value
            if (block.link_ratio < LINK_RATIO or own_link) and block.zone not in _ELSEWHERE_ZONES:
                awaiting = _read_meta(meta, line, folded, rule.name)
            continue
        structural = _structural_rule(block, line, folded)
        if structural is not None:
            removed.append(Removed(text=line, rule=structural))
        else:
            kept.append(block.text)
    return Stripped(lines=kept, removed=removed, meta=PageMeta(**meta))


def _structural_rule(block: Block, line: str, folded: str) -> Optional[str]:
    """The structural rule that removes this block ('zone-…', 'link-list'), or None."""
    if block.zone in CHROME_ZONES and not looks_like_report_text(line):
        return f"zone-{block.zone}"
    if (block.link_ratio >= LINK_RATIO and len(folded) <= _LINK_LIST_MAX_LEN
            and not looks_like_report_text(line)):
        return "link-list"
    return None


def _read_meta(meta: dict[str, str], line: str, folded: str, rule_name: str) -> Optional[tuple[str, str]]:
    """Record the metadata a removed line prints. Returns (label, rule name) when the
    line is a label whose value is printed on the next line, else None."""
    start = _LEADING_MARK.match(folded).end()
    if _TIMESTAMP_LINE.match(folded, start):
        _assign(meta, "发布时间", line)
        return None
    labels = list(_LABEL.finditer(folded))
    if not labels or labels[0].start() != start:
        return None
    values = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(folded)
        value = _value(line, folded, m.end(), end)
        values.append(value)
        if value:
            _assign(meta, m.group("label"), value)
    last = labels[-1].group("label")
    return None if any(values) or last in _WIDGET_LABELS else (last, rule_name)


def _value(line: str, folded: str, start: int, end: int) -> str:
    """The value printed between two labels, as printed, cut at a bracket or bar (the
    ``】0`` after ``【责任编辑:庄秀鹃``)."""
    cut = _VALUE_END.search(folded, start, end)
    return line[start:cut.start() if cut else end].strip()


def _assign(meta: dict[str, str], label: str, value: str) -> None:
    """Set the PageMeta field ``label`` feeds from ``value`` unless already set."""
    name = _FIELD_OF_LABEL.get(label)
    if name is None or name in meta:
        return
    if name == "published_at":
        stamp = parse_timestamp(value)
        if stamp is not None:
            meta[name] = stamp
    else:
        meta[name] = value


def _is_value_of(label: str, line: str, folded: str) -> bool:
    """True when ``line`` has the shape of the value of a ``label:`` printed alone."""
    if _LABEL.match(folded, _LEADING_MARK.match(folded).end()):
        return False
    if label in _DATE_LABELS or label in ("成文日期", "生成日期"):
        return _PURE_DATE.fullmatch(folded) is not None
    if label in _DISCLOSURE_LABELS:
        return len(folded) <= 100 and "。" not in folded
    if label in _LINK_LABELS:
        return _URL.fullmatch(folded) is not None
    if label in _COUNTER_LABELS:
        return _COUNT.fullmatch(folded) is not None
    return (len(folded) <= 20 and _SENTENCE_PUNCT.search(folded) is None
            and _TITLE_WORDS.search(folded) is None)
