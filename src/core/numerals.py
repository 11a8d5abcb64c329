"""Numbers written the way Chinese official documents write them.

Every function here takes a *captured span* (the ``44`` of ``44项``, the ``十五`` of
``十五个问题``), never running text: a converter run over a whole paragraph would turn
``一是`` or ``统一`` into digits. Patterns that capture such spans can use ``CN_DIGITS``
and ``CN_NUMERAL`` to build their character classes.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Optional

from .text import fold

# Chinese digits, including the financial (大写) forms and the zero variants that
# scraped texts use (〇 U+3007, ○ U+25CB, ◯ U+25EF, and the Latin O typed for it).
_DIGIT_VALUES = {
    "零": 0, "〇": 0, "○": 0, "◯": 0, "O": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_ZEROS = frozenset("零〇○◯O")

#: Chinese digit characters (without the Latin ``O``, which is not safe in a class).
CN_DIGITS = "".join(c for c in _DIGIT_VALUES if c != "O")
#: Every character a Chinese numeral may contain (digits and units).
CN_NUMERAL = CN_DIGITS + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")
_CN_PERCENT = re.compile(rf"百分之([{CN_NUMERAL}]+)(?:点([{CN_DIGITS}]+))?")
# No numeral a document prints is longer (九千九百九十九亿… is about 30 chars); longer
# spans are refused, which also keeps int() under Python's 4300-digit conversion limit.
_MAX_CHARS = 64



def _tokens(s: str, allow_arabic: bool) -> Optional[list[tuple[str, Decimal]]]:
    """Split a numeral into ("n", value) / ("u", unit) / ("b", big unit) / ("z", 0) tokens."""
    out: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(s):
        c = s[i]
        m = _ARABIC.match(s, i) if allow_arabic else None
        if m:
            out.append(("n", Decimal(m.group())))
            i = m.end()
            continue
        if c in _ZEROS:
            out.append(("z", Decimal(0)))
        elif c in _DIGIT_VALUES:
            out.append(("n", Decimal(_DIGIT_VALUES[c])))
        elif c in _SMALL_UNITS:
            out.append(("u", Decimal(_SMALL_UNITS[c])))
        elif c in _BIG_UNITS:
            out.append(("b", Decimal(_BIG_UNITS[c])))
        else:
            return None
        i += 1
    return out


def _evaluate(tokens: list[tuple[str, Decimal]]) -> Optional[Decimal]:
    """Value of a unit numeral (一千零五, 3万2千, 1.2亿), or None when malformed.

    Strict on purpose: units must fall within a section (千 > 百 > 十) and between
    sections (亿 > 万); a bare digit after 百/千 without 零 (colloquial 一百五 = 150)
    is refused rather than guessed.
    """
    total = Decimal(0)
    section = Decimal(0)
    number: Optional[Decimal] = None
    last_small = Decimal("Infinity")
    last_big = Decimal("Infinity")
    last_unit = Decimal(1)
    zero_seen = False
    previous = ""
    for kind, value in tokens:
        if kind == "n":
            if number is not None:
                return None
            number = value
        elif kind == "z":
            if number is not None or previous in ("", "z"):
                return None
            zero_seen = True
        elif kind == "u":
            if value >= last_small or (number is not None and number >= 10):
                return None
            if number is None:
                # 十五 = 15, 三万十五, 一百零十: an omitted 一 is only usual before a
                # 十 that opens a section.
                if value != 10 or previous not in ("", "b", "z"):
                    return None
                number = Decimal(1)
            section += number * value
            last_small, last_unit, number, zero_seen = value, value, None, False
        else:  # big unit
            if value >= last_big:
                return None
            if number is not None:
                section += number
            if section == 0:
                return None
            total += section * value
            section, number = Decimal(0), None
            last_small, last_big, last_unit, zero_seen = Decimal("Infinity"), value, value, False
        previous = kind
    if number is not None:
        if last_unit > 10 and not zero_seen:
            return None  # 一百五, 两万五: colloquial 150 and 25000, not 105 and 20005
        section += number
    elif previous == "z":
        return None
    return total + section


def _positional(s: str) -> Optional[int]:
    """Digit-by-digit numerals (二〇二〇 → 2020), as years are written."""
    if len(s) < 2 or any(c not in _DIGIT_VALUES or c in "两兩" for c in s):
        return None
    return int("".join(str(_DIGIT_VALUES[c]) for c in s))


def _parse(s: str, *, counting: bool) -> Optional[Decimal]:
    """Value of ``s``; ``counting`` admits Arabic digits inside unit numerals (1万2千) and
    refuses digit-by-digit readings, which are for years (一一 is no count of 11)."""
    s = fold(s).strip()
    if not s or len(s) > _MAX_CHARS:
        return None
    if s.isascii() and s.isdigit():
        return Decimal(int(s))
    positional = _positional(s)
    if positional is not None:
        return None if counting else Decimal(positional)
    if len(s) == 1 and s in _DIGIT_VALUES:
        return Decimal(_DIGIT_VALUES[s])
    tokens = _tokens(s, allow_arabic=counting)
    if not tokens:
        return None
    return _evaluate(tokens)


# cn_to_int and parse_count are cached: the same few spans (heading numbers, months,
# days, counts) come back all the time.
@functools.lru_cache(maxsize=4096)
def cn_to_int(s: str) -> Optional[int]:
    """Integer value of a Chinese numeral or digit string (``一百一十五`` → 115,
    ``两`` → 2, ``二〇二〇`` → 2020, ``４４`` → 44); None when ``s`` is not one."""
    value = _parse(s, counting=False)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


@functools.lru_cache(maxsize=4096)
def parse_count(s: str) -> Optional[int]:
    """A captured count in any script: ``44``, ``４４``, ``三``, ``十五``, ``1万2千``, ``1.2万``.

    Returns None when the span is not a whole number (``1.5``, ``统一``) or reads only
    digit by digit (``一一``, ``二〇``), which no count is written as."""
    value = _parse(s, counting=True)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def parse_percent(s: str) -> Optional[float]:
    """A captured percentage as a fraction: ``73.3%`` → 0.733, ``百分之百`` → 1.0.

    Computed in decimal so that ``73.3%`` is exactly the float nearest 0.733."""
    folded = fold(s).strip()
    m = _PERCENT.fullmatch(folded)
    if m:
        return float(Decimal(m.group(1)) / 100)
    m = _CN_PERCENT.fullmatch(folded)
    if not m:
        return None
    whole = 100 if m.group(1) == "百" else cn_to_int(m.group(1))
    if whole is None:
        return None
    fraction = m.group(2)
    digits = "".join(str(_DIGIT_VALUES[c]) for c in fraction) if fraction else "0"
    return float(Decimal(f"{whole}.{digits}") / 100)
