"""Tests of frame.py: title, body from the title through the signature, and the lines
around them — on the five seeds, the corpus openings and constructed pages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import EXAMPLES
from zhenggai.blocks import Block
from zhenggai.chrome import GENERIC_RULES, rule_for, strip
from zhenggai.frame import Frame, frame
from zhenggai.model import PageMeta
from zhenggai.record import Removed
from zhenggai.repair import repair
from zhenggai.text import SPACES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = {p.name[:3]: p for p in sorted(FIXTURES.glob("*/*-text/*.txt"))}


def _run(lines: list[str], meta: PageMeta = PageMeta()) -> tuple[Frame, tuple[Removed, ...]]:
    """strip → repair → frame, as the pipeline runs them; returns the frame and the
    lines strip removed."""
    stripped = strip([Block(line) for line in lines])
    return frame(repair(stripped.lines), stripped.meta.merged(meta)), stripped.removed


def _compact(text: str) -> str:
    return "".join(c for c in text if c not in SPACES)


# --- the seeds -----------------------------------------------------------------------

SEED_FRAMES = {
    "000": ("中共盘锦辽东湾新区工作委员会关于市委巡察整改情况的通报", "根据市委和市委巡察工作领导小组统一部署",
            "中共盘锦辽东湾新区工作委员会", "2020年11月16日", []),
    "001": ("中共大连金普新区工作委员会关于省委巡视整改情况的通报", "新区纪工委机关,党工委各部委",
            "中共大连金普新区工作委员会", "2019年8月12日", []),
    "002": ("鲤城高新区党工委关于市委联动巡察整改进展情况的通报", "根据市委巡察工作统一部署",
            "中共泉州市鲤城区委高新技术产业开发区工作委员会", "2021年2月9日", []),
    "003": ("中共湖南汨罗高新技术产业开发区工作委员会关于巡察整改进展情况的通报", "根据省委巡视和岳阳市委巡察工作的统一部署",
            "中共湖南汨罗高新技术产业开发区工作委员会", "2023年11月2日",
            [Removed(text="本级巡视巡察情况", rule="before-title"), Removed(text="【巡察整改】", rule="title-prefix")]),
    "004": ("中共绍兴滨海新区工作委员会关于十五届省委第二轮巡视整改进展情况的通报", "根据省委统一部署",
            "中共绍兴滨海新区工作委员会", "2024年2月23日", []),
}


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_frames(seed):
    lines = SEEDS[seed].read_text(encoding="utf-8").splitlines()
    framed, stripped = _run(lines)
    title, first, issuer, date, removed = SEED_FRAMES[seed]
    assert framed.title == title
    assert framed.body[0].startswith(first)
    assert framed.body[-2:] == (issuer, date)
    assert list(framed.removed) == removed
    # no chrome left in the body
    assert all(rule_for(p, GENERIC_RULES, w) is None for p in framed.body for w in ("any", "head", "tail"))
    # every character of the page is in the title, the body or a removed line — once
    kept = [framed.title, *framed.body, *(r.text for r in stripped + framed.removed)]
    assert Counter(_compact("".join(kept))) == Counter(_compact("".join(lines)))


# --- the corpus openings (verbatim up to the first paragraph of text, cut there) ---------

CORPUS = {
    "01": ['中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报', '', '发布时间:2024-07-18 11:16 作者: 信息来源: 中共武汉经开区党工委', '', '根据省委巡视工作统一部署,2023年7月18日至9月15日,省委第六巡视组对武汉经开区开展了常规巡视,并于2023年11月1日反馈了巡视意见…'],
    "03": ['当前位置: 首页 > 投资 > 部门动态', '', '中共大连普湾经济区工作委员会关于巡察整改情况的通报', '', '信息时间::2020-07-17', '', '字体:[小]', '', '各党总支(支部),各人民团体:', '', '根据市委统一部署,2019年11月1日至12月31日,市委第五巡察组对普湾经济区进行了常规巡察。2020年4月7日,巡察组向普湾经济区党工委…'],
    "05": ['当前位置:首页 > 政务公开 > 通知公告', '中共厦门市湖里区委关于巡视整改进展情况的通报', '发布日期: 2025-12-25 08:50', '', '  根据省委部署,2024年10月21日至12月5日,省委巡视九组对湖里区委开展巡视,并于2025年2月19日反馈了巡视意见。按照党务公开规定和…'],
    "09": ['• 信息索引号:', '', '    113307020501239658/2023-46395', '', '  • 文件名称:', '', '    中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报', '', '  • 发布机构:', '', '    婺城区文旅体局', '', '  • 成文日期:', '', '    2023-05-04', '', '  • 公开方式:', '', '    主动公开', '', '  • 中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报', '', '    日期:2023-05-04 08:46:31 来源:区文旅体局 浏览量:', '    分享:', '         ', '', '    朗读', '', '    根据区委统一部署,2022年9月16日至10月18日,区委第二巡察组对区文旅体局党组进行了巡察。2023年1月17日,区委巡察组向区文旅体局…'],
    "12": ['中共株洲市荷塘区委关于巡视整改进展情况的通报', '', '根据省委统一部署,2024年9月10日至11月19日,省委第三巡视组对荷塘区进行了巡视。2024年12月28日,省委巡视组向荷塘区反馈了巡视…'],
    "13": ['中共浙江省纪律检查委员会 浙江省监察委员会', '', '中共宁波前湾新区工作委员会关于十四届省委第十二轮巡视整改进展情况的通报', '', '2022-04-08 10:00 浙江省纪委省监委网站', '', '  根据省委统一部署,2021年3月31日至6月18日,省委第一巡视组对宁波前湾新区党工委(原宁波杭州湾新区党工委)进行了巡视。8月24日,省委…'],
    "15": ['您现在的位置:首页 > 工作机构 > 法定机构 > 明珠湾开发建设管理局 > 工作动态', '来源:明珠湾管理局发布日期:2022-12-08', '【浏览字号 :大 中 小】', '-', '根据四届区委第二轮巡察工作统一部署,2022年3月15日至5月20日,区委营商环境专项巡察组对中共广州市南沙新区明珠湾开发建设管理局(简称明…'],
    "17": ['当前位置: 首页 > 巡视巡察 > 巡视整改', '中共上海市徐汇区委员会关于十二届市委第二轮巡视集中整改进展情况的通报', '', '中共上海市徐汇区委员会', '', '关于十二届市委第二轮巡视集中整改进展情况的通报', '', '根据市委统一部署,市委第一巡视组于2023年3月29日至6月16日对徐汇区进行了巡视,并于2023年8月29日反馈了巡视意见。按照巡视工作有…'],
    "22": ['巡视巡察', '', '您当前的位置 : 首页> 工作动态 > 巡视巡察', '杭州经济技术开发区党工委关于巡察整改情况的通报', '来源:杭州廉政网      发布时间:2019-05-27 11:03:55', '', '根据市委统一部署,2018625日至201883日,市委第三巡察组对杭州经济技术开发区党工委进行了巡察。2018926日,市委巡察组向杭州经…'],
    "27": ['浙江日报 数字报纸', '', '', '00006版:要闻', '', '附件1', '', '中共杭州市委关于', '十九届中央第六轮巡视整改进展情况的通报', '', '  根据中央统一部署,2020年10月10日至12月20日,中央第四巡视组对浙江省开展了常规巡视,同时将杭州市委和市人大常委会、市政府、市政协党…'],
}

CORPUS_FRAMES = {
    "01": ("中共武汉经开区党工委关于十二届省委第四轮巡视整改进展情况的通报", "根据省委巡视工作统一部署", []),
    "03": ("中共大连普湾经济区工作委员会关于巡察整改情况的通报", "各党总支(支部),各人民团体:", []),
    "05": ("中共厦门市湖里区委关于巡视整改进展情况的通报", "根据省委部署", []),
    "09": ("中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报", "根据区委统一部署", []),
    "12": ("中共株洲市荷塘区委关于巡视整改进展情况的通报", "根据省委统一部署", []),
    "13": ("中共宁波前湾新区工作委员会关于十四届省委第十二轮巡视整改进展情况的通报", "根据省委统一部署",
           [("before-title", "中共浙江省纪律检查委员会 浙江省监察委员会")]),
    "15": (None, "根据四届区委第二轮巡察工作统一部署", []),
    "17": ("中共上海市徐汇区委员会关于十二届市委第二轮巡视集中整改进展情况的通报", "根据市委统一部署",
           [("title-repeat", "中共上海市徐汇区委员会"), ("title-repeat", "关于十二届市委第二轮巡视集中整改进展情况的通报")]),
    "22": ("杭州经济技术开发区党工委关于巡察整改情况的通报", "根据市委统一部署", [("before-title", "巡视巡察")]),
    "27": ("中共杭州市委关于十九届中央第六轮巡视整改进展情况的通报", "根据中央统一部署",
           [("newspaper-header", "浙江日报 数字报纸"), ("newspaper-header", "00006版:要闻"),
            ("attachment-label", "附件1")]),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_openings(name):
    framed, _ = _run(CORPUS[name])
    title, first, removed = CORPUS_FRAMES[name]
    assert framed.title == title
    assert framed.body[0].startswith(first)
    assert [(r.rule, r.text) for r in framed.removed] == removed


# --- titles ----------------------------------------------------------------------------

BODY = "根据市委统一部署,市委第二巡察组对新区党工委进行了常规巡察。现将巡察整改进展情况予以公布。"


@pytest.mark.parametrize("head,title", [
    (["中共盘锦辽东湾新区工作委员会 关于市委巡察整改情况的通报"], "中共盘锦辽东湾新区工作委员会关于市委巡察整改情况的通报"),
    (["• 【巡察整改】中共某某区委关于巡察整改情况的通报"], "中共某某区委关于巡察整改情况的通报"),
    (["[巡察整改]中共某某区委关于巡察整改情况的通报"], "中共某某区委关于巡察整改情况的通报"),
    (["中共上海市徐汇区委员会", "关于十二届市委第二轮巡视集中整改进展情况的通报"],
     "中共上海市徐汇区委员会关于十二届市委第二轮巡视集中整改进展情况的通报"),
    (["中共杭州市委关于", "十九届中央第六轮巡视整改进展情况的通报"], "中共杭州市委关于十九届中央第六轮巡视整改进展情况的通报"),
    (["某某局党组关于巡察反馈意见整改落实情况的报告"], "某某局党组关于巡察反馈意见整改落实情况的报告"),
    (["中共某某县委关于巡视整改进展情况"], "中共某某县委关于巡视整改进展情况"),
    (["本级巡视巡察情况"], None),  # a column title: names 巡视 but is no report title
    (["中共某某区委关于开展主题教育的通知"], None),
])
def test_titles(head, title):
    framed = frame([*head, BODY], PageMeta())
    assert framed.title == title
    assert framed.body == ((BODY,) if title else (*head, BODY))


def test_site_prefix_is_kept_in_removed():
    framed = frame(["【巡察整改】中共某某区委关于巡察整改情况的通报", BODY], PageMeta())
    assert framed.removed == (Removed(text="【巡察整改】", rule="title-prefix"),)


def test_meta_title_picks_among_candidates():
    related = "中共某某县委关于巡视整改进展情况的通报"
    real = "中共某某区委关于巡察整改情况的通报"
    paragraphs = [related, real, BODY]
    assert frame(paragraphs, PageMeta()).title == related
    for meta in (PageMeta(article_title=real), PageMeta(html_title=f"{real}_某某区人民政府网")):
        framed = frame(paragraphs, meta)
        assert framed.title == real
        assert framed.removed == (Removed(text=related, rule="before-title"),)


def test_meta_title_without_the_genre_shape():
    framed = frame(["市委巡察工作的回音", BODY], PageMeta(article_title="市委巡察工作的回音"))
    assert framed.title == "市委巡察工作的回音" and framed.body == (BODY,)


def test_title_is_looked_for_before_running_text_only():
    paragraphs = ["本网讯,近日,各地各部门认真贯彻落实中央决策部署,坚持问题导向,扎实推进各项工作,取得积极成效,形成了一批经验做法,现摘编如下。",
                  "中共某某区委关于巡察整改情况的通报", BODY]
    framed = frame(paragraphs, PageMeta())
    assert framed.title is None and framed.body == tuple(paragraphs)


def test_title_repeats_after_the_title_only():
    title = "中共某某区委关于巡察整改情况的通报"
    framed = frame([title, title, "中共某某区委", BODY, "中共某某区委"], PageMeta())
    assert [r.rule for r in framed.removed] == ["title-repeat", "title-repeat"]
    assert framed.body == (BODY, "中共某某区委")


# --- the signature and what follows --------------------------------------------------

TITLE = "中共某某区委关于巡察整改情况的通报"


def test_after_signature_is_removed_and_named():
    paragraphs = [TITLE, BODY, "中共某某区委", "2021年2月9日", "0", "相关新闻", "中共某某县委", "2021年3月1日",
                  "网站地图 | 联系我们"]
    framed = frame(paragraphs, PageMeta())
    assert framed.body == (BODY, "中共某某区委", "2021年2月9日")
    assert [r.rule for r in framed.removed] == ["view-counter", "after-signature", "after-signature",
                                                "after-signature", "footer-nav"]


@pytest.mark.parametrize("signature", [
    ["中共某某区委巡察工作领导小组办公室 2020年11月16日"],
    ["中共某某区委", "某某区人民政府", "二〇二〇年十一月十六日"],
    ["中共某某区委", "2020-11-16"],
])
def test_signature_forms(signature):
    framed = frame([TITLE, BODY, *signature, "本站信息仅供参考"], PageMeta())
    assert framed.body == (BODY, *signature)
    assert framed.removed == (Removed(text="本站信息仅供参考", rule="after-signature"),)


def test_without_signature_tail_rules_peel_the_end():
    framed = frame([TITLE, BODY, "如有意见建议,请及时向我们反映。", "0", "关于我们 | 网站声明"], PageMeta())
    assert framed.body == (BODY, "如有意见建议,请及时向我们反映。")
    assert [r.rule for r in framed.removed] == ["view-counter", "footer-nav"]


def test_without_title_head_rules_peel_the_start():
    framed = frame(["00006版:要闻", "附件1", BODY], PageMeta())
    assert framed.title is None and framed.body == (BODY,)
    assert [r.rule for r in framed.removed] == ["newspaper-header", "attachment-label"]


def test_a_date_in_the_body_is_no_signature():
    paragraphs = [TITLE, BODY, "完成时限:", "2021年3月31日", "(一)政务处分情况", "2021年3月31日", "一是加强学习。"]
    assert frame(paragraphs, PageMeta()).body == tuple(paragraphs[1:])


def test_empty_and_blank_input():
    assert frame([], PageMeta()) == Frame(title=None, body=(), removed=())
    assert frame(["", "\xa0"], PageMeta()) == Frame(title=None, body=(), removed=())


# --- property: chrome around and between the paragraphs leaves the body as it was --------

def _chrome(where: str) -> list[str]:
    """Example lines of the rules limited to ``where``, except labels printed without
    their value (those take the next line as their value, by design)."""
    by_name = {r.name: r.where for r in GENERIC_RULES}
    return [x for n, xs in EXAMPLES.items() if by_name[n] == where for x in xs if not x.rstrip().endswith(":")]


_ANY, _HEAD, _TAIL = _chrome("any"), _chrome("head"), _chrome("tail")
_FRAMED = {seed: _run(path.read_text(encoding="utf-8").splitlines())[0] for seed, path in SEEDS.items()}


@given(st.sampled_from(sorted(SEEDS)),
       st.lists(st.sampled_from(_HEAD + _ANY + [""]), max_size=6),
       st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(_ANY + ["", "\xa0"])), max_size=12),
       st.lists(st.sampled_from(_TAIL + _ANY + ["", "相关文章标题一则"]), max_size=6))
def test_chrome_around_and_between_paragraphs_leaves_the_body(seed, head, inserts, tail):
    original = _FRAMED[seed]
    body = list(original.body)
    for position, line in sorted(inserts, key=lambda x: x[0] % (len(body) + 1), reverse=True):
        body.insert(position % (len(body) + 1), line)
    framed, _ = _run([*head, original.title, *body, *tail])
    assert framed.title == original.title
    assert framed.body == original.body
