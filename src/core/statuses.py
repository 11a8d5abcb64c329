"""Statuses and deadlines as rectification reports print them.

``classify`` maps a status as printed (``已完成``, ``正在整改,2020年12月底前完成``,
``正在整改,长期推进``) to the record's vocabulary (RECORD.md): ``completed``,
``basically_completed``, ``in_progress``, ``long_term``. Precedence, first match wins:

1. long-term wording (``长期推进``, ``长期坚持``, ``长期整改``, ``常态化推进``) → long_term,
   even after ``正在整改`` or ``已完成`` (the item stays open for good);
2. ``持续整改``/``持续推进``: in_progress with a deadline, long_term without one;
3. in-progress wording (``正在整改``, ``整改中``, ``取得阶段性成果``, ``未完成``) → in_progress;
4. ``基本完成`` → basically_completed;
5. ``已完成``/``已整改到位``/``已全部完成`` (also typed ``以``/``己``/``巳`` for ``已``) → completed;
6. a deadline still ahead (``2020年12月底前完成``) → in_progress;
7. ``整改完成``, ``完成整改``, ``全部完成``, a bare ``完成`` → completed.

``deadline`` reads the date a deadline resolves to: a day as printed; a month
(``2021年6月前``, ``2020年12月底``, the typo ``2020年12底``) → the month's last day; a year
end (``2020年底``, ``年底前``) → 31 December; ``上半年``/``下半年`` and quarters → their last
day. A year not printed comes from the text's preceding date or ``default_year``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Union

from attrs import frozen

from .dates import find_dates, month_end, scan
from .numerals import cn_to_int
from .text import SPACES, fold

_YEAR_CN = "〇零○◯一二三四五六七八九"
_MONTH = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
# A month followed by a day is a date (zhenggai.dates), valid or not: never a month.
_NO_DAY = r"(?!\s*(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])"


def _y(name: str) -> str:
    """A printed year (``2020年``, ``二〇二〇年``) captured as group ``name`` or ``{name}c``."""
    return rf"(?:(?<!\d)(?P<{name}>\d{{4}})|(?<![{_YEAR_CN}])(?P<{name}c>[{_YEAR_CN}]{{4}}))\s*年\s*"


# Coarser than a day (days come from zhenggai.dates); the first alternative that matches
# at a position wins, so the year-first forms come first.
_PERIOD = re.compile(
    rf"{_y('ym')}(?P<m>{_MONTH})\s*月{_NO_DAY}\s*(?:底|末|份)?"  # 2021年6月, 2021年6月底
    rf"|{_y('yt')}(?P<mt>1[0-2]|0?[1-9])\s*(?:底|末)"  # 2020年12底 (月 left out)
    rf"|{_y('yq')}(?:第)?(?P<q>[一二三四1-4])\s*季度(?:末|底)?"  # 2021年一季度
    rf"|{_y('yh')}(?P<h>上|下)半年"  # 2021年上半年
    rf"|{_y('ye')}(?:底|末|内)"  # 2020年底
    rf"|(?<![\d年{_YEAR_CN}])(?P<m2>{_MONTH})\s*月{_NO_DAY}\s*(?:底|末|份)?"  # 12月底 (year from context)
    rf"|(?:第)?(?P<q2>[一二三四1-4])\s*季度(?:末|底)?"
    rf"|(?P<h2>上|下)半年"
    r"|(?:今|本|当)?年(?:底|末|内)"
)
# Every character a _PERIOD match can begin with: a year or month digit, 第, 上/下, 今/本/当/年;
# and one of the characters every _PERIOD match prints.
_PERIOD_START = re.compile(rf"[\d{_YEAR_CN}十第上下今本当年]")
_PERIOD_MARK = re.compile("[年月季]")
_BY = re.compile(r"\s*(?:之|以)?前")
_DONE_AFTER = re.compile(r"\s*(?:(?:之|以)?前)?\s*(?:全面|全部|基本)?(?:整改)?完成")
# A date or period followed by 完成: the character every date or period ends with (日/号
# or a digit; 月, 底, 末, 份; 季度's 度; 年 of 半年; 内 of 年内; spaces after a month
# go to the \s* that follows), then _DONE_AFTER. Most texts have none.
_PLANNED = re.compile(r"[日号月底末份度年内\d]" + _DONE_AFTER.pattern)
_ROUNDED_OFF = re.compile(r"(?:底|末)$")
_GAPS = re.compile(f"[{SPACES}\\s]+")

_LONG_TERM = re.compile(r"长期(?:推进|坚持|整改|落实|执行|巩固|开展|任务|性)|常态化(?:推进|开展|落实)|长效推进")
_ONGOING = re.compile(r"持续(?:整改|推进|落实|开展)")
_IN_PROGRESS = re.compile(
    r"正在(?:整改|推进|进行|落实|实施|办理|加紧|抓紧|开展)|(?:整改|推进|进行|实施)中"
    r"|取得(?:了)?阶段性|阶段性(?:成果|成效|进展)|部分完成|未(?:全部)?(?:完成|整改到位)|逐步推进"
)
_BASICALLY = re.compile(r"基本(?:完成|整改到位|到位|完毕|整改)")
_DONE = re.compile(r"[已以己巳](?:经)?(?:全部|全面)?(?:完成|整改|办结|落实|销号|到位|解决)")
_DONE_PLAIN = re.compile(r"整改(?:完成|完毕|到位)|完成整改|全部完成|^完成[。.!]?$")


@frozen
class Period:
    """A point or stretch of time printed in text, resolved to the date a deadline set by
    it falls on (the last day of a month, quarter, half-year or year)."""

    start: int
    end: int
    value: dt.date


def _period_value(m: re.Match[str], year: Optional[int]) -> Optional[dt.date]:
    """The last day of the period a ``_PERIOD`` match names, or None."""
    printed = next((m.group(g) for g in ("ym", "ymc", "yt", "ytc", "yq", "yqc", "yh", "yhc", "ye", "yec")
                    if m.group(g)), None)
    if printed is not None:
        year = cn_to_int(printed)
    if year is None:
        return None
    month = next((cn_to_int(m.group(g)) for g in ("m", "mt", "m2") if m.group(g)), None)
    quarter = m.group("q") or m.group("q2")
    half = m.group("h") or m.group("h2")
    if quarter:
        month = 3 * (int(quarter) if quarter.isdigit() else cn_to_int(quarter) or 0)
    elif half:
        month = 6 if half == "上" else 12
    elif month is None:
        month = 12
    if not month or not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    return month_end(year, month)


def periods(text: str, *, default_year: Optional[int] = None) -> list[Period]:
    """Every date and coarser period (month, quarter, half-year, year end) in ``text``, in
    order, each resolved to the date a deadline set by it falls on. A period without a
    printed year takes the year of the preceding one, else ``default_year``."""
    folded = fold(text)
    days = find_dates(text, default_year=default_year)
    found: list[tuple[int, int, Union[dt.date, re.Match[str]], bool]] = [
        (d.start, d.end, d.value, d.has_year) for d in days]
    coarse = scan(_PERIOD, _PERIOD_START, folded) if _PERIOD_MARK.search(folded) else ()
    k = 0
    for m in coarse:  # both in order: a coarse span inside a day is no period
        while k < len(days) and days[k].end <= m.start():
            k += 1
        if k == len(days) or m.end() <= days[k].start:
            found.append((m.start(), m.end(), m, False))
    found.sort(key=lambda f: f[0])
    out: list[Period] = []
    year = default_year
    for start, end, what, has_year in found:
        if isinstance(what, re.Match):
            value = _period_value(what, year)
        elif not has_year and year is not None and what.year != year:
            value = _replace_year(what, year)
        else:
            value = what
        if value is not None:
            out.append(Period(start, end, value))
            year = value.year
    return out


def _replace_year(value: dt.date, year: int) -> Optional[dt.date]:
    """``value`` in ``year`` (None for 29 February in a common year)."""
    try:
        return value.replace(year=year)
    except ValueError:
        return None


def deadline(text: str, *, default_year: Optional[int] = None) -> Optional[dt.date]:
    """The deadline ``text`` states: the first date or period set as a target (``…前``,
    ``…底/末…完成``: ``正在整改,2020年12月底前完成``), else the first followed by ``完成``,
    else the only one printed (``完成时限:2021年3月31日``); None when there is none or
    the choice is ambiguous."""
    folded = fold(text)
    found = periods(text, default_year=default_year)
    target = next((p for p in found if _is_target(folded, p)), None)
    if target is None:
        target = next((p for p in found if _DONE_AFTER.match(folded, p.end)), None)
    if target is None and len(found) == 1:
        target = found[0]
    return target.value if target else None


def _is_target(folded: str, p: Period) -> bool:
    """True when the period is set as a target: ``…前``, or ``…底/末`` then ``完成``."""
    return bool(_BY.match(folded, p.end)) or bool(
        _ROUNDED_OFF.search(folded, p.start, p.end) and _DONE_AFTER.match(folded, p.end))


def planned_deadline(text: str, *, default_year: Optional[int] = None) -> Optional[dt.date]:
    """A completion date announced in running text: a date or period set as a target and
    followed by ``完成`` (``12月底完成竣工``, ``2019年12月底前全部完成``). A past completion
    (``于2020年7月完成``) is not one. The first such date, or None."""
    if "完成" not in text:  # what _DONE_AFTER ends with (fold leaves it alone)
        return None
    folded = fold(text)
    if not _PLANNED.search(folded):
        return None
    for p in periods(text, default_year=default_year):
        if _is_target(folded, p) and _DONE_AFTER.match(folded, p.end):
            return p.value
    return None


def classify(text: str) -> Optional[str]:
    """The record status of a status as printed (see the module docstring), or None."""
    t = _GAPS.sub("", fold(text))
    if not t:
        return None
    if _LONG_TERM.search(t):
        return "long_term"
    # default_year only lets a year-less period (年底前) count; its value is not used.
    if _ONGOING.search(t):
        return "in_progress" if periods(t, default_year=1) else "long_term"
    if _IN_PROGRESS.search(t):
        return "in_progress"
    if _BASICALLY.search(t):
        return "basically_completed"
    if _DONE.search(t):
        return "completed"
    if any(_is_target(t, p) for p in periods(t, default_year=1)):
        return "in_progress"
    if _DONE_PLAIN.search(t):
        return "completed"
    return None
