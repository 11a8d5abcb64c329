"""Outline: GB/T 9704 heading markers, sequences, title/text split, lead-ins."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.outline import (
    _LEAD_IN,
    _lead_in_matches,
    _outer_quotes,
    first_quote_span,
    build,
    lead_ins,
    marker_id,
    marker_text,
    outline,
    quote_spans,
    read_marker,
    sentence_end,
    split_title,
)
from zhenggai.record import Heading


@pytest.mark.parametrize(
    "paragraph, level, number",
    [
        ("一、强化组织领导", 1, 1),
        ("一、 强化组织领导", 1, 1),
        ("十一、关于“x”问题的整改情况", 1, 11),
        ("二十.xx", 1, 20),
        ("三,xx", 1, 3),
        ("三，xx", 1, 3),
        ("(一)提高政治站位", 2, 1),
        ("（十二）提高政治站位", 2, 12),
        ("( 三 )xx", 2, 3),
        ("1.对党的路线", 3, 1),
        ("12、强化政治担当", 3, 12),
        ("3．xx", 3, 3),
        ("１２．xx", 3, 12),
        ("1.2013年以来15个未审核结算的项目", 3, 1),
        ("(3)关于“x”的问题", 4, 3),
        ("（30）关于", 4, 30),
        ("⑶xx", 4, 3),
        ("\u00a0 \u3000(2)xx", 4, 2),
    ],
)
def test_read_marker_levels(paragraph: str, level: int, number: int) -> None:
    m = read_marker(paragraph)
    assert m is not None and (m.level, m.number) == (level, number)


@pytest.mark.parametrize(
    "paragraph",
    ["1.2亿元用于", "2.55件", "3.4:76.1:20.5", "一是认真落实", "2020年12月", "(a)xx", "一、二、三产业",
     "关于“x”", "第一,xx", "①xx", "(0)xx", "0.xx", ""],
)
def test_read_marker_rejects_text(paragraph: str) -> None:
    assert read_marker(paragraph) is None


def test_marker_offsets_slice_the_original() -> None:
    p = "（一） 提高政治站位"
    m = read_marker(p)
    assert p[m.end :] == "提高政治站位"


@pytest.mark.parametrize("level, number, text, ident", [
    (1, 1, "一、", "一"), (1, 10, "十、", "十"), (1, 23, "二十三、", "二十三"), (2, 4, "(四)", "(四)"),
    (2, 11, "(十一)", "(十一)"), (3, 7, "7.", "7"), (4, 29, "(29)", "(29)"),
])
def test_normalized_markers(level: int, number: int, text: str, ident: str) -> None:
    assert marker_text(level, number) == text
    assert marker_id(level, number) == ident


@pytest.mark.parametrize(
    "text, title, rest",
    [
        ("提高政治站位,落实整改责任。7月29日下午,召开会议。", "提高政治站位,落实整改责任", "7月29日下午,召开会议。"),
        ("关于“产业结构单一。新区三产比重3.4:76.1”的问题。一是针对", "关于“产业结构单一。新区三产比重3.4:76.1”的问题", "一是针对"),
        ("关于“贯彻“三个推进”讲话。2017年”问题整改落实情况。继续", "关于“贯彻“三个推进”讲话。2017年”问题整改落实情况", "继续"),
        ("关于“‘口袋党员’问题。”的问题", "关于“‘口袋党员’问题。”的问题", ""),
        ("理论学习重视不够。", "理论学习重视不够", ""),
        ("反馈问题:学习贯彻不够深入。", "反馈问题:学习贯彻不够深入", ""),
        ("关于学习贯彻不够深入的问题", "关于学习贯彻不够深入的问题", ""),
        ("践行新发展理念不全面：", "践行新发展理念不全面", ""),
        ("关于“未闭合的引号。后文", "关于“未闭合的引号", "后文"),
    ],
)
def test_split_title(text: str, title: str, rest: str) -> None:
    assert split_title(text) == (title, rest)


def _tree(headings: tuple[Heading, ...]) -> list:
    return [(h.level, h.number, h.title, _tree(h.children)) for h in headings]


def test_numbering_restarts_under_a_new_parent_and_levels_may_be_skipped() -> None:
    paragraphs = ["一、组织领导", "1.强化政治担当。正文", "2.强化组织领导", "二、问题整改",
                  "(一)第一类", "1.甲", "(1)甲一", "(2)甲二", "2.乙", "(3)乙一", "(二)第二类", "(4)丙"]
    assert _tree(outline(paragraphs)) == [
        (1, 1, "组织领导", [(3, 1, "强化政治担当", []), (3, 2, "强化组织领导", [])]),
        (1, 2, "问题整改", [
            (2, 1, "第一类", [(3, 1, "甲", [(4, 1, "甲一", []), (4, 2, "甲二", [])]), (3, 2, "乙", [(4, 3, "乙一", [])])]),
            (2, 2, "第二类", [(4, 4, "丙", [])]),
        ]),
    ]


def test_numbers_continue_across_categories() -> None:
    paragraphs = ["一、反馈问题整改情况", "(一)反馈问题:甲", "1.一", "整改情况:x", "2.二",
                  "(二)反馈问题:乙", "3.三", "4.四"]
    tree = build(paragraphs)
    categories = tree.root.children[0].children
    assert [(c.number, [g.number for g in c.children]) for c in categories] == [(1, [1, 2]), (2, [3, 4])]
    assert tree.stray == ()


def test_markers_out_of_sequence_are_text() -> None:
    paragraphs = [
        "一、问题整改",
        "(一)第一类",
        "1.甲",
        "1.2亿元资金已拨付。",  # decimal
        "2.乙",
        "4.跳号的段落",  # breaks the sequence: a wrapped line
        "(一)重复的编号",  # (一) again under 一、
        "3.丙",
    ]
    tree = build(paragraphs)
    first = tree.root.children[0].children[0]
    assert [(c.number, c.title) for c in first.children] == [(1, "甲"), (2, "乙"), (3, "丙")]
    assert tree.stray == (5, 6)
    assert first.children[0].body == (3,)
    assert first.children[1].body == (5, 6)


def test_a_wrapped_line_starting_with_two_is_text() -> None:
    paragraphs = ["一、总体情况", "今年以来共投入资金", "2.5亿元,完成项目", "2.其余项目正在推进"]
    tree = build(paragraphs)
    assert tree.root.children[0].children == ()
    assert tree.stray == (3,)


def test_a_shallower_marker_after_deeper_children_is_text() -> None:
    tree = build(["一、甲", "(一)乙", "(1)丙", "1.这是正文里的列表", "(2)丁"])
    second = tree.root.children[0].children[0]
    assert [c.number for c in second.children] == [1, 2]
    assert tree.stray == (3,)


def test_full_width_and_ascii_give_the_same_outline() -> None:
    ascii_ = ["一、甲", "(一)乙,丙。正文", "1.丁", "(1)戊"]
    wide = ["一、甲", "（一）乙，丙。正文", "１．丁", "（1）戊"]
    assert _tree(outline(ascii_))[0][3][0][3] == _tree(outline(wide))[0][3][0][3]
    assert outline(wide)[0].children[0].title == "乙，丙"


def test_heading_text_and_body() -> None:
    tree = build(["(一)提高政治站位,落实整改责任。7月29日下午,召开会议。", "第二段。"])
    section = tree.root.children[0]
    assert (section.title, section.text, section.body, section.offset) == (
        "提高政治站位,落实整改责任", "7月29日下午,召开会议。", (1,), 3)
    assert section.heading() == Heading(level=2, marker="(一)", number=1, title="提高政治站位,落实整改责任")


def test_lead_ins_open_sentences_only() -> None:
    text = "针对农村饮水问题,一是将管线延伸。二是加快建设;三是完善。第一时间部署。第二,落实。②其他"
    found = [(text[lead.start : lead.end], lead.kind, lead.number) for lead in lead_ins(text)]
    assert found == [("二是", "shi", 2), ("三是", "shi", 3), ("第二,", "di", 2), ("②", "circled", 2)]
    assert [(x.kind, x.number) for x in lead_ins("一是甲。\n②乙：①丙")] == [("shi", 1), ("circled", 2), ("circled", 1)]


# --- property: random heading trees, rendered with random marker styles, parse back ---

_ALPHABET = "整改落实问题情况工作领导组织推进责任制度建设党委政治监督纪律作风学习贯彻规范管理资金项目"
_TITLE = st.text(alphabet=_ALPHABET, min_size=1, max_size=12)

_STYLES = {
    1: ["{cn}、", "{cn}、 ", "{cn}.", "{cn}．", "{cn}，"],
    2: ["({cn})", "（{cn}）", "( {cn} )"],
    3: ["{n}.", "{n}、", "{n}．", "{wide}．"],
    4: ["({n})", "（{n}）", "{circled}"],
}


@st.composite
def _shape(draw, level: int = 0, depth: int = 0) -> list:
    """A list of children: (level, title, inline text, body paragraphs, children)."""
    if depth >= 3 or level >= 4:
        return []
    child_level = draw(st.integers(min_value=level + 1, max_value=4))
    count = draw(st.integers(min_value=0 if depth else 1, max_value=3))
    children = []
    for _ in range(count):
        title = draw(_TITLE)
        inline = draw(st.one_of(st.just(""), _TITLE))
        body = draw(st.lists(st.one_of(_TITLE, st.builds(lambda a, b: f"{a}.{b}亿元已拨付", st.integers(1, 9),
                                                        st.integers(1, 9))), max_size=2))
        children.append((child_level, title, inline, body, draw(_shape(child_level, depth + 1))))
    return children


def _render(shape: list, data: st.DataObject) -> tuple[list[str], tuple[Heading, ...]]:
    paragraphs: list[str] = []
    last: dict[int, int] = {}

    def render(children: list) -> tuple[Heading, ...]:
        out = []
        number = None
        for level, title, inline, body, grandchildren in children:
            if number is None:
                number = data.draw(st.sampled_from(sorted({1, last.get(level, 0) + 1})))
            else:
                number += 1
            last[level] = number
            styles = [s for s in _STYLES[level] if s != "{circled}" or number <= 20]
            style = data.draw(st.sampled_from(styles))
            marker = style.format(cn=marker_id(1, number), n=number,
                                  wide="".join(chr(ord(c) + 0xFEE0) for c in str(number)),
                                  circled=chr(0x2474 + number - 1))
            stop = data.draw(st.sampled_from(["", "。"]))
            paragraphs.append(marker + title + (f"。{inline}" if inline else stop))
            paragraphs.extend(body)
            out.append(Heading(level=level, marker=marker_text(level, number), number=number, title=title,
                               children=render(grandchildren)))
        return tuple(out)

    return paragraphs, render(shape)


@given(shape=_shape(), data=st.data())
def test_rendered_trees_parse_back(shape: list, data: st.DataObject) -> None:
    paragraphs, expected = _render(shape, data)
    tree = build(paragraphs)
    assert tree.headings == expected
    assert tree.stray == ()


# lead_ins searches from stop to stop; it must find what one search for a lead-in at the
# start or after a stop finds.
_LEAD_IN_ANYWHERE = re.compile(rf"(?:^|(?<=[\n。;:!?])){_LEAD_IN}")


@given(st.text(st.sampled_from(list("一二三十是第,、①⑳。;:!?\n 改\u3000")), max_size=40))
@example("一是。。二是;第三,\n ③")
def test_lead_in_search_finds_what_a_plain_search_finds(text: str) -> None:
    def spans(matches):
        return [(m.start(m.lastgroup), m.end()) for m in matches]

    assert spans(_lead_in_matches(text)) == spans(_LEAD_IN_ANYWHERE.finditer(text))


# sentence_end reads the quotes lazily and skips them where the text before the stop is
# plain; it must find what the definition finds over all the quote spans.
def _first_stop_outside_quotes(text: str) -> int:
    found = list(_outer_quotes(text))
    spans = [span for span in found if span[1] != -1]
    for i, c in enumerate(text):
        if c == "。" and not any(start < i < end for start, end in spans):
            return i
    balanced = not found or found[-1][1] != -1
    return -1 if balanced else text.find("。")


@given(st.text(st.sampled_from(list("“”‘’\"。。改 ")), max_size=30))
@example("关于“甲。乙”的问题。丙")
@example("“甲”乙“丙。丁")
@example("“‘甲。”乙。")
@example("甲”乙。丙")
@example("“甲。乙")
@example("“”“。”")
@example('"。"')
@example("“甲‘乙’”丙")
def test_sentence_end_finds_the_first_stop_outside_quotes(text: str) -> None:
    assert sentence_end(text) == _first_stop_outside_quotes(text)
    spans = [span for span in _outer_quotes(text) if span[1] != -1]
    assert list(quote_spans(text)) == spans
    assert first_quote_span(text) == (spans[0] if spans else None)
