"""Tests of chrome.py: the generic boilerplate rules, metadata read from chrome lines,
the structural rules."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.blocks import Block
from zhenggai.chrome import GENERIC_RULES, Stripped, _alternatives, rule_for, strip
from zhenggai.model import ChromeRule, PageMeta
from zhenggai.record import Removed
from zhenggai.text import clean_line, fold

from support import EXAMPLES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p for p in sorted(FIXTURES.glob("*/*-text/*.txt"))}


def _blocks(lines: list[str]) -> list[Block]:
    return [Block(line) for line in lines]


def _strip_text(text: str) -> Stripped:
    return strip(_blocks(text.splitlines()))


# Sentences of the seeds' bodies that use the rules' vocabulary (来源, 印发, 发布, 审核,
# 下一步, 欢迎, 版权 …): no rule may take them.
BODY_SENTENCES = [
    "工会经费收入主要来源于拨缴经费收入、行政补助收入和会费收入等。",
    "来源于群众反映的问题线索3件,已全部办结。",
    "一是印发《鲤城高新区党工委办公室关于进一步规范廉政谈话工作的通知》,进一步加强对廉政谈话工作的指导,推进廉政谈话工作常态化、制度化。",
    "印发工作任务清单。",
    "科学确定文件密级、发布层次和阅读传达范围,一般性经验材料、情况报告不以文件形式转发,必须印发的文件,涉及到重要事项的,都经过党工委会议或主任办公会研究决定后印发。",
    "发布《产业集群高质量发展“揭榜竞优”实施方案》,拿出200万元支持6类48项企业品牌资质建设。",
    "1.2013年以来15个未审核结算的项目,都已按程序办理审核结算手续。",
    "下一步,将结合新区机构改革,适时研究实现全域通办。",
    "欢迎广大干部群众对巡察整改情况进行监督。",
    "本通报现印发至各级党(工)委(党组),各级党(工)委(党组)要将通报内容传达到每一个党支部、每一名的党员。",
    "一是以2017年12月新区行政审批服务局自行采购为重点,对2016-2019年新区审核费、维修费、印刷费(超5000元)进行全面自查,均形成了自查报告。",
    "在管委会一楼电子显示屏上滚动播出党纪法规、清廉园区建设活动报道,通过公众号定期推送清廉小故事,积极营造清廉园区建设氛围。",
    "整改进展情况:正在整改,2020年12底前完成。",
    "完成时限:2021年3月31日。",
    "联系方式:电话:0427-3410198;电子邮箱:LDWXC2020@163.COM。",
    "中共盘锦辽东湾新区工作委员会",
    "2020年11月16日",
    "2023-05-04",
    "(一)政务处分情况",
    "中共湖南汨罗高新技术产业开发区工作委员会关于巡察整改进展情况的通报",
]


def _rule(name: str) -> ChromeRule:
    return next(r for r in GENERIC_RULES if r.name == name)


def test_every_rule_has_examples_and_names_are_unique():
    names = [r.name for r in GENERIC_RULES]
    assert len(names) == len(set(names))
    assert set(EXAMPLES) == set(names)


@pytest.mark.parametrize("name,line", [(n, x) for n, xs in EXAMPLES.items() for x in xs])
def test_rule_examples(name, line):
    rule = _rule(name)
    assert rule_for(line, GENERIC_RULES, rule.where) is rule
    stripped = strip([Block(line)])
    if rule.where == "any":
        assert stripped.lines == ()
        assert stripped.removed == (Removed(text=clean_line(line), rule=name),)
    else:  # edge rules are frame's to apply: strip keeps the line
        assert stripped.lines == (line,) and stripped.removed == ()


@pytest.mark.parametrize("sentence", BODY_SENTENCES)
def test_body_sentences_are_kept(sentence):
    assert all(rule_for(sentence, GENERIC_RULES, w) is None for w in ("any", "head", "tail"))
    assert strip([Block(sentence)]) == Stripped(lines=(sentence,), removed=(), meta=PageMeta())


# --- the seeds: exactly their chrome goes ---------------------------------------------

SEED_CHROME = {
    "000": [("welcome-banner", "欢迎访问“ 盘锦辽滨沿海经济技术开发区”官方网站"),
            ("breadcrumb", "当前位置: 首页 >走进新区 >通知公告"), ("print-close", "关闭 打印"),
            ("prev-next", "上一篇: 大连凌晨紧急通报!"),
            ("prev-next", "下一篇: 盘锦辽东湾新区面向社会公开招聘事业 编制工作人员体检公告")],
    "001": [("breadcrumb", "当前位置: 首页 > 公开 > 公示公告"), ("info-line", "发布时间:2019-08-21"),
            ("editor-line", "责编:督察处"), ("print-close", "【打印】")],
    "002": [("info-line", "来源:中共泉州市鲤城区委高新技术产业开发区工作委员会 发布时间:2021-02-10 23:00"),
            ("editor-line", "【责任编辑:庄秀鹃】")],
    "003": [("info-line", "编辑:岳纪宣 发表时间:2023-12-27 16:11 来源:巴陵风纪网 浏览次数:")],
    "004": [("original-link", "原文链接:http://www.zjsjw.gov.cn/gongzuodongtai/xunshixuncha/202402/"
                              "t20240222_21711899.shtml"),
            ("disclaimer", "[免责声明] 本文来源于网络转载,仅供学习交流使用,不构成商业目的。版权归原作者所有,"
                           "如涉及作品内容、版权和其它问题,请在30日内与本网联系,我们将在第一时间处理。")],
}

SEED_META = {
    "000": PageMeta(),
    "001": PageMeta(published_at="2019-08-21", editor="督察处"),
    "002": PageMeta(published_at="2021-02-10T23:00", origin="中共泉州市鲤城区委高新技术产业开发区工作委员会",
                    editor="庄秀鹃"),
    "003": PageMeta(published_at="2023-12-27T16:11", origin="巴陵风纪网", editor="岳纪宣"),
    "004": PageMeta(original_url="http://www.zjsjw.gov.cn/gongzuodongtai/xunshixuncha/202402/"
                                 "t20240222_21711899.shtml"),
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_chrome_and_meta(seed):
    lines = SEEDS[seed].read_text(encoding="utf-8").splitlines()
    stripped = strip(_blocks(lines))
    assert [(r.rule, r.text) for r in stripped.removed] == SEED_CHROME[seed]
    assert stripped.meta == SEED_META[seed]
    removed = {r.text for r in stripped.removed}
    assert [x if clean_line(x) else "" for x in lines if clean_line(x) not in removed] == list(stripped.lines)


# --- metadata -------------------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("编辑:岳纪宣\xa0发表时间:2023-12-27 16:11\xa0来源:巴陵风纪网\xa0浏览次数:\xa0",
     PageMeta(editor="岳纪宣", published_at="2023-12-27T16:11", origin="巴陵风纪网")),
    ("发布时间:2024-07-18 11:16 作者: 信息来源: 中共武汉经开区党工委",
     PageMeta(published_at="2024-07-18T11:16", origin="中共武汉经开区党工委")),
    ("来源:明珠湾管理局发布日期:2022-12-08", PageMeta(origin="明珠湾管理局", published_at="2022-12-08")),
    ("日期:2023-05-04 08:46:31 来源:区文旅体局 浏览量:", PageMeta(published_at="2023-05-04T08:46", origin="区文旅体局")),
    ("信息时间::2020-07-17", PageMeta(published_at="2020-07-17")),
    ("【责任编辑:庄秀鹃】0", PageMeta(editor="庄秀鹃")),
    ("作者:王芳 来源:中国纪检监察报", PageMeta(author="王芳", origin="中国纪检监察报")),
    ("来源:人民网(北京)", PageMeta(origin="人民网(北京)")),  # as printed: full-width kept
    ("发布时间 2020-11-20", PageMeta(published_at="2020-11-20")),
    ("2022-04-08 10:00 浙江省纪委省监委网站", PageMeta(published_at="2022-04-08T10:00")),
    ("发布时间:不详", PageMeta()),
])
def test_meta_from_chrome_lines(line, expected):
    assert strip([Block(line)]).meta == expected


def test_first_value_wins():
    meta = strip(_blocks(["发布时间:2020-01-02", "来源:甲网", "发布时间:2021-03-04 来源:乙网"])).meta
    assert meta == PageMeta(published_at="2020-01-02", origin="甲网")


def test_disclosure_block_takes_its_value_lines():
    # corpus 09: labels and values on separate lines, blank lines between
    lines = ["• 信息索引号:", "", "    113307020501239658/2023-46395", "", "  • 文件名称:", "",
             "    中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报", "", "  • 成文日期:", "",
             "    2023-05-04", "", "  • 公开方式:", "", "    主动公开", "",
             "  • 中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报", ""]
    stripped = strip(_blocks(lines))
    assert {r.rule for r in stripped.removed} == {"disclosure-meta"}
    assert len(stripped.removed) == 8
    assert [x for x in stripped.lines if x] == ["  • 中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报"]
    assert stripped.meta == PageMeta(article_title="中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报")


def test_label_alone_takes_only_a_value_shaped_line():
    dated = strip(_blocks(["发布时间:", "2019-08-21 10:20", "根据省委统一部署,现将巡视整改进展情况予以公布。"]))
    assert [r.text for r in dated.removed] == ["发布时间:", "2019-08-21 10:20"]
    assert dated.meta.published_at == "2019-08-21T10:20"
    # a title after an empty 来源: is not its value
    titled = strip(_blocks(["来源:", "中共某某区委关于巡察整改情况的通报"]))
    assert titled.lines == ("中共某某区委关于巡察整改情况的通报",)
    assert titled.meta == PageMeta()
    # a widget label announces no value
    widget = strip(_blocks(["字体:[小]", "各党总支(支部),各人民团体"]))
    assert widget.lines == ("各党总支(支部),各人民团体",)


# --- structural rules ----------------------------------------------------------------

@pytest.mark.parametrize("zone", ["nav", "header", "footer", "aside"])
def test_zone_blocks_go_unless_report_text(zone):
    blocks = [Block("首页 政务公开 巡视巡察 互动交流", zone=zone),
              Block("中共某某区委关于巡察整改情况的通报", zone=zone),
              Block("根据市委统一部署,市委第二巡察组对新区党工委进行了常规巡察。", zone=zone),
              Block("地址:大连市金州区 邮编:116100", zone=zone),
              Block("巡视整改", zone=zone)]  # a menu item, not a sentence or a title
    stripped = strip(blocks)
    assert [r.rule for r in stripped.removed] == [f"zone-{zone}"] * 3
    assert stripped.lines == ("中共某某区委关于巡察整改情况的通报", "根据市委统一部署,市委第二巡察组对新区党工委进行了常规巡察。")


def test_link_lists_go_unless_report_text():
    blocks = [Block("市纪委监委召开全会", link_ratio=1.0),
              Block("中共某某区委关于巡察整改情况的通报", link_ratio=1.0),  # a linked title stays
              Block("详见《关于印发整改方案的通知》,请各单位认真落实", link_ratio=0.4),
              Block("党风廉政建设宣传教育月活动的通知 " * 6, link_ratio=0.9)]  # long: not a short list item
    stripped = strip(blocks)
    assert [r.rule for r in stripped.removed] == ["link-list"]
    assert len(stripped.lines) == 3


def test_no_metadata_from_links_sidebars_and_menus():
    stripped = strip([Block("2021-03-01 10:00 市纪委监委召开全会", link_ratio=1.0),
                      Block("来源:新华社", zone="aside"), Block("发布时间:2021-03-02", zone="nav"),
                      Block("2021-03-03 某某区召开巡察工作动员会", link_ratio=1.0)])
    assert [r.rule for r in stripped.removed] == ["timestamp-line", "info-line", "info-line", "link-list"]
    assert stripped.meta == PageMeta()
    # the article's own header is content, and its info line is read
    assert strip([Block("来源:新华社", zone="header")]).meta == PageMeta(origin="新华社")


def test_pattern_rules_win_over_structure_and_read_meta():
    stripped = strip([Block("来源:市纪委监委 发布时间:2021-01-05", zone="header")])
    assert stripped.removed == (Removed(text="来源:市纪委监委 发布时间:2021-01-05", rule="info-line"),)
    assert stripped.meta == PageMeta(origin="市纪委监委", published_at="2021-01-05")


def test_custom_rules_and_blank_lines():
    rules = (ChromeRule(name="column", pattern=r"^本级巡视巡察情况$"),)
    stripped = strip(_blocks(["本级巡视巡察情况", "\xa0", "当前位置:首页"]), rules)
    assert stripped.removed == (Removed(text="本级巡视巡察情况", rule="column"),)
    assert stripped.lines == ("", "当前位置:首页")


# --- the plugin pass -----------------------------------------------------------------

# --- properties ------------------------------------------------------------------------

_SUBJECTS = ["党工委", "新区", "区委", "我们", "高新区", "领导班子", "纪工委"]
_VOCABULARY = ["来源", "印发", "发布", "打印", "编辑", "作者", "分享", "收藏", "关闭", "主办", "承办", "日期",
               "链接", "微信", "微博", "朗读", "上一", "下一", "字号", "浏览", "点击", "审核", "欢迎", "位置",
               "首页", "声明", "索引", "时间"]
_FILLER = ["对照", "问题", "认真", "整改", "落实", "工作", "2020年", "3月", "的", "和", ",", "、", "“要求”"]


@given(st.sampled_from(_SUBJECTS),
       st.lists(st.sampled_from(_VOCABULARY + _FILLER), min_size=1, max_size=12),
       st.sampled_from(["。", ";", "!"]))
@example("党工委", ["来源", "于", "群众"], "。")
def test_sentences_with_chrome_vocabulary_are_kept(subject, words, end):
    sentence = subject + "".join(words) + end
    stripped = strip([Block(sentence)])
    assert stripped.lines == (sentence,) and stripped.removed == ()


# Chrome lines that print their values (a label printed alone takes the next line).
_ANY_CHROME = [x for n, xs in EXAMPLES.items() if _rule(n).where == "any" for x in xs if not x.endswith(":")]


@given(st.lists(st.sampled_from(_ANY_CHROME + BODY_SENTENCES + ["", "\xa0"]), max_size=25))
def test_strip_partitions_its_input(lines):
    stripped = strip(_blocks(lines))
    assert len(stripped.lines) + len(stripped.removed) == len(lines)
    assert all(r.text and r.text == clean_line(r.text) for r in stripped.removed)
    assert [x for x in lines if x in BODY_SENTENCES] == [x for x in stripped.lines if x in BODY_SENTENCES]


def test_long_lines_are_kept():
    lines = ["来源:" + "巡察整改," * 25_000, "首页 " + ">" * 100_000, "版权所有" + "。" * 100_000]
    assert strip(_blocks(lines)).lines == tuple(lines)


# --- the screen: one merged search per line, the same answer as rule by rule ----------

# Patterns that exercise the split at top-level "|": mixed anchoring, "|" in groups, sets
# and escapes, and patterns that must not be merged (groups, whole-pattern flags, comments).
_TRICKY_RULES = (
    ChromeRule(name="mixed", pattern=r"^甲(?:乙|丙)|丁[|]戊|\|己"),
    ChromeRule(name="set", pattern=r"^[]|^]庚|[^]辛]壬"),
    ChromeRule(name="case", pattern=r"(?i:ab)c|^(?i:d)E"),
    ChromeRule(name="short", pattern=r"^癸", max_len=2),
    ChromeRule(name="tail-only", pattern=r"^甲", where="tail"),
)
_UNMERGEABLE_RULES = (
    ChromeRule(name="group", pattern=r"^(甲)\1|乙"),
    ChromeRule(name="flags", pattern=r"(?i)^ab|丙"),
    ChromeRule(name="comment", pattern=r"^丁(?#(|)|戊"),
)
# Every line of up to two of these pieces: each alternative above at the start of a line,
# after something else, and alone.
_PIECES = ["甲", "乙", "丙", "丁|戊", "|己", "]庚", "|庚", "^庚", "壬", "辛壬", "癸", "abc", "ABc", "dE", "De", "甲甲",
           "来源:", "版权所有", " "]
_SCREEN_LINES = ["".join(p) for n in range(3) for p in itertools.product(_PIECES, repeat=n)]


def _rule_by_rule(line: str, rules, where: str):
    folded = fold(clean_line(line))
    return next((r for r in rules if r.where == where and r.matches(folded)), None) if folded else None


def test_patterns_split_at_top_level_bars_only():
    assert _alternatives(r"^甲(?:乙|丙)|丁[|]戊|\|己") == [r"^甲(?:乙|丙)", r"丁[|]戊", r"\|己"]
    assert _alternatives(r"^[]|^]庚|[^]辛]壬") == [r"^[]|^]庚", r"[^]辛]壬"]
    assert all(_alternatives(r.pattern) is None for r in _UNMERGEABLE_RULES)


@pytest.mark.parametrize("extra", [(), _TRICKY_RULES, _UNMERGEABLE_RULES])
@pytest.mark.parametrize("where", ["any", "head", "tail"])
def test_screened_rules_answer_as_rule_by_rule(extra, where):
    rules = (*GENERIC_RULES, *extra)
    for line in _SCREEN_LINES:
        assert rule_for(line, rules, where) is _rule_by_rule(line, rules, where), line


@pytest.mark.parametrize("line", [x for xs in EXAMPLES.values() for x in xs] + BODY_SENTENCES)
def test_screen_admits_every_line_a_rule_takes(line):
    for where in ("any", "head", "tail"):
        assert rule_for(line, GENERIC_RULES, where) is _rule_by_rule(line, GENERIC_RULES, where)
