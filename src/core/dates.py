"""Dates as Chinese official documents and their web pages print them.

Forms: ``2020年11月16日`` (also ``号``), ``二〇二〇年十一月十六日`` (〇/零/○/O for zero),
``2020-11-16`` / ``2020.11.16`` / ``2020/11/16``, full-width digits, a month-day without
year (``7月28日``) that takes its year from context, a range's bare end day
(``4月20日至25日``), and the run-together digits markup stripping leaves behind
(``2018625日`` for 2018年6月25日) when exactly one reading is a valid date.
Month-only expressions (``2021年6月``, ``12月底``) are not dates here: deadlines that
resolve to a month's last day use ``month_end``.

All matching is done on ``text.fold(s)`` (one char for one char), so span offsets are
offsets into the original string. Invalid calendar dates are skipped, never raised.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Iterator, Optional

from attrs import frozen

from .numerals import cn_to_int
from .text import fold

_CN_ZERO = "〇零○◯O"
_CN_YEAR_DIGIT = f"[{_CN_ZERO}一二三四五六七八九]"
_CN_SMALL = "[一二三四五六七八九十]"
_GAP = "[ \u3000\u00a0]?"

# Chinese form: optional year, month, day, 日/号. A month-day without year must not
# continue a longer numeral (the lookbehinds), so 2020年 is never split into 20 + 20.
_CN_DATE = (
    rf"(?:(?P<y>(?<!\d)\d{{4}}|(?<![{_CN_ZERO}一二三四五六七八九十]){_CN_YEAR_DIGIT}{{4}}){_GAP}年{_GAP})?"
    rf"(?P<m>(?<![\d.])\d{{1,2}}|(?<![{_CN_ZERO}一二三四五六七八九十百千]){_CN_SMALL}{{1,2}}){_GAP}月{_GAP}"
    rf"(?P<d>\d{{1,2}}|{_CN_SMALL}{{1,3}}){_GAP}[日号]"
)
# Numeric form with one separator used twice: 2020-11-16, 2020.11.16, 2020/11/16.
_NUM_DATE = r"(?<![\d.])(?P<ny>\d{4})(?P<sep>[-./])(?P<nm>\d{1,2})(?P=sep)(?P<nd>\d{1,2})(?![\d.]\d)"
# 年 and 月 lost in markup stripping: 2018625日, 201883日.
_MANGLED = r"(?<![\d.])(?P<xy>(?:19|20)\d{2})(?P<xmd>\d{2,4})日"

_DATE = re.compile(f"{_NUM_DATE}|{_MANGLED}|{_CN_DATE}")
# Every character a _DATE match can begin with (a digit, a Chinese year digit or month),
# and one of the characters every _DATE match prints (日/号, or a numeric separator).
_DATE_START = re.compile(rf"[\d{_CN_ZERO}一二三四五六七八九十]")
_DATE_MARK = re.compile(r"[日号\-./]")
# What a printed date ends with besides a digit (2020年11月16日, 16号, 2020-11-16).
_DATE_END = frozenset("日号")
_RANGE_DAY = re.compile(rf"{_GAP}[至到~\-—–〜]{_GAP}(?P<d>\d{{1,2}}|{_CN_SMALL}{{1,3}}){_GAP}[日号]")
_TIME = re.compile(
    r"(?:[ T\u3000\u00a0]{0,3})(?P<h>\d{1,2})(?:(?::(?P<mi>\d{2})(?::\d{2})?)|时(?P<mi2>\d{1,2})分)(?!\d)"
)


@frozen
class DateSpan:
    """One date found in running text: ``text[start:end]`` printed it.

    ``has_year`` is False when the year was taken from context (a preceding date or the
    caller's default) rather than printed."""

    start: int
    end: int
    value: dt.date
    has_year: bool


def scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that never matches the empty string,
    tried only where ``starts`` (a class of the characters a match can begin with)
    matches. The regex engine skips ahead by itself only for a pattern that opens with a
    literal or a character class; one that opens with alternatives and lookbehinds is
    tried at every position, several times slower on long paragraphs."""
    end = 0
    for start in starts.finditer(text):
        if start.start() < end:
            continue
        m = pattern.match(text, start.start())
        if m:
            yield m
            end = m.end()


def _make(year: Optional[int], month: Optional[int], day: Optional[int]) -> Optional[dt.date]:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _unmangle(year: int, digits: str) -> Optional[dt.date]:
    """The one valid month/day split of ``digits`` (no part with a leading zero), or None."""
    found = {
        d
        for cut in (1, 2)
        if cut < len(digits) and len(digits) - cut <= 2 and digits[0] != "0" and digits[cut] != "0"
        for d in (_make(year, int(digits[:cut]), int(digits[cut:])),)
        if d is not None
    }
    return found.pop() if len(found) == 1 else None


def _resolve(m: re.Match[str], context_year: Optional[int]) -> tuple[Optional[dt.date], bool]:
    """The date a ``_DATE`` match denotes, and whether it printed its year."""
    if m.group("ny"):
        return _make(int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))), True
    if m.group("xy"):
        return _unmangle(int(m.group("xy")), m.group("xmd")), True
    printed = m.group("y")
    year = cn_to_int(printed) if printed else context_year
    return _make(year, cn_to_int(m.group("m")), cn_to_int(m.group("d"))), printed is not None


def parse_date(text: str, *, default_year: Optional[int] = None) -> Optional[dt.date]:
    """The date that ``text`` (stripped) consists of, or None.

    A month-day without a year takes ``default_year`` (None without one)."""
    m = _DATE.fullmatch(fold(text).strip())
    if m is None:
        return None
    return _resolve(m, default_year)[0]


def find_dates(text: str, *, default_year: Optional[int] = None) -> list[DateSpan]:
    """Every date printed in ``text``, in order.

    A date without a year takes the year of the nearest preceding date in ``text``,
    else ``default_year``; without either it is skipped. A range's bare end day
    (``2023年3月15日至25日``) gives a second span in the first date's month."""
    folded = fold(text)
    spans: list[DateSpan] = []
    if not _DATE_MARK.search(folded):
        return spans
    year = default_year
    for m in scan(_DATE, _DATE_START, folded):
        value, has_year = _resolve(m, year)
        if value is None:
            continue
        spans.append(DateSpan(m.start(), m.end(), value, has_year))
        year = value.year
        tail = _RANGE_DAY.match(folded, m.end())
        if tail:
            end = _make(value.year, value.month, cn_to_int(tail.group("d")))
            if end is not None:
                spans.append(DateSpan(tail.start("d"), tail.end(), end, False))
    return spans


def ends_like_date(text: str) -> bool:
    """True when ``text`` ends with what a date ends with: 日, 号 or a digit (any Unicode
    decimal digit, as the date patterns' ``\\d``). A cheap test before a date search,
    which most lines fail: a date ``parse_date`` reads from a stripped text, or a span
    of ``find_dates`` that ends the text, always passes it."""
    last = text[-1:]
    return last in _DATE_END or last.isdecimal()


def parse_timestamp(text: str) -> Optional[str]:
    """The first dated timestamp in ``text`` as ISO: ``YYYY-MM-DDTHH:MM`` when a time of
    day follows the date (seconds dropped), else ``YYYY-MM-DD``; None if no date with a
    year is printed. ``2023年12月27日 16:11`` → ``2023-12-27T16:11``."""
    folded = fold(text)
    for m in scan(_DATE, _DATE_START, folded):
        value, has_year = _resolve(m, None)
        if value is None or not has_year:
            continue
        t = _TIME.match(folded, m.end())
        if t:
            hour, minute = int(t.group("h")), int(t.group("mi") or t.group("mi2"))
            if hour < 24 and minute < 60:
                return f"{value.isoformat()}T{hour:02d}:{minute:02d}"
        return value.isoformat()
    return None


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` in ``year`` (what ``2020年12月底前`` resolves to)."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])
