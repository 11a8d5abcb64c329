"""Chinese and Arabic numerals on captured spans (zhenggai.numerals)."""

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.numerals import cn_to_int, parse_count, parse_percent

DIGITS = "零一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789%", "０１２３４５６７８９％")


def _section(n: int, *, liang: bool) -> str:
    """0 < n < 10000 in standard form: 一千零五, 二百一十五, 三十一."""
    out, gap = [], False
    for unit, value in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit = n // value % 10
        if digit == 0:
            gap = bool(out)
            continue
        if gap:
            out.append("零")
            gap = False
        out.append("两" if liang and digit == 2 and unit in ("千", "百") else DIGITS[digit])
        out.append(unit)
    return "".join(out)


def render(n: int, *, liang: bool = False, short_ten: bool = True) -> str:
    """n in 0..99999 as a Chinese numeral; ``short_ten`` writes 十五 rather than 一十五."""
    if n == 0:
        return "零"
    high, low = divmod(n, 10000)
    text = ""
    if high:
        text = ("两" if liang and high == 2 else _section(high, liang=liang)) + "万"
        if low and low < 1000:
            text += "零"
    if low:
        text += _section(low, liang=liang)
    if short_ten and text.startswith("一十"):
        text = text[1:]
    return text


@given(st.integers(0, 99999), st.booleans(), st.booleans())
@example(10, False, True).via("十")
@example(1005, False, True).via("一千零五")
@example(10015, False, True).via("一万零一十五")
@example(20000, True, True).via("两万")
def test_chinese_numerals_parse_back(n: int, liang: bool, short_ten: bool) -> None:
    text = render(n, liang=liang, short_ten=short_ten)
    assert cn_to_int(text) == n
    assert parse_count(text) == n


@given(st.integers(0, 10**9))
def test_digit_strings_in_both_widths(n: int) -> None:
    assert cn_to_int(str(n)) == n
    assert parse_count(str(n).translate(FULL_WIDTH)) == n


@given(st.integers(1, 9999), st.integers(1, 9))
def test_mixed_scripts_count(high: int, thousands: int) -> None:
    assert parse_count(f"{high}万{thousands}千") == high * 10000 + thousands * 1000
    assert cn_to_int(f"{high}万") is None  # cn_to_int takes one script only


@pytest.mark.parametrize(
    "text, value",
    [("十五", 15), ("一百一十五", 115), ("两", 2), ("二十", 20), ("三十一", 31), ("〇", 0),
     ("一千零五", 1005), ("三万十五", 30015), ("十万", 100000), ("一亿零五万", 100050000),
     ("贰拾", 20), ("２０", 20)],
)
def test_known_numerals(text: str, value: int) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize(
    "text",
    ["统一", "一是", "一百五", "两万五", "百", "万", "一千零", "二百十五", "一1", "", " ", "1.5", "十百"],
)
def test_not_numerals(text: str) -> None:
    """Words that merely contain numerals, and colloquial or malformed forms, are refused."""
    assert cn_to_int(text) is None
    assert parse_count(text) is None


def test_digit_by_digit_is_a_year_not_a_count() -> None:
    assert cn_to_int("二〇二〇") == 2020
    assert cn_to_int("二O二一") == 2021
    assert parse_count("二〇二〇") is None
    assert parse_count("一一") is None


def test_decimal_with_unit_counts_when_whole() -> None:
    assert parse_count("1.2万") == 12000
    assert parse_count("1.23456万") is None


@given(st.text(max_size=30))
@example("1" * 5000)  # int() refused over 4300 digits (found by benchmarks/hostile.py)
@example("二" * 5000)
@example("百分之" + "一" * 5000)
def test_never_raises(text: str) -> None:
    for f in (cn_to_int, parse_count):
        value = f(text)
        assert value is None or (isinstance(value, int) and value >= 0)
    rate = parse_percent(text)
    assert rate is None or isinstance(rate, float)


@given(st.decimals(min_value=0, max_value=100, places=1), st.booleans())
@example(Decimal("73.3"), False)
def test_percent_is_exact_fraction(value: Decimal, full_width: bool) -> None:
    text = f"{value}%"
    if full_width:
        text = text.translate(FULL_WIDTH)
    assert parse_percent(text) == float(value / 100)


def test_percent_examples() -> None:
    assert parse_percent("73.3%") == 0.733
    assert parse_percent("76%") == 0.76
    assert parse_percent("百分之七十三点三") == 0.733
    assert parse_percent("百分之百") == 1.0
    assert parse_percent("73.3") is None
