"""Tests for zhenggai.metadata: 发文机关, 主送机关, 成文日期 from the cleaned body."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.metadata import addressees, context_year, issuer, opening, signed_date

from support import cn_date, seed_document

SEEDS = {
    0: ("中共盘锦辽东湾新区工作委员会", (), dt.date(2020, 11, 16)),
    1: (
        "中共大连金普新区工作委员会",
        ("新区纪工委机关", "党工委各部委", "区直各党(工)委(党组)", "各人民团体"),
        dt.date(2019, 8, 12),
    ),
    2: ("中共泉州市鲤城区委高新技术产业开发区工作委员会", (), dt.date(2021, 2, 9)),
    3: ("中共湖南汨罗高新技术产业开发区工作委员会", (), dt.date(2023, 11, 2)),
    4: ("中共绍兴滨海新区工作委员会", (), dt.date(2024, 2, 23)),
}


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_seeds(number: int) -> None:
    title, body = seed_document(number)
    expected_issuer, expected_addressees, expected_signed = SEEDS[number]
    assert issuer(title, body) == expected_issuer
    assert addressees(body) == expected_addressees
    assert signed_date(body) == expected_signed
    assert context_year(title, body, signed_date(body)) == expected_signed.year


def test_seed_opening_skips_the_addressee_line() -> None:
    _title, body = seed_document(1)
    first = opening(body)[0]
    assert first.startswith("根据省委和省委巡视工作领导小组统一部署")


# --- issuer ------------------------------------------------------------------------

def test_issuer_signed_wins_over_title() -> None:
    body = ["正文。", "中共泉州市鲤城区委高新技术产业开发区工作委员会", "2021年2月9日"]
    assert issuer("鲤城高新区党工委关于市委联动巡察整改进展情况的通报", body) == (
        "中共泉州市鲤城区委高新技术产业开发区工作委员会"
    )


def test_issuer_falls_back_to_title() -> None:
    body = ["根据市委统一部署,市委第二巡察组对新区进行了巡察。", "特此通报。"]
    assert issuer("鲤城高新区党工委关于市委联动巡察整改进展情况的通报", body) == "鲤城高新区党工委"


@pytest.mark.parametrize("title", [None, "", "关于巡察整改情况的通报", "巡察整改情况通报",
                                   "根据市委部署,现将情况关于通报"])
def test_issuer_none_when_nobody_says(title: str | None) -> None:
    assert issuer(title, ["正文第一段。", "特此通报。"]) is None


def test_issuer_and_date_on_one_line() -> None:
    body = ["正文。", "中共株洲市荷塘区委  2025年3月1日"]
    assert issuer(None, body) == "中共株洲市荷塘区委"
    assert signed_date(body) == dt.date(2025, 3, 1)


def test_issuer_without_date_line() -> None:
    assert issuer(None, ["正文。", "中共宁波前湾新区工作委员会"]) == "中共宁波前湾新区工作委员会"


def test_sentence_before_date_is_not_an_organ() -> None:
    body = ["我们将持续推进整改工作,确保于", "2021年3月31日"]
    assert issuer(None, body) is None
    assert signed_date(body) == dt.date(2021, 3, 31)


def test_closing_phrase_is_not_an_organ() -> None:
    assert issuer(None, ["正文。", "特此通报", "2021年3月31日"]) is None


# --- signed_date ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("二〇二〇年十一月十六日", dt.date(2020, 11, 16)),
        ("二○二三年一月五日", dt.date(2023, 1, 5)),
        ("２０２０年１１月１６日", dt.date(2020, 11, 16)),
        ("2020-11-16", dt.date(2020, 11, 16)),
        ("2020年11月16日。", dt.date(2020, 11, 16)),
    ],
)
def test_signed_date_forms(line: str, expected: dt.date) -> None:
    assert signed_date(["正文。", "中共某某区委", line]) == expected


def test_signed_date_none_without_signature() -> None:
    assert signed_date(["2020年4月20日至6月19日,市委第二巡察组对新区进行了巡察。", "特此通报。"]) is None
    assert signed_date([]) is None


def test_signed_date_needs_a_year() -> None:
    assert signed_date(["正文。", "中共某某区委", "11月16日"]) is None


def test_signed_date_tolerates_a_trailing_line() -> None:
    body = ["正文。", "中共某某区委", "2020年11月16日", "(此件公开发布)"]
    assert signed_date(body) == dt.date(2020, 11, 16)
    assert issuer(None, body) == "中共某某区委"


# --- addressees ----------------------------------------------------------------------

def test_addressees_full_width_kept_as_printed() -> None:
    body = ["新区纪工委机关，党工委各部委，区直各党（工）委（党组），各人民团体：", "根据……。"]
    assert addressees(body) == ("新区纪工委机关", "党工委各部委", "区直各党（工）委（党组）", "各人民团体")


def test_addressees_enumeration_comma_inside_parentheses() -> None:
    body = ["各县(市、区)委,市直各单位、各人民团体:", "根据……。"]
    assert addressees(body) == ("各县(市、区)委", "市直各单位", "各人民团体")


@pytest.mark.parametrize(
    "first",
    [
        "根据市委巡察工作统一部署,市委联动巡察组对高新区开展了巡察。现将巡察整改进展情况予以公布:",
        "根据市委统一部署,现将有关情况通报如下:",
        "各党总支(支部),各人民团体",
        "一、强化组织领导:",
    ],
)
def test_no_addressee_line(first: str) -> None:
    assert addressees([first, "正文。"]) == ()


def test_addressees_only_from_first_paragraph() -> None:
    assert addressees(["根据……。", "各党总支(支部),各人民团体:"]) == ()


ORGANS = st.sampled_from(
    ["新区纪工委机关", "党工委各部委", "区直各党(工)委(党组)", "各人民团体", "各县(市、区)委",
     "市直各单位", "各乡镇党委", "各街道党工委", "区委各部委", "各党总支(支部)", "区直机关各部门"]
)


@given(st.lists(ORGANS, min_size=1, max_size=6), st.sampled_from([",", "，", "、"]),
       st.sampled_from([":", "："]))
@example(["各县(市、区)委", "各人民团体"], "、", ":")
def test_addressees_round_trip(items: list[str], sep: str, colon: str) -> None:
    assert addressees([sep.join(items) + colon, "根据……。"]) == tuple(items)


# --- signature property --------------------------------------------------------------

@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)),
    st.sampled_from(["中共盘锦辽东湾新区工作委员会", "中共株洲市荷塘区委", "中共某某县委巡察工作领导小组",
                     "广州南沙新区明珠湾开发建设管理局党组", "杭州经济技术开发区党工委"]),
    st.booleans(),
    st.booleans(),
)
@example(dt.date(2020, 11, 16), "中共盘锦辽东湾新区工作委员会", True, False)
def test_signature_round_trip(day: dt.date, organ: str, chinese: bool, same_line: bool) -> None:
    printed = cn_date(day) if chinese else f"{day.year}年{day.month}月{day.day}日"
    tail = [f"{organ} {printed}"] if same_line else [organ, printed]
    body = ["7月28日,市委巡察组反馈了巡察意见。", "联系电话:0427-3410198。", *tail]
    assert signed_date(body) == day
    assert issuer(None, body) == organ


def test_cn_date_helper() -> None:
    assert cn_date(dt.date(2020, 11, 16)) == "二〇二〇年十一月十六日"
    assert cn_date(dt.date(2023, 10, 20)) == "二〇二三年十月二十日"


# --- context_year ---------------------------------------------------------------------

def test_context_year_prefers_signature() -> None:
    assert context_year("关于2019年巡察整改情况的通报", ["2020年7月28日,反馈。"], dt.date(2021, 1, 5)) == 2021


def test_context_year_from_opening_then_title() -> None:
    body = ["根据部署,2018年11月5日至2019年1月5日,省委第二巡视组进行了巡视。2019年3月9日反馈。", "一、标题", "2030年1月1日"]
    assert context_year(None, body, None) == 2019
    assert context_year("某某区2020年度巡察整改情况的通报", ["正文。"], None) == 2020
    assert context_year(None, ["正文。"], None) is None


# --- opening --------------------------------------------------------------------------

def test_opening_stops_at_first_heading_and_at_three() -> None:
    assert opening(["甲。", "(一)乙", "丙。"]) == ("甲。",)
    assert opening(["甲。", "乙。", "丙。", "丁。"]) == ("甲。", "乙。", "丙。")
    assert opening(["", "  ", "甲。"]) == ("甲。",)


# --- pathological lines (timings: benchmarks/hostile.py) ----------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["委", "中共某某委员会", "1、", "各单位,", "2020年11月16日"])
def test_long_lines_complete(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    body = [line + ":", line, line]
    assert issuer(line, body) is None  # no organ name stands alone
    assert addressees(body) == () and signed_date(body) is None
    assert context_year(line, body, None) in (None, 2020)


def test_signature_date_four_lines_from_the_end() -> None:
    body = ["正文。", "中共某某区委", "2020年11月16日", "(此件公开发布)", "抄送:市委巡察办", "附件:整改清单"]
    assert (issuer(None, body), signed_date(body)) == ("中共某某区委", dt.date(2020, 11, 16))
    assert signed_date(["中共某某区委", "2020年11月16日", "甲", "乙", "丙", "丁"]) is None
