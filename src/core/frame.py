"""Step 6, frame: find the report's title and its body (after the title, through the
signature block).

Title: the first paragraph, among those before the first paragraph of running text,
shaped like a report title — a line without sentence punctuation that names 整改/巡视/巡察
and ends like one (…通报, …报告, …公告, …公示, …通告, or 关于…情况). A paragraph equal
to (or contained in) ``meta.article_title`` or ``meta.html_title`` is preferred. A title
split over two lines (``中共杭州市委关于`` + ``十九届…的通报``, or an organ's name + ``关于…``)
is joined. Leading bullets are dropped, a site prefix such as ``【巡察整改】`` is cut off
(and kept in ``removed`` as 'title-prefix'), and spaces between CJK characters are closed.

Body: from after the title (minus repeats of the title or of its pieces right after
it: 'title-repeat') through the signature block, the first issuer line followed by
a date line (``中共盘锦辽东湾新区工作委员会`` / ``2020年11月16日``), or one line holding
both. Lines before the title are removed as 'before-title', lines after the signature
as 'after-signature' — unless a generic "head"/"tail" chrome rule names them better.
Without a title the body starts at the first paragraph, minus leading lines "head" rules
remove; without a signature it runs to the end, minus trailing lines "tail" rules remove.

Every paragraph given ends up in the title, the body or ``removed``.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from attrs import field, frozen

from .chrome import GENERIC_RULES, rule_for
from .dates import ends_like_date, find_dates
from .model import ChromeRule, PageMeta
from .record import Removed
from .repair import is_date_line, looks_like_title, starts_heading
from .text import clean_line, close_cjk_spaces, fold

_WINDOW = 20  # the title is looked for among the first paragraphs only
_RUNNING_TEXT = 60  # a paragraph this long with sentence punctuation is body text
_TITLE_MAX = 90
_TITLE_MIN = 8
_PIECE_MAX = 40
_SITE_PREFIX_MAX = 12
_ORGAN_MAX = 40

_SENTENCE_PUNCT = re.compile(r"[,;。!?]")
_BULLETS = re.compile(r"[•·●▪◆■*\-]+\s?")
_SITE_PREFIX = re.compile(rf"\[[^\[\]]{{1,{_SITE_PREFIX_MAX}}}\]\s?")
_TOPIC = re.compile(r"整改|巡视|巡察")
_TITLE_END = re.compile(r"(?:通报|报告|公告|公示|通告)$")
_KEY_DROP = re.compile(r"[\s•·●▪◆■*]")
_ORGAN_END = re.compile(
    r"(?:委员会|委|党组|政府|办公室|办事处|办|局|厅|院|中心|部|会|公司|集团|街道|镇|乡|小组|处|署|所|校|学)$")


@frozen
class Frame:
    """The report's title (None when not found), its body paragraphs and the
    paragraphs framing took out (with the rule that took each)."""

    title: Optional[str]
    body: tuple[str, ...] = field(converter=tuple)
    removed: tuple[Removed, ...] = field(converter=tuple)


@frozen
class _Title:
    """Where the title stands among the paragraphs, and its cleaned text."""

    start: int  # first paragraph of the title
    end: int  # one past its last paragraph
    text: str
    prefix: Optional[str]  # a site prefix cut off the title


def frame(paragraphs: Sequence[str], meta: PageMeta,
          rules: Sequence[ChromeRule] = GENERIC_RULES) -> Frame:
    """Split repaired ``paragraphs`` into title, body and the lines around them; ``rules``
    limited to "head" and "tail" name (and, without a title or signature, peel) those lines."""
    paras = [clean_line(p) for p in paragraphs]
    paras = [p for p in paras if p]
    removed: list[Removed] = []
    title = _find_title(paras, meta)
    if title is not None:
        removed += [Removed(text=p, rule=_edge_rule(p, rules, "head", "before-title")) for p in paras[:title.start]]
        if title.prefix:
            removed.append(Removed(text=title.prefix, rule="title-prefix"))
        start = title.end
        title_key = _key(title.text)
        while start < len(paras) and _repeats(paras[start], title_key):
            removed.append(Removed(text=paras[start], rule="title-repeat"))
            start += 1
    else:
        start = 0
        while start < len(paras) and (rule := rule_for(paras[start], rules, "head")):
            removed.append(Removed(text=paras[start], rule=rule.name))
            start += 1
    signature = _find_signature(paras, start)
    after: list[Removed] = []
    if signature is not None:
        end = signature + 1
        after = [Removed(text=p, rule=_edge_rule(p, rules, "tail", "after-signature")) for p in paras[end:]]
    else:
        end = len(paras)
        while end > start and (rule := rule_for(paras[end - 1], rules, "tail")):
            after.insert(0, Removed(text=paras[end - 1], rule=rule.name))
            end -= 1
    return Frame(title=title.text if title else None, body=paras[start:end], removed=removed + after)


def _edge_rule(paragraph: str, rules: Sequence[ChromeRule], where: str, default: str) -> str:
    """The name of the ``where`` rule that matches ``paragraph``, else ``default``."""
    rule = rule_for(paragraph, rules, where)
    return rule.name if rule else default


def _key(text: str) -> str:
    """A title's identity: folded, without spaces, bullets or a site prefix."""
    folded = _KEY_DROP.sub("", fold(text))
    prefix = _SITE_PREFIX.match(folded)
    return folded[prefix.end():] if prefix and len(folded) - prefix.end() >= _TITLE_MIN else folded


