"""Tests of repair.py: whitespace, hard wraps and page breaks re-joined, and what is
never joined (headings, titles, signatures, sentences that end)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.blocks import Block
from zhenggai.chrome import strip
from zhenggai.repair import is_date_line, looks_like_title, repair, starts_heading
from zhenggai.text import SPACES, clean_line

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p for p in sorted(FIXTURES.glob("*/*-text/*.txt"))}


def _stripped_lines(text: str) -> tuple[str, ...]:
    return strip([Block(line) for line in text.splitlines()]).lines


def _junctions(lines: tuple[str, ...], paragraphs: tuple[str, ...]) -> list[tuple[str, str]]:
    """Align paragraphs with the non-blank input lines; return (end of a line, start of
    the next) for every pair repair joined. Fails if a paragraph is not consecutive lines."""
    rest = [c for c in (clean_line(x) for x in lines) if c]
    joins = []
    for para in paragraphs:
        built = rest.pop(0)
        while built != para:
            assert para.startswith(built), (para[:40], built[:40])
            nxt = rest.pop(0)
            joins.append((built[-8:], nxt[:8]))
            built = built + nxt if para.startswith(built + nxt) else built + " " + nxt
        assert built == para
    assert rest == []
    return joins


# The seeds' damage: 000's page break, 001's hard wraps. Nothing else may be joined.
SEED_JOINS = {
    "000": [("统一到巡察反馈", "问题整改要求上来")],
    "001": [("外贸进出口总额", "超过大连片区的2"), ("被省纪委查处的", "徐长元、姜周,"),
            ("会质量,深刻", "汲取辽宁拉票贿选"), ("抓好后续整改。巡", "视整改工作虽然取")],
    "002": [], "003": [], "004": [],
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_joins(seed):
    lines = _stripped_lines(SEEDS[seed].read_text(encoding="utf-8"))
    paragraphs = repair(lines)
    joins = _junctions(lines, paragraphs)
    assert len(joins) == len(SEED_JOINS[seed])
    for (end, start), (want_end, want_start) in zip(joins, SEED_JOINS[seed]):
        assert end.endswith(want_end) and start.startswith(want_start)
    assert repair(paragraphs) == paragraphs


def test_seed_001_paragraph_read_whole():
    paragraphs = repair(_stripped_lines(SEEDS["001"].read_text(encoding="utf-8")))
    assert "关于“2016年以来,因严重违纪违法被省纪委查处的徐长元、姜周,在任职金普新区" in "\n".join(paragraphs)
    assert "(二)进一步加强组织领导,着力抓好后续整改。巡视整改工作虽然取得了初步成效" in "\n".join(paragraphs)
    # the heading before the wrapped item stays its own paragraph
    assert "(10)关于“净化和修复政治生态任务艰巨”的问题" in paragraphs


@pytest.mark.parametrize("lines,expected", [
    # headings without final punctuation stand alone
    (["一、 强化组织领导,扎实推进整改", "", "(一)提高政治站位,落实整改责任。"],
     ["一、 强化组织领导,扎实推进整改", "(一)提高政治站位,落实整改责任。"]),
    (["\xa0 \xa0 \xa0 \xa02.践行新发展理念不全面,协调发展有偏差问题", "关于“83%的涉农街道农村饮用水存在水源不足”问题整改落实情况。"],
     ["2.践行新发展理念不全面,协调发展有偏差问题", "关于“83%的涉农街道农村饮用水存在水源不足”问题整改落实情况。"]),
    # a 。 inside the heading's quotes is the feedback's, not the heading's full stop
    (["一、关于“党工委落实民主集中制不到位。财务管理不规范”问题的整改情况", "出台《党工委议事规则》,堵塞了制度漏洞。"],
     ["一、关于“党工委落实民主集中制不到位。财务管理不规范”问题的整改情况", "出台《党工委议事规则》,堵塞了制度漏洞。"]),
    # a heading is long when the feedback it quotes is: its own words are what count
    (["一、关于“" + "党工委落实民主集中制不到位," * 6 + "至今仍未建立长效机制”问题的整改情况", "出台《党工委议事规则》。"],
     ["一、关于“" + "党工委落实民主集中制不到位," * 6 + "至今仍未建立长效机制”问题的整改情况", "出台《党工委议事规则》。"]),
    # a numbered sentence cut before its first full stop: past 80 characters of its own
    # words, or at a comma, it is no heading
    (["1." + "新区共推进重大项目132项,总投资1185亿元," * 4 + "其中", "续建项目48项。"],
     ["1." + "新区共推进重大项目132项,总投资1185亿元," * 4 + "其中续建项目48项。"]),
    (["1.2013年以来新区共推进重大项目132项,", "总投资1185亿元。"], ["1.2013年以来新区共推进重大项目132项,总投资1185亿元。"]),
    # titles, issuer and date lines, addressees
    (["中共盘锦辽东湾新区工作委员会 关于市委巡察整改情况的通报", "", "根据市委统一部署,现将巡察整改进展情况予以公布。"],
     ["中共盘锦辽东湾新区工作委员会 关于市委巡察整改情况的通报", "根据市委统一部署,现将巡察整改进展情况予以公布。"]),
    (["如有意见建议,请及时向我们反映", "", "中共盘锦辽东湾新区工作委员会", "", "2020年11月16日"],
     ["如有意见建议,请及时向我们反映", "中共盘锦辽东湾新区工作委员会", "2020年11月16日"]),
    (["新区纪工委机关,党工委各部委,各人民团体:", "根据省委统一部署,省委第二巡视组对金普新区进行了巡视"],
     ["新区纪工委机关,党工委各部委,各人民团体:", "根据省委统一部署,省委第二巡视组对金普新区进行了巡视"]),
    # a page break: blank lines inside a sentence
    (["(一)提高政治站位。新区党工委切实把思想和行动统一到巡察反馈", "", "", "问题整改要求上来,以严肃认真的态度抓紧抓实。"],
     ["(一)提高政治站位。新区党工委切实把思想和行动统一到巡察反馈问题整改要求上来,以严肃认真的态度抓紧抓实。"]),
    # hard wraps: an open quote, a line cut mid-sentence, an item label after it
    (["\xa0 \xa0 关于“2016年以来,因严重违纪违法被省纪委查处的", "徐长元、姜周,不认真履行管党治党责任”问题整改落实情况。"],
     ["关于“2016年以来,因严重违纪违法被省纪委查处的徐长元、姜周,不认真履行管党治党责任”问题整改落实情况。"]),
    (["(10)关于“净化和修复", "政治生态任务艰巨”的问题"], ["(10)关于“净化和修复政治生态任务艰巨”的问题"]),
    (["区人大常委会召开专题会议,认真开展互相批评,深刻", "汲取沉痛教训,坚决避免类似问题的发生。", "整改进展情况:已完成。"],
     ["区人大常委会召开专题会议,认真开展互相批评,深刻汲取沉痛教训,坚决避免类似问题的发生。", "整改进展情况:已完成。"]),
    (["召开专题民主生活会,深刻", "一是强化政治担当。"], ["召开专题民主生活会,深刻", "一是强化政治担当。"]),
    # punctuation no sentence starts with continues the line before
    (["根据省委统一部署", ",2020年4月20日至6月19日进行了巡察。"], ["根据省委统一部署,2020年4月20日至6月19日进行了巡察。"]),
    # a closing quote ends a sentence unless punctuation follows
    (["坚持“马上就办”", "各单位要认真落实。"], ["坚持“马上就办”", "各单位要认真落实。"]),
    (["坚持“马上就办”", ",各单位要认真落实。"], ["坚持“马上就办”,各单位要认真落实。"]),
    # a title-like line continued by punctuation is no standalone line
    (["根据省委统一部署,现将", "中共某某区委员会", ",已完成"], ["根据省委统一部署,现将中共某某区委员会,已完成"]),
    # a sentence that ends is never merged
    (["已全部完成。", ",后续持续推进。"], ["已全部完成。", ",后续持续推进。"]),
    (["整改进展情况:正在整改,2020年12月底前完成!", "(2)关于“发展步伐不快”的问题。"],
     ["整改进展情况:正在整改,2020年12月底前完成!", "(2)关于“发展步伐不快”的问题。"]),
    # joining: CJK directly, Latin or digit words with one space
    (["新区共推进重大项目132项,总投资1185", "亿元。"], ["新区共推进重大项目132项,总投资1185亿元。"]),
    (["园区企业已建立“一企一策”,排放达到 GB", "16297-1996标准的要求。"], ["园区企业已建立“一企一策”,排放达到 GB 16297-1996标准的要求。"]),
    # whitespace
    (["\u3000\u3000根据\t省委  统一部署。\xa0", " \xa0 ", "\u3000"], ["根据 省委 统一部署。"]),
])
def test_repair_examples(lines, expected):
    assert repair(lines) == tuple(expected)


def test_line_shapes():
    assert looks_like_title("中共盘锦辽东湾新区工作委员会 关于市委巡察整改情况的通报")
    assert looks_like_title("2020年11月16日") and is_date_line("2020年11月16日")
    assert is_date_line("\xa0二〇二〇年十一月十六日") and is_date_line("2020-11-16")
    assert not is_date_line("7月28日") and not is_date_line("完成时限:2021年3月31日。")
    assert not looks_like_title("根据市委统一部署,现将巡察整改进展情况予以公布")
    assert not looks_like_title("")
    for heading in ("一、组织整改落实情况", "(一)反馈问题", "(1)关于", "1.关于", "12、要求", "①加强", "三是实化",
                    "1.2013年以来15个项目"):
        assert starts_heading(heading), heading
    for text in ("1.5万㎡公寓闲置", "2020年", "一些职能部门", "统一思想"):
        assert not starts_heading(text), text


# --- properties ------------------------------------------------------------------------

_FRAGMENTS = ["根据省委统一部署", "巡察整改", "的问题", "关于", "中共某某区委员会", "已完成", "2020年11月16日",
              "整改进展情况:", "一、", "(一)", "1.", "(1)", "一是", "①", ",", "。", "、", ";", ":", "!", "?", "…",
              "“", "”", "《", "》", "(", ")", '"', "abc", "123", " ", "\xa0", "\u3000", "\t", "\u200b"]
_LINE = st.lists(st.sampled_from(_FRAGMENTS), max_size=8).map("".join)
_LINES = st.lists(_LINE, max_size=20)


def _compact(text: str) -> str:
    return "".join(c for c in text if c not in SPACES)


@given(_LINES)
@example(["关于“abc", "”", "中共某某区委员会"])
@example(["根据省委统一部署,现将", "中共某某区委员会", ",已完成"])  # a title-like line that is continued
def test_repair_is_idempotent(lines):
    once = repair(lines)
    assert repair(once) == once


@given(_LINES)
def test_repair_keeps_every_character(lines):
    assert _compact("".join(repair(lines))) == _compact("".join(lines))


@given(_LINES)
def test_output_is_normalized(lines):
    for para in repair(lines):
        assert para and para == clean_line(para)


@given(_LINES)
def test_a_sentence_that_ends_ends_its_paragraph(lines):
    boundaries, position = set(), 0
    for para in repair(lines):
        position += len(_compact(para))
        boundaries.add(position)
    position = 0
    for line in lines:
        position += len(_compact(line))
        if clean_line(line).endswith(("。", "!", "?", ";", ":", "…", "!", "?", ";", ":")):
            assert position in boundaries


_CHROME = ["当前位置: 首页 > 公开 > 公示公告", "发布时间:2019-08-21", "【打印】", "关闭 打印", "分享到: 微信 微博",
           "上一篇: 大连凌晨紧急通报!", "责编:督察处", "版权所有:中共大连市纪委", "-", ""]


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_strip_then_repair_is_idempotent_on_seeds(seed):
    once = repair(_stripped_lines(SEEDS[seed].read_text(encoding="utf-8")))
    assert repair(_stripped_lines("\n".join(once))) == once


@given(st.lists(st.one_of(_LINE, st.sampled_from(_CHROME)), max_size=20))
def test_strip_then_repair_is_idempotent(lines):
    once = repair(_stripped_lines("\n".join(lines)))
    assert repair(_stripped_lines("\n".join(once))) == once


def test_a_long_wrapped_paragraph():
    wrapped = ["深入学习贯彻习近平新时代中国特色社会主义思想,持续推进整改落实" * 3] * 2000
    paragraphs = repair(wrapped)
    assert len(paragraphs) == 1 and len(paragraphs[0]) == sum(len(x) for x in wrapped)
