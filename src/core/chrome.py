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

import functools
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


def _any_case(*words: str) -> str:
    """A regex alternation of words in any letter case, each alternative led by a literal
    letter (``C(?i:opyright)|c(?i:opyright)``) rather than ``(?i:copyright)``, so that the
    merged screen of a rule set can skip to where a match may start (see ``_Screen``)."""
    return "|".join(f"{first}(?i:{word[1:]})" for word in words for first in (word[0].upper(), word[0].lower()))


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
               pattern=rf"版权所有|{_any_case('copyright', 'all rights reserved')}|©|\([cC]\)\s?\d{{4}}"),
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


# --- screening: one search per line instead of one per line and rule -------------------
#
# Most lines are report text that no rule takes. A rule set's patterns are merged once
# into a ``_Screen``: a line the screen does not admit is taken by no rule of the set,
# and only the lines it admits are tried rule by rule (the first rule that matches wins).


@frozen
class _Screen:
    """Two merged regexes that match a line whenever some rule of a set does (they may
    also match lines no rule takes: the rules decide those). The top-level alternatives
    anchored with ``^`` are tried at the line's start only (``at_start``); the others are
    searched (``anywhere``), which is fast when each starts with a literal character.
    A set with a pattern that cannot be split safely admits every line: ``anywhere`` is
    then the empty pattern."""

    longest: int  # no rule of the set takes a longer line
    at_start: Optional[re.Pattern[str]]
    anywhere: Optional[re.Pattern[str]]

    def admits(self, folded: str) -> bool:
        """False when no rule of the set can take the (folded) line."""
        if len(folded) > self.longest:
            return False
        return ((self.at_start is not None and self.at_start.match(folded) is not None)
                or (self.anywhere is not None and self.anywhere.search(folded) is not None))


# What keeps a pattern from being merged: a comment, or flags for the whole pattern.
_UNMERGEABLE = re.compile(r"#|\(\?[aiLmsux]+\)")


@functools.lru_cache(maxsize=64)
def _screen(rules: tuple[ChromeRule, ...]) -> _Screen:
    """The screen of ``rules``, built once per rule set."""
    longest = max((r.max_len for r in rules), default=-1)
    at_start: list[str] = []
    anywhere: list[str] = []
    for rule in rules:
        alternatives = _alternatives(rule.pattern)
        if alternatives is None:
            return _Screen(longest, None, re.compile(""))
        for alternative in alternatives:
            (at_start if alternative.startswith("^") else anywhere).append(alternative)
    return _Screen(longest, _merged(at_start), _merged(anywhere))


def _merged(alternatives: Sequence[str]) -> Optional[re.Pattern[str]]:
    """One regex matching wherever one of ``alternatives`` does (None for none)."""
    return re.compile("|".join(f"(?:{a})" for a in alternatives)) if alternatives else None


def _alternatives(pattern: str) -> Optional[list[str]]:
    """``pattern`` split at its top-level ``|`` (outside groups, character sets and
    escapes), or None when it cannot be merged with others safely: it has groups (a
    back reference would point elsewhere once merged), flags for the whole pattern, or
    ``#`` (a comment could hide a bracket)."""
    if re.compile(pattern).groups or _UNMERGEABLE.search(pattern):
        return None
    parts: list[str] = []
    start = depth = i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1  # skip the escaped character
        elif char == "[":
            i = _set_end(pattern, i)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _set_end(pattern: str, start: int) -> int:
    """The index of the ``]`` that closes the character set opened at ``start`` (a ``]``
    first in the set, after an optional ``^``, is a literal)."""
    i = start + 1
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


@frozen
class _RuleSet:
    """Rules in their order of precedence, with their screen."""

    rules: tuple[ChromeRule, ...]
    screen: _Screen

    @classmethod
    def of(cls, rules: Sequence[ChromeRule], where: Optional[str]) -> "_RuleSet":
        """The rules limited to ``where`` ("any", "head" or "tail"; None: all of them)."""
        chosen = tuple(r for r in rules if where is None or r.where == where)
        return cls(chosen, _screen(chosen))

    def first(self, folded: str) -> Optional[ChromeRule]:
        """The first rule that removes the (folded) line, or None."""
        if not self.screen.admits(folded):
            return None
        return next((r for r in self.rules if r.matches(folded)), None)


def rule_for(line: str, rules: Sequence[ChromeRule], where: str) -> Optional[ChromeRule]:
    """The first of ``rules`` limited to ``where`` ("any", "head" or "tail") that removes
    ``line``, or None. ``line`` is cleaned and folded here; a blank line never matches."""
    folded = fold(clean_line(line))
    if not folded:
        return None
    return _RuleSet.of(rules, where).first(folded)


def removes_any(blocks: Sequence[Block], rules: Sequence[ChromeRule]) -> bool:
    """True when some rule of ``rules``, wherever it applies, matches the line of one of
    ``blocks``: whether cleaning the blocks again with these rules can change anything."""
    ruleset = _RuleSet.of(rules, None)
    return any(ruleset.first(folded) is not None for folded in (fold(clean_line(b.text)) for b in blocks) if folded)


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
    any_rules = _RuleSet.of(rules, "any")
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
        rule = any_rules.first(folded)
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