def _clean_title(paragraph: str) -> tuple[str, Optional[str]]:
    """The title as printed without bullets, site prefix and inner CJK spaces, and the
    prefix it carried (None if none)."""
    bullets = _BULLETS.match(paragraph)
    text = paragraph[bullets.end():] if bullets else paragraph
    prefix = _SITE_PREFIX.match(fold(text))
    cut = None
    if prefix and len(text) - prefix.end() >= _TITLE_MIN:
        cut, text = text[:prefix.end()].strip(), text[prefix.end():]
    return close_cjk_spaces(clean_line(text)), cut


def _is_title(paragraph: str) -> bool:
    """Shaped like a report title (see the module notes)."""
    key = _key(paragraph)
    if not (_TITLE_MIN <= len(key) <= _TITLE_MAX) or _SENTENCE_PUNCT.search(key) or starts_heading(key):
        return False
    if not _TOPIC.search(key):
        return False
    return _TITLE_END.search(key) is not None or ("关于" in key and key.endswith("情况"))


def _is_piece(paragraph: str) -> bool:
    """A short line that may hold the first half of a split title."""
    key = _key(paragraph)
    return (0 < len(key) <= _PIECE_MAX and looks_like_title(paragraph) and not starts_heading(paragraph)
            and not is_date_line(paragraph) and rule_for(paragraph, GENERIC_RULES, "head") is None)


def _matches_meta(key: str, meta_keys: Sequence[str]) -> bool:
    return any(key == m or (len(key) >= _TITLE_MIN and key in m) for m in meta_keys)


def _find_title(paras: Sequence[str], meta: PageMeta) -> Optional[_Title]:
    meta_keys = [_key(t) for t in (meta.article_title, meta.html_title) if t]
    candidates: list[_Title] = []
    for i, para in enumerate(paras[:_WINDOW]):
        if len(para) >= _RUNNING_TEXT and _SENTENCE_PUNCT.search(fold(para)):
            break
        if not (_is_title(para) or (_matches_meta(_key(para), meta_keys) and looks_like_title(para))):
            continue
        start, text = i, para
        if i > 0 and _is_piece(paras[i - 1]):
            first, key = _key(paras[i - 1]), _key(para)
            if first.endswith("关于") or (key.startswith("关于") and "关于" not in first):
                start, text = i - 1, paras[i - 1] + para
        cleaned, prefix = _clean_title(text)
        candidates.append(_Title(start=start, end=i + 1, text=cleaned, prefix=prefix))
    if not candidates:
        return None
    return next((c for c in candidates if _matches_meta(_key(c.text), meta_keys)), candidates[0])


def _repeats(paragraph: str, title_key: str) -> bool:
    """A repeat of the title or of one of its pieces (an organ's name, the 关于… half)."""
    key = _key(paragraph)
    return len(key) >= 4 and looks_like_title(paragraph) and key in title_key


def _is_organ(paragraph: str) -> bool:
    """An issuer's name as signed: short, no punctuation, ends like an organ's name."""
    key = _key(paragraph)
    return (0 < len(key) <= _ORGAN_MAX and looks_like_title(paragraph) and not starts_heading(paragraph)
            and not is_date_line(paragraph) and "关于" not in key and not _TITLE_END.search(key)
            and _ORGAN_END.search(key) is not None)


def _signed_in_one_line(paragraph: str) -> bool:
    """An organ's name and the date on one line (``中共XX委员会 2020年11月16日``)."""
    if len(paragraph) > _ORGAN_MAX + 24 or not ends_like_date(paragraph):
        return False
    spans = find_dates(paragraph)
    if not spans or spans[-1].end != len(paragraph) or not spans[-1].has_year:
        return False
    return _is_organ(paragraph[:spans[-1].start].strip())


def _find_signature(paras: Sequence[str], start: int) -> Optional[int]:
    """Index of the date line of the first signature block at or after ``start``."""
    for i in range(start, len(paras)):
        if is_date_line(paras[i]) and i > start and _is_organ(paras[i - 1]):
            return i
        if _signed_in_one_line(paras[i]):
            return i
    return None
