"""Sums of money in yuan (zhenggai.money)."""

import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.money import AMOUNT, parse_yuan

UNITS = {"": 1, "万": 10**4, "亿": 10**8}
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@given(
    st.integers(0, 10**7),
    st.text("0123456789", max_size=4),
    st.sampled_from(sorted(UNITS)),
    st.booleans(),
)
@example(10, "97", "亿", False).via("10.97亿元 is exactly 1097000000")
@example(0, "75", "万", False)
@example(144714, "4", "万", False)
@example(1, "005", "", False).via("half-up rounding to the fen")
def test_amounts_parse_back_exactly(whole: int, fraction: str, unit: str, full_width: bool) -> None:
    number = f"{whole}.{fraction}" if fraction else str(whole)
    text = f"{number}{unit}元"
    if full_width:
        text = text.translate(FULL_WIDTH)
    expected = (Decimal(number) * UNITS[unit]).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    value = parse_yuan(text)
    if expected == expected.to_integral_value():
        assert type(value) is int and value == int(expected)
    else:
        assert type(value) is float and value == float(expected)


@pytest.mark.parametrize(
    "text, value",
    [("12.6万元", 126000), ("10.97亿元", 1097000000), ("280万元", 2800000), ("0.75万元", 7500),
     ("456.5万元", 4565000), ("3188万元", 31880000), ("144714.4万元", 1447144000), ("1.2亿", 120000000),
     ("五万元", 50000), ("8.73万", 87300), ("25000元", 25000), ("2904.35元", 2904.35),
     ("1,234.5万元", 12345000), ("27万余元", 270000), ("一百五十万元", 1500000), (" 404.77万元 ", 4047700)],
)
def test_known_amounts(text: str, value: float) -> None:
    assert parse_yuan(text) == value
    assert type(parse_yuan(text)) is type(value)


@pytest.mark.parametrize("text", ["", "万元", "统一", "abc", "五", "1.2.3万元", "12.6万美元"])
def test_not_amounts(text: str) -> None:
    assert parse_yuan(text) is None


@given(st.text(max_size=20))
def test_never_raises(text: str) -> None:
    value = parse_yuan(text)
    assert value is None or value >= 0


@given(st.integers(1, 10**6), st.sampled_from(["万元", "亿元", "元", "万"]))
def test_amount_pattern_captures_what_parse_yuan_reads(n: int, unit: str) -> None:
    text = f"清退款项{n}{unit},其余"
    m = re.search(AMOUNT, text)
    assert m is not None and m.group() == f"{n}{unit}"
    assert parse_yuan(m.group()) == n * UNITS[unit.rstrip("元")]
