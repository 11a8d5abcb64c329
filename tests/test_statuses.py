"""Statuses and deadlines: the RECORD.md vocabulary, variants, typos, deadline forms."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.dates import month_end, scan
from zhenggai.statuses import (
    _DONE_AFTER,
    _PERIOD,
    _PERIOD_MARK,
    _PERIOD_START,
    _is_target,
    classify,
    deadline,
    periods,
    planned_deadline,
)
from zhenggai.text import fold


@pytest.mark.parametrize(
    "text, status",
    [
        ("已完成", "completed"),
        ("已完成。", "completed"),
        ("已完成整改", "completed"),
        ("已整改到位", "completed"),
        ("整改完成", "completed"),
        ("已全部完成", "completed"),
        ("已 完 成", "completed"),
        ("以完成整改", "completed"),
        ("己完成", "completed"),
        ("完成", "completed"),
        ("基本完成", "basically_completed"),
        ("已基本完成整改", "basically_completed"),
        ("正在整改", "in_progress"),
        ("正在整改,2020年12月底前完成", "in_progress"),
        ("正在整改，2020年12底前完成。", "in_progress"),
        ("取得阶段性成果", "in_progress"),
        ("已取得阶段性成效", "in_progress"),
        ("持续整改,2021年6月底前完成", "in_progress"),
        ("2020年12月底前完成", "in_progress"),
        ("年底前完成", "in_progress"),
        ("尚未完成", "in_progress"),
        ("长期推进", "long_term"),
        ("长期坚持", "long_term"),
        ("长期整改", "long_term"),
        ("正在整改,长期推进", "long_term"),
        ("已完成,长期坚持", "long_term"),
        ("持续整改", "long_term"),
        ("", None),
        ("见附件", None),
        ("2020年9月", None),
    ],
)
def test_classify(text: str, status: str | None) -> None:
    assert classify(text) == status


@pytest.mark.parametrize(
    "text, default_year, expected",
    [
        ("2020年12月31日前完成", None, dt.date(2020, 12, 31)),
        ("正在整改,2020年12底前完成", None, dt.date(2020, 12, 31)),
        ("2021年6月前", None, dt.date(2021, 6, 30)),
        ("2021年6月底前", None, dt.date(2021, 6, 30)),
        ("2020年2月底前", None, dt.date(2020, 2, 29)),
        ("年底前", 2020, dt.date(2020, 12, 31)),
        ("年底前", None, None),
        ("12月底前", 2019, dt.date(2019, 12, 31)),
        ("完成时限:2021年3月31日", None, dt.date(2021, 3, 31)),
        ("完成时限：2021年3月31日。", None, dt.date(2021, 3, 31)),
        ("2021-03-31前完成", None, dt.date(2021, 3, 31)),
        ("二〇二一年六月底前完成", None, dt.date(2021, 6, 30)),
        ("2021年一季度前完成", None, dt.date(2021, 3, 31)),
        ("2021年上半年完成", None, dt.date(2021, 6, 30)),
        ("2020年底", None, dt.date(2020, 12, 31)),
        ("已于2020年5月完成,2021年6月底前全部完成", None, dt.date(2021, 6, 30)),
        ("2020年5月、2020年8月", None, None),
        ("已完成", 2020, None),
        ("2020年13月底前", None, None),
        ("2021年2月30日前", None, None),
    ],
)
def test_deadline(text: str, default_year: int | None, expected: dt.date | None) -> None:
    assert deadline(text, default_year=default_year) == expected


def test_a_year_less_period_takes_the_year_before_it() -> None:
    values = [p.value for p in periods("2019年11月启动,12月底前完成", default_year=2030)]
    assert values == [dt.date(2019, 11, 30), dt.date(2019, 12, 31)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("建成后污水处理规模将达2万m3/d,12月底完成竣工。", dt.date(2023, 12, 31)),
        ("计划2019年12月底前完成首批设备采购", dt.date(2019, 12, 31)),
        ("于2020年7月完成新区内设机构12项政务服务事项向大厅集中工作", None),
        ("预计2020年底将达到95%以上", None),
        ("截至2020年12月31日已缴款25000元", None),
    ],
)
def test_planned_deadline(text: str, expected: dt.date | None) -> None:
    assert planned_deadline(text, default_year=2023) == expected


# --- property: every vocabulary phrase, with and without a rendered deadline ---

_VOCABULARY = [
    ("已完成", "completed", False), ("已完成整改", "completed", False), ("已整改到位", "completed", False),
    ("整改完成", "completed", False), ("已全部完成", "completed", False),
    ("基本完成", "basically_completed", False),
    ("正在整改", "in_progress", True), ("取得阶段性成果", "in_progress", True),
    ("持续整改", "in_progress", True),
    ("长期推进", "long_term", False), ("长期坚持", "long_term", False), ("长期整改", "long_term", False),
    ("正在整改,长期推进", "long_term", False),
]


def _cn_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(year))


def _cn_small(n: int) -> str:
    tens, ones = divmod(n, 10)
    head = "" if not tens else "十" if tens == 1 else "二三"[tens - 2] + "十"
    return head + ("" if not ones else "一二三四五六七八九"[ones - 1])


@st.composite
def _rendered_deadline(draw) -> tuple[str, dt.date]:
    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
    y, m, d = day.year, day.month, day.day
    forms = [
        (f"{y}年{m}月{d}日前完成", day),
        (f"{y}年{m}月{d}日之前", day),
        (f"{y}年{m}月底前完成", month_end(y, m)),
        (f"{y}年{m}月前完成", month_end(y, m)),
        (f"{y}年{m}底前完成", month_end(y, m)),
        (f"{y}-{m:02d}-{d:02d}前完成", day),
        (f"{_cn_year(y)}年{_cn_small(m)}月底前完成", month_end(y, m)),
        (f"{_cn_year(y)}年{_cn_small(m)}月{_cn_small(d)}日前完成", day),
    ]
    return draw(st.sampled_from(forms))


@given(
    entry=st.sampled_from(_VOCABULARY),
    when=st.one_of(st.none(), _rendered_deadline()),
    comma=st.sampled_from([",", "，", ";", "；"]),
    stop=st.sampled_from(["", "。", "."]),
)
def test_vocabulary_and_deadlines_parse_back(entry: tuple[str, str, bool], when: tuple[str, dt.date] | None,
                                            comma: str, stop: str) -> None:
    phrase, status, takes_deadline = entry
    if not takes_deadline:
        when = None
    elif phrase == "持续整改" and when is None:
        status = "long_term"  # 持续整改 without a deadline stays open for good
    phrase = phrase.replace(",", comma)
    text = (f"{phrase}{comma}{when[0]}" if when else phrase) + stop
    assert classify(text) == status
    assert deadline(text, default_year=2020) == (when[1] if when else None)


@given(st.text(max_size=300), st.one_of(st.none(), st.integers(min_value=-5, max_value=10000)))
def test_any_text_is_safe(text: str, year: int | None) -> None:
    status = classify(text)
    assert status in (None, "completed", "basically_completed", "in_progress", "long_term")
    found = deadline(text, default_year=year)
    assert found is None or isinstance(found, dt.date)
    planned_deadline(text, default_year=year)


# periods' shortcuts: a coarse period is tried only where one can begin (``scan``), and a
# text without 年, 月 or 季 holds none. Both must agree with a plain search.
_PERIOD_PARTS = [*"0123456789〇零○◯一二三四五六七八九十年月季度第上下半今本当底末份内前日号 改", "\u3000",
                 "2021", "二〇二〇", "12", "十二", "季度", "半年"]


@given(st.lists(st.sampled_from(_PERIOD_PARTS), max_size=20).map("".join))
@example("2021年第一季度末,下半年,今年底前,12月底,二〇二〇年12底,第二季度")
def test_period_search_shortcuts_change_nothing(text: str) -> None:
    expected = [m.span() for m in _PERIOD.finditer(text)]
    assert [m.span() for m in scan(_PERIOD, _PERIOD_START, text)] == expected
    assert not expected or _PERIOD_MARK.search(text)


# planned_deadline's shortcut: a text where no date or period character is followed by
# what _DONE_AFTER matches holds no planned completion. It must agree with a plain reading.
_PLANNED_PARTS = ["2021年", "二〇二〇年", "12月", "6月", "十二月", "底", "末", "份", "内", "前", "以前", "之前", " ", "\u3000",
                  "全部", "基本", "整改", "完成", "第一季度", "4季度", "上半年", "下半年", "年底", "今年", "16日", "3号",
                  "至25日", "2020-11-16", "2018625日", "9", ",", "改"]


@given(st.lists(st.sampled_from(_PLANNED_PARTS), max_size=10).map("".join), st.sampled_from([None, 2021]))
@example("12月 前完成", 2021)  # every character a date or period ends with, before 完成
@example("2020-11-16前完成", None)
@example("12月16日前完成", 2021)
@example("12月3号前完成", 2021)
@example("6月份前整改完成", 2021)
@example("年底完成", 2021)
@example("第一季度末全部完成", 2021)
@example("第一季度前完成", 2021)
@example("上半年前完成", 2021)
@example("年内前完成", 2021)
def test_planned_deadline_shortcut_changes_nothing(text: str, year: int | None) -> None:
    folded = fold(text)
    expected = next((p.value for p in periods(text, default_year=year)
                     if _is_target(folded, p) and _DONE_AFTER.match(folded, p.end)), None)
    assert planned_deadline(text, default_year=year) == expected
