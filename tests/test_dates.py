"""Dates and timestamps as reports print them (zhenggai.dates)."""

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.dates import (
    _DATE,
    _DATE_MARK,
    _DATE_START,
    DateSpan,
    ends_like_date,
    find_dates,
    month_end,
    parse_date,
    parse_timestamp,
    scan,
)

DIGITS = "〇一二三四五六七八九"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))
# Filler that can neither form nor continue a date.
FILLER = list("巡察整改反馈问题党工委根据部署组织进行,。、:() ")
filler = st.text(st.sampled_from(FILLER), max_size=12)
separator = st.text(st.sampled_from(FILLER), min_size=1, max_size=12)


def small_cn(n: int) -> str:
    """1..31 in Chinese: 五, 十, 十六, 二十, 三十一."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")) + (DIGITS[ones] if ones else "")


def render(d: dt.date, form: str, zero: str = "〇") -> str:
    if form == "cn":
        year = "".join(DIGITS[int(c)] for c in str(d.year)).replace("〇", zero)
        return f"{year}年{small_cn(d.month)}月{small_cn(d.day)}日"
    if form == "ymd":
        return f"{d.year}年{d.month}月{d.day}日"
    if form == "hao":
        return f"{d.year}年{d.month}月{d.day}号"
    sep = {"dash": "-", "dot": ".", "slash": "/"}[form]
    return f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d}"


FORMS = ["cn", "ymd", "hao", "dash", "dot", "slash"]


@given(dates, st.sampled_from(FORMS), st.sampled_from("〇零○O"), st.booleans())
@example(dt.date(2020, 11, 16), "cn", "〇", False).via("二〇二〇年十一月十六日")
@example(dt.date(2020, 2, 29), "ymd", "〇", True)
def test_every_form_parses_back(d: dt.date, form: str, zero: str, full_width: bool) -> None:
    text = render(d, form, zero)
    if full_width:
        text = text.translate(FULL_WIDTH)
    assert parse_date(text) == d
    assert parse_date(f"  {text}\u3000") == d


@given(dates, st.booleans())
def test_month_day_takes_default_year(d: dt.date, chinese: bool) -> None:
    text = f"{small_cn(d.month)}月{small_cn(d.day)}日" if chinese else f"{d.month}月{d.day}日"
    assert parse_date(text, default_year=d.year) == d
    assert parse_date(text) is None


@given(st.integers(1950, 2099), st.integers(1, 12), st.integers(1, 9))
@example(2021, 2, 1).via("2021年2月29日")
@example(2020, 2, 1).via("2020年2月30日")
def test_invalid_dates_are_none(year: int, month: int, overshoot: int) -> None:
    day = month_end(year, month).day + overshoot
    assert parse_date(f"{year}年{month}月{day}日") is None
    assert parse_date(f"{month}月{day}日", default_year=year) is None
    assert find_dates(f"于{year}年{month}月{day}日反馈") == []


@pytest.mark.parametrize("text", ["2021年6月", "12月底", "2020年12底前完成", "2020年", "", "十一月", "2020-13-01"])
def test_not_dates(text: str) -> None:
    assert parse_date(text, default_year=2020) is None


@given(st.lists(st.tuples(separator, dates, st.sampled_from(FORMS)), min_size=1, max_size=5), filler)
def test_find_dates_finds_embedded_dates(parts: list, tail: str) -> None:
    """Dates separated by at least one character (2000-01-012000年… runs digits together,
    which find_dates rightly refuses to split) are all found, with their spans."""
    text, expected = "", []
    for before, d, form in parts:
        text += before
        start = len(text)
        text += render(d, form)
        expected.append(DateSpan(start, len(text), d, True))
    text += tail
    assert find_dates(text) == expected


@given(dates, dates, filler)
def test_yearless_date_takes_preceding_year(first: dt.date, second: dt.date, gap: str) -> None:
    text = f"{render(first, 'ymd')}{gap}{second.month}月{second.day}日"
    spans = find_dates(text)
    try:
        inherited = second.replace(year=first.year)
    except ValueError:  # 2月29日 in a common year
        assert [s.value for s in spans] == [first]
        return
    assert [(s.value, s.has_year) for s in spans] == [(first, True), (inherited, False)]
    assert text[spans[1].start:spans[1].end] == f"{second.month}月{second.day}日"


def test_ranges_and_context() -> None:
    text = "2020年4月20日至6月19日,市委第二巡察组进行了巡察。7月28日反馈。"
    assert [s.value for s in find_dates(text)] == [dt.date(2020, 4, 20), dt.date(2020, 6, 19), dt.date(2020, 7, 28)]
    spans = find_dates("2023年3月15日至25日")
    assert [(s.value, s.has_year) for s in spans] == [(dt.date(2023, 3, 15), True), (dt.date(2023, 3, 25), False)]
    assert [s.value for s in find_dates("7月28日", default_year=2020)] == [dt.date(2020, 7, 28)]
    assert find_dates("7月28日反馈") == []


@given(dates)
@example(dt.date(2018, 6, 25)).via("2018625日, corpus 22_hangzhou_jkq")
@example(dt.date(2018, 8, 3)).via("201883日")
@example(dt.date(2018, 11, 1)).via("2018111日: 1月11日 or 11月1日, refused")
def test_run_together_digits_read_only_when_unambiguous(d: dt.date) -> None:
    text = f"{d.year}{d.month}{d.day}日"
    value = parse_date(text)
    assert value in (d, None)
    if d.month >= 10 and d.day >= 10:  # four digits: only a 2+2 split is possible
        assert value == d


def test_corpus_mangled_range() -> None:
    text = "根据市委统一部署,2018625日至201883日,市委第三巡察组进行了巡察。2018926日,反馈。"
    assert [s.value for s in find_dates(text)] == [dt.date(2018, 6, 25), dt.date(2018, 8, 3), dt.date(2018, 9, 26)]
    assert parse_date("2018111日") is None


@given(st.one_of(st.text(max_size=60), st.text("0123456789年月日号至-./:〇零○O一二三四五六七八九十 ", max_size=60)))
@example("2018111日至7月1日").via("ambiguous run-together digits give no year to inherit")
@example("〇〇〇〇年一月一日")
def test_find_dates_never_raises_and_spans_are_ordered(text: str) -> None:
    spans = find_dates(text, default_year=2020)
    ends = [0] + [s.end for s in spans]
    for s, previous_end in zip(spans, ends):
        assert previous_end <= s.start < s.end <= len(text)
    parse_date(text)
    parse_timestamp(text)


@given(dates, st.integers(0, 23), st.integers(0, 59), st.booleans(), st.sampled_from(["dash", "ymd", "slash"]))
def test_timestamps(d: dt.date, hour: int, minute: int, seconds: bool, form: str) -> None:
    clock = f"{hour:02d}:{minute:02d}" + (":33" if seconds else "")
    text = f"发布时间:{render(d, form)} {clock} 来源:"
    assert parse_timestamp(text) == f"{d.isoformat()}T{hour:02d}:{minute:02d}"
    assert parse_timestamp(f"发布日期:{render(d, form)}") == d.isoformat()


@pytest.mark.parametrize(
    "text, stamp",
    [("2021-02-10 23:00", "2021-02-10T23:00"), ("2024-07-18 11:16:33", "2024-07-18T11:16"),
     ("2019-08-21", "2019-08-21"), ("2023年12月27日 16:11", "2023-12-27T16:11"),
     ("信息时间::2020-07-17", "2020-07-17"), ("编辑:岳纪宣 发表时间:2023-12-27 16:11 来源:巴陵风纪网", "2023-12-27T16:11"),
     ("7月28日 10:00", None), ("无日期", None)],
)
def test_known_timestamps(text: str, stamp: str) -> None:
    assert parse_timestamp(text) == stamp


@given(st.integers(1900, 2100), st.integers(1, 12))
def test_month_end_is_last_day(year: int, month: int) -> None:
    last = month_end(year, month)
    assert (last.year, last.month) == (year, month)
    assert (last + dt.timedelta(days=1)).day == 1


# find_dates's shortcuts: a date is tried only where one can begin (``scan``), and a text
# without 日, 号 or a numeric separator holds none. Both must agree with a plain search.
_DATE_PARTS = [*"0123456789〇零○◯O一二三四五六七八九十百年月日号-./至到~ 改", "\u3000", "\u00a0",
               "2020", "1985", "二〇二〇", "12", "十一", "三十一"]


@given(st.lists(st.sampled_from(_DATE_PARTS), max_size=20).map("".join))
@example("二〇二〇年十一月十六日至二十日")
@example("2018625日, 2020.11.16, 十一月五日")
def test_date_search_shortcuts_change_nothing(text: str) -> None:
    expected = [m.span() for m in _DATE.finditer(text)]
    assert [m.span() for m in scan(_DATE, _DATE_START, text)] == expected
    assert not expected or _DATE_MARK.search(text)


# ends_like_date is the cheap test before a date search (a signature's date line, the
# organ line above it): it must pass every text that ends with a date.
_FULL_WIDTH_PARTS = ["２０２０", "１２", "٣"]


@given(st.one_of(
    st.lists(st.sampled_from(_DATE_PARTS + _FULL_WIDTH_PARTS), max_size=20).map("".join),
    st.tuples(filler, dates, st.sampled_from(FORMS), st.booleans()).map(
        lambda t: t[0] + (render(t[1], t[2]).translate(FULL_WIDTH) if t[3] else render(t[1], t[2]))),
))
@example("2020年11月16日")
@example("2020-11-16 ")
@example("二〇二〇年十一月十六日至二十日")
@example("２０２０年１２月３１日")
def test_a_text_that_ends_with_a_date_ends_like_one(text: str) -> None:
    stripped = text.strip()  # parse_date reads the text stripped
    if parse_date(stripped, default_year=2020) is not None:
        assert ends_like_date(stripped)
    if any(span.end == len(text) for span in find_dates(text, default_year=2020)):
        assert ends_like_date(text)
