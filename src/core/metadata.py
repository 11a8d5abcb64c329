"""Document metadata read from the cleaned body: 发文机关, 主送机关, 成文日期.

GB/T 9704 places these elements the same way for every publisher: the 主送机关 line
opens the body (organs separated by ``,``/``、``, ending with ``:``), and the body ends
with the signature block — the issuing organ's name (发文机关署名) on its own line,
then the 成文日期. Nothing here knows any publisher; everything follows those
conventions. Patterns match ``text.fold`` of a line and slice the original.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from itertools import islice
from typing import Optional

from .dates import DateSpan, find_dates
from .numerals import CN_DIGITS
from .text import fold

# The last words of an organ's name: party committees (区委, 党工委, 委员会), 党组,
# government bodies and the units an addressee list names (各人民团体, 区直各单位).
_ORGAN_SUFFIX = (
    "委员会|委|党组|党组织|组织|机关|团体|单位|部门|政府|办公室|领导小组|小组|办|局|厅|部|院|所|站|处|科|"
    "室|校|大学|学院|中心|公司|企业|集团|支部|总支|街道|乡镇|镇|乡|村|社区|会|社|队"
)
# An organ name: starts with a CJK character, has no sentence punctuation or digits, ends
# with an organ suffix, optionally followed by parenthesised qualifiers ((党组), (代章)).
_ORGAN = re.compile(
    rf"[\u3400-\u9fff][^\d,.;:!?。“”\"《》]{{0,58}}?(?:{_ORGAN_SUFFIX})(?:\([^()\d]{{1,12}}\))*"
)
# Heading markers of GB/T 9704 levels 1..4 at a paragraph's start (一、 (一) 1. (1)).
_HEADING = re.compile(rf"\s*(?:[{CN_DIGITS}十]{{1,3}}、|\([{CN_DIGITS}十]{{1,3}}\)|\d{{1,2}}[.、]|\(\d{{1,2}}\))")
_TRAILING = " \u3000。.,;:"
_SENTENCE_END = frozenset("。;!?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_OPENING_MAX = 3
_SIGNATURE_LINES = 4
_ADDRESSEE_MAX = 300
_ITEM_MAX = 40
_OPEN = "([《〔“"
_CLOSE = ")]》〕”"


def _is_organ(text: str) -> bool:
    """True when ``text`` (already folded and stripped) reads as one organ's name."""
    return _ORGAN.fullmatch(text) is not None


def _date_line(line: str) -> Optional[tuple[str, dt.date]]:
    """``(organ printed before the date, date)`` when ``line`` is a signature date line:
    a date with its year at the end of the line, preceded by nothing or an organ name."""
    spans = [s for s in find_dates(line) if s.has_year]
    if not spans:
        return None
    last: DateSpan = spans[-1]
    folded = fold(line)
    if folded[last.end:].strip(_TRAILING):
        return None
    before = folded[: last.start].strip()
    if before and not _is_organ(before):
        return None
    return line[: last.start].strip(), last.value


def _signature(body: Sequence[str]) -> tuple[Optional[str], Optional[dt.date]]:
    """The signature block at the end of ``body``: (organ as printed, date).

    The date line is looked for among the last few non-empty paragraphs; the organ is
    printed on it before the date or on the nearest line above it. Without a date line,
    a last line that reads as an organ name is taken as the signature. Only the last
    lines are stripped: the block is read from the end."""
    lines = list(islice((p.strip() for p in reversed(body) if p.strip()), _SIGNATURE_LINES + 1))[::-1]
    for i in range(len(lines) - 1, max(len(lines) - _SIGNATURE_LINES, 0) - 1, -1):
        found = _date_line(lines[i])
        if found is None:
            continue
        organ, date = found
        if not organ and i > 0 and _is_organ(fold(lines[i - 1])):
            organ = lines[i - 1]
        return organ or None, date
    if lines and _is_organ(fold(lines[-1])):
        return lines[-1], None
    return None, None


def issuer(title: Optional[str], body: Sequence[str]) -> Optional[str]:
    """发文机关: the organ as signed at the end of the body, else as the title names it
    (the part before 关于, when it reads as an organ name); None when neither says."""
    signed_by, _date = _signature(body)
    if signed_by:
        return signed_by
    if not title:
        return None
    cut = title.find("关于")
    if cut <= 0:
        return None
    head = title[:cut].strip()
    return head if _is_organ(fold(head)) else None


def signed_date(body: Sequence[str]) -> Optional[dt.date]:
    """成文日期: the date line of the signature block (``2020年11月16日``,
    ``二〇二〇年十一月十六日``, ``2020-11-16``), or None when the body does not end with one."""
    return _signature(body)[1]


def _split_top_level(text: str) -> list[str]:
    """Split on ``,`` and ``、`` outside brackets and quotes (``区直各党(工)委(党组)`` stays whole)."""
    items: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch in ",、" and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return items


def _addressee_line(body: Sequence[str]) -> Optional[int]:
    """Index in ``body`` of the 主送机关 line, or None: the first non-empty paragraph when
    it ends with ``:`` and every item it lists reads as an organ name."""
    for index, paragraph in enumerate(body):
        folded = fold(paragraph).strip()
        if not folded:
            continue
        if len(folded) > _ADDRESSEE_MAX or not folded.endswith(":") or _SENTENCE_END & set(folded):
            return None
        items = [item.strip() for item in _split_top_level(folded[:-1])]
        if all(0 < len(item) <= _ITEM_MAX and _is_organ(item) for item in items):
            return index
        return None
    return None


def addressees(body: Sequence[str]) -> tuple[str, ...]:
    """主送机关: the organs the opening line addresses, as printed, in order; () when the
    body does not open with an addressee line."""
    index = _addressee_line(body)
    if index is None:
        return ()
    line = body[index].strip()
    items: list[str] = []
    offset = 0
    for part in _split_top_level(fold(line)[:-1]):
        items.append(line[offset: offset + len(part)].strip())
        offset += len(part) + 1
    return tuple(items)


def opening(body: Sequence[str]) -> tuple[str, ...]:
    """The opening paragraphs: after the addressee line, before the first heading, at
    most three of running text. This is where the genre states which inspection the
    report answers."""
    index = _addressee_line(body)
    rest = body[index + 1:] if index is not None else body
    out: list[str] = []
    sentences = 0
    for paragraph in rest:
        text = paragraph.strip()
        if not text:
            continue
        if _HEADING.match(fold(text)):
            break
        out.append(text)
        # only running text counts: a stray line left over from the page (a column
        # banner, a reading hint, the addressees) must not push the opening out
        sentences += "。" in text
        if sentences == _OPENING_MAX:
            break
    return tuple(out)


def context_year(title: Optional[str], body: Sequence[str], signed: Optional[dt.date]) -> Optional[int]:
    """The year the report speaks from, for dates printed without one: the signature
    date's year; else the year of the last fully printed date in the opening (usually
    the feedback date, where rectification starts); else a year the title prints."""
    if signed is not None:
        return signed.year
    for paragraph in reversed(opening(body)):
        printed = [s for s in find_dates(paragraph) if s.has_year]
        if printed:
            return printed[-1].value.year
    m = _YEAR.search(fold(title or ""))
    return int(m.group(1)) if m else None
