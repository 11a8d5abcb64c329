"""Sums of money as reports print them, converted to yuan.

``parse_yuan`` takes a captured amount (``12.6万元``, ``10.97亿元``, ``五万元``), never
running text. Arithmetic is decimal so that ``10.97亿`` is exactly 1097000000: a float
product would give 1096999999.9999999. ``AMOUNT`` is the pattern callers embed to
capture such spans in folded text.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional, Union

from .numerals import CN_NUMERAL, parse_count
from .text import fold

Yuan = Union[int, float]

_UNITS = {"": 1, "千": 10**3, "万": 10**4, "亿": 10**8, "万亿": 10**12}
_APPROX = "余多"

#: An amount in folded text: number, optional 余/多, optional 千/万/亿, optional 余/多, 元
#: (元 may be absent only after 万 or 亿). Bounded quantifiers only.
AMOUNT = (
    rf"(?:\d{{1,3}}(?:,\d{{3}}){{1,6}}|\d{{1,16}})(?:\.\d{{1,8}})?"
    rf"[{_APPROX}]?(?:万亿|千|万|亿)?[{_APPROX}]?元"
    rf"|(?:\d{{1,16}}(?:\.\d{{1,8}})?|[{CN_NUMERAL}]{{1,12}})[{_APPROX}]?(?:万亿|万|亿)[{_APPROX}]?元?"
    rf"|[{CN_NUMERAL}]{{1,12}}[{_APPROX}]?元"
)
_ARABIC = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3}){1,6}|\d{1,16})(?P<f>\.\d{1,8})?"
    rf"[{_APPROX}]?(?P<u>万亿|千|万|亿)?[{_APPROX}]?(?P<y>元)?"
)
_CHINESE = re.compile(rf"(?P<n>[{CN_NUMERAL}]{{1,12}}?)[{_APPROX}]?(?P<u>万亿|万|亿)?[{_APPROX}]?(?P<y>元)?")


def _as_yuan(value: Decimal) -> Yuan:
    """The sum rounded to the fen (half up): an int when whole, else a float."""
    value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_yuan(s: str) -> Optional[Yuan]:
    """A captured amount in yuan: ``12.6万元`` → 126000, ``10.97亿元`` → 1097000000,
    ``0.75万元`` → 7500, ``五万元`` → 50000, ``8.73万`` → 87300, ``25000元`` → 25000.

    The approximation marks 余/多 (``27万余元``) are read past: the figure is what the
    report states. A bare number counts as yuan. None when ``s`` is not an amount."""
    folded = fold(s).strip().replace(" ", "")
    if not folded:
        return None
    m = _ARABIC.fullmatch(folded)
    if m:
        number = Decimal(m.group("n").replace(",", "") + (m.group("f") or ""))
        return _as_yuan(number * _UNITS[m.group("u") or ""])
    m = _CHINESE.fullmatch(folded)
    if m is None or not (m.group("u") or m.group("y")):
        return None
    count = parse_count(m.group("n"))
    if count is None:
        return None
    return _as_yuan(Decimal(count) * _UNITS[m.group("u") or ""])
