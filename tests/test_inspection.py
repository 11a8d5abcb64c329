"""Tests for zhenggai.inspection: the inspection block from the opening and the title."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from support import cn_date, seed_document

from zhenggai.inspection import inspection
from zhenggai.metadata import signed_date
from zhenggai.record import INSPECTION_MODES, Inspection

D = dt.date


SEEDS = {
    0: Inspection(kind="巡察", by="市委", mode="常规", group="市委第二巡察组", group_number=2,
                  start=D(2020, 4, 20), end=D(2020, 6, 19), feedback_date=D(2020, 7, 28)),
    1: Inspection(kind="巡视", by="省委", group="省委第二巡视组", group_number=2,
                  start=D(2018, 11, 5), end=D(2019, 1, 5), feedback_date=D(2019, 3, 9)),
    2: Inspection(kind="巡察", by="市委", mode="联动", group="市委联动巡察组",
                  start=D(2019, 12, 3), end=D(2020, 1, 4), feedback_date=D(2020, 7, 6)),
    3: Inspection(kind="巡察", by="岳阳市委", mode="专项", group="岳阳市委园区专项巡察组",
                  start=D(2023, 3, 15), end=D(2023, 4, 25), feedback_date=D(2023, 7, 25)),
    4: Inspection(kind="巡视", by="省委", mode="常规", group="省委第七巡视组", group_number=7,
                  round="十五届省委第二轮", start=D(2023, 3, 3), end=D(2023, 5, 31),
                  feedback_date=D(2023, 7, 25)),
}


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_seeds(number: int) -> None:
    title, body = seed_document(number)
    assert inspection(title, body, signed=signed_date(body)) == SEEDS[number]


# The opening paragraphs of the development corpus (/work/shared/corpus), verbatim, with
# the titles as the frame step gives them (lines joined, chrome removed).
CORPUS = {
    "01_wuhan_jkq": (
        "中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报",
        ["根据省委巡视工作统一部署,2023年7月18日至9月15日,省委第六巡视组对武汉经开区开展了常规巡视,"
         "并于2023年11月1日反馈了巡视意见。按照巡视工作有关要求,现将巡视整改进展情况予以公布。",
         "一、巡视整改组织领导情况"],
        Inspection(kind="巡视", by="省委", mode="常规", group="省委第六巡视组", group_number=6,
                   round="十二届省委第四轮", start=D(2023, 7, 18), end=D(2023, 9, 15),
                   feedback_date=D(2023, 11, 1)),
    ),
    "03_dalian_puwan": (
        "中共大连普湾经济区工作委员会关于巡察整改情况的通报",
        ["各党总支(支部),各人民团体:",
         "根据市委统一部署,2019年11月1日至12月31日,市委第五巡察组对普湾经济区进行了常规巡察。2020年4月7日,"
         "巡察组向普湾经济区党工委反馈了巡察意见,普湾经济区制定了关于巡察整改情况的通报,已经党工委第32次会议"
         "研究通过。按照党务公开原则和巡察工作有关要求,现将巡察整改进展情况予以公布。"],
        Inspection(kind="巡察", by="市委", mode="常规", group="市委第五巡察组", group_number=5,
                   start=D(2019, 11, 1), end=D(2019, 12, 31), feedback_date=D(2020, 4, 7)),
    ),
    "05_xiamen_huli": (
        "中共厦门市湖里区委关于巡视整改进展情况的通报",
        ["根据省委部署,2024年10月21日至12月5日,省委巡视九组对湖里区委开展巡视,并于2025年2月19日反馈了巡视"
         "意见。按照党务公开规定和巡视工作有关要求,现将巡视整改进展情况予以公开。"],
        Inspection(kind="巡视", by="省委", group="省委巡视九组", group_number=9,
                   start=D(2024, 10, 21), end=D(2024, 12, 5), feedback_date=D(2025, 2, 19)),
    ),
    "09_jinhua_wucheng_wlt": (
        "中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报",
        ["根据区委统一部署,2022年9月16日至10月18日,区委第二巡察组对区文旅体局党组进行了巡察。2023年1月17日,"
         "区委巡察组向区文旅体局党组反馈了巡察意见。按照党务公开原则和巡察工作有关要求,现将巡察整改情况予以公布。"],
        Inspection(kind="巡察", by="区委", group="区委第二巡察组", group_number=2,
                   start=D(2022, 9, 16), end=D(2022, 10, 18), feedback_date=D(2023, 1, 17)),
    ),
    "12_zhuzhou_hetang": (
        "中共株洲市荷塘区委关于巡视整改进展情况的通报",
        ["根据省委统一部署,2024年9月10日至11月19日,省委第三巡视组对荷塘区进行了巡视。2024年12月28日,省委巡视组"
         "向荷塘区反馈了巡视意见。按照巡视工作有关要求,现将巡视整改进展情况予以公布。"],
        Inspection(kind="巡视", by="省委", group="省委第三巡视组", group_number=3,
                   start=D(2024, 9, 10), end=D(2024, 11, 19), feedback_date=D(2024, 12, 28)),
    ),
    "13_ningbo_qianwan_xinqu": (
        "中共宁波前湾新区工作委员会关于十四届省委第十二轮巡视整改进展情况的通报",
        ["根据省委统一部署,2021年3月31日至6月18日,省委第一巡视组对宁波前湾新区党工委(原宁波杭州湾新区党工委)"
         "进行了巡视。8月24日,省委巡视组向宁波前湾新区党工委反馈了巡视意见。按照巡视工作有关要求,现将巡视整改"
         "进展情况予以公布。"],
        Inspection(kind="巡视", by="省委", group="省委第一巡视组", group_number=1, round="十四届省委第十二轮",
                   start=D(2021, 3, 31), end=D(2021, 6, 18), feedback_date=D(2021, 8, 24)),
    ),
    "15_guangzhou_nansha_mzw": (
        None,
        ["根据四届区委第二轮巡察工作统一部署,2022年3月15日至5月20日,区委营商环境专项巡察组对中共广州市南沙新区"
         "明珠湾开发建设管理局(简称明珠湾管理局)党组开展专项巡察,并于7月5日召开巡察反馈会向明珠湾管理局党组"
         "反馈了巡察意见。根据《中国共产党巡视工作条例》和《中国共产党党内监督条例》的有关规定,现将巡察整改"
         "进展情况予以公布。"],
        Inspection(kind="巡察", by="区委", mode="专项", group="区委营商环境专项巡察组", round="四届区委第二轮",
                   start=D(2022, 3, 15), end=D(2022, 5, 20), feedback_date=D(2022, 7, 5)),
    ),
    "17_shanghai_xuhui": (
        "中共上海市徐汇区委员会关于十二届市委第二轮巡视集中整改进展情况的通报",
        ["根据市委统一部署,市委第一巡视组于2023年3月29日至6月16日对徐汇区进行了巡视,并于2023年8月29日反馈了"
         "巡视意见。按照巡视工作有关要求,现将巡视整改进展情况予以公布。"],
        Inspection(kind="巡视", by="市委", group="市委第一巡视组", group_number=1, round="十二届市委第二轮",
                   start=D(2023, 3, 29), end=D(2023, 6, 16), feedback_date=D(2023, 8, 29)),
    ),
    "22_hangzhou_jkq": (
        "杭州经济技术开发区党工委关于巡察整改情况的通报",
        ["根据市委统一部署,2018625日至201883日,市委第三巡察组对杭州经济技术开发区党工委进行了巡察。2018926日,"
         "市委巡察组向杭州经济技术开发区党工委反馈了巡察意见。按照党务公开原则和巡视巡察工作有关要求,现将巡察"
         "整改情况予以公布。"],
        Inspection(kind="巡察", by="市委", group="市委第三巡察组", group_number=3,
                   start=D(2018, 6, 25), end=D(2018, 8, 3), feedback_date=D(2018, 9, 26)),
    ),
    "27_hangzhou_shiwei_zjrb": (
        "中共杭州市委关于十九届中央第六轮巡视整改进展情况的通报",
        ["根据中央统一部署,2020年10月10日至12月20日,中央第四巡视组对浙江省开展了常规巡视,同时将杭州市委和市人大"
         "常委会、市政府、市政协党组主要负责人纳入巡视监督范围。2021年2月6日,中央第四巡视组向市委反馈了巡视意见。"],
        Inspection(kind="巡视", by="中央", mode="常规", group="中央第四巡视组", group_number=4,
                   round="十九届中央第六轮", start=D(2020, 10, 10), end=D(2020, 12, 20),
                   feedback_date=D(2021, 2, 6)),
    ),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_openings(name: str) -> None:
    title, body, expected = CORPUS[name]
    assert inspection(title, body) == expected


# --- handcrafted variants ------------------------------------------------------------

def test_full_width_punctuation() -> None:
    body = ["根据市委统一部署，２０２０年４月２０日至６月１９日，市委第二巡察组对新区党工委进行了常规巡察。"
            "７月２８日，市委巡察组向新区党工委反馈了巡察意见。"]
    assert inspection(None, body) == SEEDS[0]


def test_chinese_numeral_dates() -> None:
    body = ["根据市委统一部署,二〇二〇年四月二十日至六月十九日,市委第二巡察组对新区党工委进行了常规巡察。"
            "七月二十八日,市委巡察组向新区党工委反馈了巡察意见。"]
    assert inspection(None, body) == SEEDS[0]


def test_other_inspections_mentioned_first_do_not_count() -> None:
    body = ["按照省委第一巡视组反馈要求,2021年3月1日至4月2日,市委第二巡察组对某某县进行了巡察。"
            "5月3日,市委巡察组向某某县反馈了巡察意见。"]
    got = inspection("中共某某县委关于省委巡视整改情况的通报", body)
    assert (got.kind, got.by, got.group, got.group_number) == ("巡察", "市委", "市委第二巡察组", 2)
    assert (got.start, got.end, got.feedback_date) == (D(2021, 3, 1), D(2021, 4, 2), D(2021, 5, 3))


def test_place_name_starts_at_a_word_boundary() -> None:
    got = inspection(None, ["为落实省委第二巡视组对我区开展巡视的要求,现通报如下。"])
    assert (got.by, got.group) == ("省委", "省委第二巡视组")


def test_entry_wording_and_group_number_after_kind() -> None:
    got = inspection(None, ["2021年3月1日至4月30日,县委巡察三组进驻某某镇开展提级巡察。6月2日反馈了巡察意见。"])
    assert (got.by, got.group, got.group_number, got.mode) == ("县委", "县委巡察三组", 3, "提级")
    assert got.feedback_date == D(2021, 6, 2)


@pytest.mark.parametrize(
    ("group", "number"), [("省委巡视第一组", 1), ("中央第十五巡视组", 15), ("省委巡视组", None)]
)
def test_group_number_forms(group: str, number: int | None) -> None:
    got = inspection(None, [f"2021年4月8日至5月31日,{group}对某某县开展了巡视,6月30日向某某县委反馈了巡视意见。"])
    assert (got.group, got.group_number) == (group, number)
    assert (got.start, got.end, got.feedback_date) == (D(2021, 4, 8), D(2021, 5, 31), D(2021, 6, 30))


def test_month_only_period_is_not_a_date() -> None:
    got = inspection(None, ["2019年3月至5月,省委第二巡视组对某某县进行了巡视。"])
    assert (got.group, got.start, got.end) == ("省委第二巡视组", None, None)


def test_end_in_next_year_without_its_year() -> None:
    got = inspection(None, ["2019年12月3日至1月4日,市委联动巡察组对高新区开展了巡察。并于7月6日反馈了巡察意见。"])
    assert (got.start, got.end, got.feedback_date) == (D(2019, 12, 3), D(2020, 1, 4), D(2020, 7, 6))


def test_feedback_without_year_in_the_year_after_the_end() -> None:
    got = inspection(None, ["2020年10月10日至12月20日,中央第四巡视组对浙江省开展了常规巡视。"
                            "2月6日,中央第四巡视组向市委反馈了巡视意见。"])
    assert got.feedback_date == D(2021, 2, 6)


def test_feedback_on_the_last_day_stays_in_that_year() -> None:
    got = inspection(None, ["2020年4月20日至6月19日,市委第二巡察组对新区进行了巡察,并于6月19日反馈了巡察意见。"])
    assert got.feedback_date == D(2020, 6, 19)


def test_range_with_bare_end_day() -> None:
    got = inspection(None, ["2023年3月3日至31日,省委第七巡视组对新区开展了常规巡视。"])
    assert (got.start, got.end, got.feedback_date) == (D(2023, 3, 3), D(2023, 3, 31), None)


@pytest.mark.parametrize(
    ("signed", "start", "feedback"),
    [(D(2020, 11, 16), D(2020, 4, 20), D(2020, 7, 28)), (D(2021, 3, 1), D(2020, 4, 20), D(2020, 7, 28))],
)
def test_year_from_signature_when_none_printed(signed: dt.date, start: dt.date, feedback: dt.date) -> None:
    body = ["4月20日至6月19日,市委第二巡察组对新区进行了巡察。7月28日,市委巡察组向新区反馈了巡察意见。"]
    got = inspection(None, body, signed=signed)
    assert (got.start, got.feedback_date) == (start, feedback)


def test_feedback_year_from_signature_without_period() -> None:
    body = ["市委第二巡察组对新区进行了巡察。7月28日,市委巡察组向新区反馈了巡察意见。"]
    assert inspection(None, body, signed=D(2021, 3, 1)).feedback_date == D(2020, 7, 28)
    assert inspection(None, body).feedback_date is None


def test_without_group_the_verb_and_title_say_kind_and_committee() -> None:
    got = inspection("中共某某区委关于市委巡察整改情况的通报", ["2020年4月至6月,市委对我区进行了常规巡察。"])
    assert got == Inspection(kind="巡察", by="市委", mode="常规")


def test_title_only() -> None:
    got = inspection("关于市委联动巡察整改进展情况的通报", ["一、提高政治站位"])
    assert got == Inspection(kind="巡察", by="市委", mode="联动")
    assert inspection("巡视巡察整改情况", []) == Inspection()
    assert inspection(None, []) == Inspection()


def test_group_without_inspecting_clause_is_still_taken() -> None:
    got = inspection(None, ["2023年7月25日,省委巡视组向新区党工委反馈了巡视意见。"])
    assert (got.kind, got.by, got.group, got.group_number) == ("巡视", "省委", "省委巡视组", None)
    assert got.feedback_date == D(2023, 7, 25)


def test_mode_of_another_kind_is_not_taken() -> None:
    got = inspection(None, ["结合省委常规巡视,市委第二巡察组对新区进行了巡察。"])
    assert (got.kind, got.mode) == ("巡察", None)


# --- property: a generated opening parses back -----------------------------------------

COMMITTEES = ["省委", "市委", "区委", "县委", "中央", "岳阳市委", "湖南省委", "中共泉州市委"]
TOPICS = ["", "园区", "营商环境", "扶贫领域"]
NUMERALS = "一二三四五六七八九十"
TARGETS = ["新区党工委", "荷塘区", "区文旅体局党组", "湖南汨罗高新技术产业开发区党工委"]


def _printed(d: dt.date, with_year: bool, chinese: bool) -> str:
    if chinese:
        text = cn_date(d)
        return text if with_year else text[text.index("年") + 1:]
    return f"{d.year}年{d.month}月{d.day}日" if with_year else f"{d.month}月{d.day}日"


@st.composite
def openings(draw: st.DrawFn) -> tuple[str, Inspection]:
    by = draw(st.sampled_from(COMMITTEES))
    kind = draw(st.sampled_from(["巡视", "巡察"]))
    mode = draw(st.none() | st.sampled_from(INSPECTION_MODES))
    mode_in_group = mode is not None and draw(st.booleans())
    number = draw(st.none() | st.integers(1, 10))
    number_after = number is not None and draw(st.booleans())
    qualifier = draw(st.sampled_from(TOPICS)) + mode if mode_in_group else ""
    numeral = NUMERALS[number - 1] if number else ""
    group = (f"{by}{qualifier}{kind}{numeral}组" if number_after
             else f"{by}{qualifier}{'第' + numeral if number else ''}{kind}组")
    start = draw(st.dates(D(2000, 1, 1), D(2090, 12, 31)))
    end = start + dt.timedelta(days=draw(st.integers(0, 200)))
    feedback = end + dt.timedelta(days=draw(st.integers(0, 364)))
    chinese = draw(st.booleans())
    period = f"{_printed(start, True, chinese)}至{_printed(end, end.year != start.year or draw(st.booleans()), chinese)}"
    # A year-less 2月29日 cannot be told from its neighbours by zhenggai.dates: print its year.
    said = _printed(feedback, (feedback.month, feedback.day) == (2, 29) or draw(st.booleans()), chinese)
    target = draw(st.sampled_from(TARGETS))
    verb = f"进行了{mode if mode and not mode_in_group else ''}{kind}"
    order = draw(st.integers(0, 2))
    if order == 0:
        text = f"根据{by}统一部署,{period},{group}对{target}{verb}。{said},{by}{kind}组向{target}反馈了{kind}意见。"
    elif order == 1:
        text = f"根据{by}统一部署,{group}于{period}对{target}{verb},并于{said}反馈了{kind}意见。"
    else:
        text = f"{period},{group}对{target}{verb},并于{said}召开{kind}反馈会向{target}反馈了{kind}意见。"
    if draw(st.booleans()):
        text = text.translate(str.maketrans({",": "，", ":": "："}))
    expected = Inspection(kind=kind, by=by, mode=mode, group=group, group_number=number,
                          start=start, end=end, feedback_date=feedback)
    return text, expected


@given(openings())
@example((
    "根据市委统一部署,2019年12月3日至1月4日,市委联动巡察组对高新区进行了巡察。7月6日,市委巡察组向高新区反馈了巡察意见。",
    Inspection(kind="巡察", by="市委", mode="联动", group="市委联动巡察组",
               start=D(2019, 12, 3), end=D(2020, 1, 4), feedback_date=D(2020, 7, 6)),
))
def test_generated_openings_parse_back(case: tuple[str, Inspection]) -> None:
    text, expected = case
    assert inspection(None, [text]) == expected


# --- pathological lines (timings: benchmarks/hostile.py) ----------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["市委巡察组", "市委第二巡察组对", "2020年4月20日至", "反馈", "岳阳市委园区专项"])
def test_long_lines_complete(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    found = inspection(line, [line, line], signed=D(2020, 1, 1))
    # a run of one phrase states no period, and at most a group that is really printed
    assert found.start is found.end is found.feedback_date is None
    assert found.group is None or found.group in line


def test_stray_page_lines_before_the_addressees_do_not_hide_the_opening():
    body = ["某某网站 · 巡察整改专栏", "【阅读提示】全文约2400字 预计阅读6分钟", "各党组织,各部门,各单位:",
            "根据市委统一部署,2023年3月1日至4月30日,市委第三巡察组对某区进行了巡察。"]
    found = inspection("某区关于巡察整改情况的通报", body)
    assert (found.group, found.start, found.end) == ("市委第三巡察组", dt.date(2023, 3, 1), dt.date(2023, 4, 30))
