"""blocks: HTML and plain text to blocks (text, link ratio, chrome zone) and page metadata."""

import html
import warnings
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.blocks import _SKIPPED, Block, extract, sniff_media_type
from zhenggai.errors import InputError
from zhenggai.model import PageMeta

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("*/*-text/*.txt"))

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
WORD_CHARS = st.one_of(
    CJK,
    st.sampled_from("，。；：、“”‘’（）《》！？—…\u00a0\u3000\u2002\u2003"),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.sampled_from("abcXYZ0123456789.,:;()%&<>\"'-"),
)
# A paragraph as a browser shows it: words separated by single spaces, no ASCII space
# at either end (NBSP and ideographic spaces are characters and may be anywhere).
paragraph = st.lists(st.text(WORD_CHARS, min_size=1, max_size=12), min_size=1, max_size=6).map(" ".join)
paragraphs = st.lists(paragraph, min_size=1, max_size=8)
cjk_paragraph = st.text(CJK, min_size=2, max_size=40)


def texts(markup: str) -> list[str]:
    return [b.text for b in extract(markup, "text/html").blocks]


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def nested_table(content: str, depth: int) -> str:
    for _ in range(depth):
        content = f'<table width="100%"><tr><td valign="top">{content}</td></tr></table>'
    return content


def wrap_all(paras: list[str], layout: str, depth: int) -> str:
    esc = [html.escape(p, quote=False) for p in paras]
    if layout == "p":
        return "".join(f"<p>{p}</p>" for p in esc)
    if layout == "div":
        return "".join(f'<div class="para">{p}</div>\n' for p in esc)
    if layout == "br":
        return "<div>" + "<br>\n".join(esc) + "</div>"
    if layout == "li":
        return "<ul>" + "".join(f"<li>{p}</li>" for p in esc) + "</ul>"
    if layout == "td":
        return "<table>" + "".join(f"<tr><td>{p}</td></tr>" for p in esc) + "</table>"
    if layout == "nested":
        return "".join(nested_table(f"<p>{p}</p>", depth) for p in esc)
    if layout == "inline":
        return "".join(f'<p><font face="仿宋"><span style="x">{p}</span></font></p>' for p in esc)
    raise AssertionError(layout)


LAYOUTS = ["p", "div", "br", "li", "td", "nested", "inline"]


@given(paragraphs, st.sampled_from(LAYOUTS), st.integers(1, 4))
@example(["a", "b"], "br", 1)
@example(["\u00a0"], "p", 1)
def test_paragraphs_come_out_as_blocks_in_order(paras, layout, depth):
    assert texts(page(wrap_all(paras, layout, depth))) == paras


@given(st.lists(cjk_paragraph, min_size=1, max_size=5), st.data())
def test_source_hard_wraps_between_cjk_join_with_nothing(paras, data):
    wrapped = []
    for p in paras:
        cut = data.draw(st.integers(1, len(p) - 1))
        indent = data.draw(st.sampled_from(["\n", "\r\n", "\n    ", "  \n\t\t"]))
        wrapped.append(p[:cut] + indent + p[cut:])
    assert texts(page(wrap_all(wrapped, "p", 1))) == paras


@given(paragraphs, st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=30))
def test_script_style_and_friends_never_appear(paras, code):
    marker = "§§" + code.replace("<", "")
    hidden = (f"<script>var s = '{marker}';</script><style>.x::after{{content:'{marker}'}}</style>"
              f"<noscript>{marker}</noscript><template><p>{marker}</p></template>"
              f"<!-- {marker} --><select><option>{marker}</option></select>"
              f'<textarea>{marker}</textarea><iframe src="x">{marker}</iframe><svg><text>{marker}</text></svg>')
    body = hidden.join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras) + hidden
    out = texts(page(body, head=hidden))
    assert out == paras
    assert not any("§§" in t for t in out)


@given(st.text(max_size=300))
@example("a\n\n b \u3000\n\u00a0\u00a0正文  \n")
@example("第一页\x0c第二页\r\n末行\r")
def test_plain_text_is_one_block_per_line(text):
    result = extract(text, "text/plain")
    assert [b.text for b in result.blocks] == [line.rstrip() for line in text.splitlines()]
    assert all(b.link_ratio == 0.0 and b.zone == "" for b in result.blocks)
    assert result.meta == PageMeta()


def test_plain_text_keeps_blank_lines_and_indentation():
    text = "标题\n\n\u00a0\u00a0\u3000正文第一段。  \n  \n"
    assert [b.text for b in extract(text, "text/plain").blocks] == ["标题", "", "\u00a0\u00a0\u3000正文第一段。", ""]


@given(st.text(max_size=300))
@example("\ud800<p>x</p>")
@example("<p>a\x00b</p>")
def test_any_text_extracts_as_html_without_error(text):
    result = extract(text, "text/html")
    assert all(isinstance(b, Block) and 0.0 <= b.link_ratio <= 1.0 for b in result.blocks)


TAG_SOUP = st.lists(st.one_of(
    st.sampled_from(["<p>", "</p>", "<div class='nav'>", "</div>", "<br>", "<a href=x>", "</a>",
                     "<table><tr><td>", "</td></tr></table>", "<font>", "<pre>", "</pre>",
                     "<script>", "</script>", "<!--", "-->", "<header>", "<article>", "&nbsp;",
                     "<title>", "</title>", "<rt>", "</rt>", "<svg>", "</svg>", "<meta name=pubdate content='2020年1月2日'>", "\n"]),
    st.text(WORD_CHARS, max_size=8)), max_size=60).map("".join)


@given(TAG_SOUP)
def test_tag_soup_never_raises(markup):
    result = extract(markup, "text/html")
    for block in result.blocks:
        assert 0.0 <= block.link_ratio <= 1.0
        assert block.zone in ("", "nav", "header", "footer", "aside")
        assert block.text == block.text.strip(" \t\r\n\f") or "<pre>" in markup


def _reference_text(markup: str) -> str:
    """The visible characters of ``markup`` read from a BeautifulSoup tree (built from
    the same lxml parser), skipping the elements the extractor skips: an independent
    reading of the text the event walk must keep."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(markup, "lxml")
    kept = [s for s in soup.find_all(string=True)
            if type(s) is NavigableString and not any(p.name in _SKIPPED for p in s.parents)]
    return "".join("".join(kept).split())


@given(TAG_SOUP)
@example("<pre>\nx</pre>")
@example("<svg><title>t</title></svg>x")
@example("<ruby>字<rt>zi</rt></ruby>")
def test_tag_soup_keeps_exactly_the_text_a_tree_walk_keeps(markup):
    assert "".join("".join(texts(markup)).split()) == _reference_text(markup)


def test_breaks_and_blank_lines():
    body = "第一行<br>第二行<br><br>第三行<p>&nbsp;</p><p>段落</p>"
    assert texts(page(body)) == ["第一行", "第二行", "", "第三行", "\u00a0", "段落"]


def test_inline_elements_do_not_break_and_spaces_collapse():
    body = "<p>根据<b>省委</b>统一<a href=x>部署</a>，  the <span>inspection\n\t team</span> 中 文</p>"
    assert texts(page(body)) == ["根据省委统一部署， the inspection team 中 文"]


def test_whitespace_between_cjk_and_latin_stays_one_space():
    assert texts(page("<p>巡视组\n  2019年\n进驻 Ａ\nB</p>")) == ["巡视组 2019年进驻 Ａ B"]


def test_entities_spaces_are_kept_as_characters():
    assert texts(page("<p>&ensp;&emsp;&nbsp;\u3000正文</p>")) == ["\u2002\u2003\u00a0\u3000正文"]


def test_preformatted_text_keeps_its_lines_and_spaces():
    assert texts(page("<pre>\n  一、总体情况\n\n    （一）提高站位  \n</pre><p>后</p>")) == [
        "  一、总体情况", "", "    （一）提高站位", "后"]


def test_form_wrapping_the_page_is_content_but_its_controls_are_not():
    body = ('<form id="form1" action="x.aspx"><input type="hidden" value="VIEWSTATE">'
            '<div>正文</div><button>搜索</button><select><option>友情链接</option></select></form>')
    assert texts(page(body)) == ["正文"]


def test_old_cms_layout_tables_in_tables():
    body = nested_table(
        '<table><tr><td class="title">关于巡察整改情况的通报</td></tr>'
        '<tr><td>发布时间：2019-08-21</td><td>来源：纪工委</td></tr>'
        '<tr><td><div id="zoom"><p>一、整改工作</p><p>（一）提高站位</p></div></td></tr></table>', 3)
    assert texts(page(body)) == ["关于巡察整改情况的通报", "发布时间：2019-08-21", "来源：纪工委",
                                 "一、整改工作", "（一）提高站位"]


def test_link_ratio_counts_visible_characters_inside_links():
    blocks = extract(page('<p><a href="/">首页</a> &gt; <a href="/x">通知</a> &gt; 正文</p>'
                          '<p>正文没有链接</p><p><a href=y> 上一篇 </a></p>'), "text/html").blocks
    assert [b.link_ratio for b in blocks] == [pytest.approx(4 / 8), 0.0, 1.0]


@given(paragraph)
def test_link_ratio_is_one_for_a_link_and_zero_without(text):
    esc = html.escape(text, quote=False)
    linked, plain = extract(page(f'<p><a href="x">{esc}</a></p><p>{esc}</p>'), "text/html").blocks
    visible = "".join(text.split())
    assert (linked.link_ratio, plain.link_ratio) == ((1.0, 0.0) if visible else (0.0, 0.0))


@pytest.mark.parametrize("markup, zone", [
    ("<nav><p>首页</p></nav>", "nav"),
    ('<div class="breadcrumb">当前位置：首页</div>', "nav"),
    ('<table class="x"><tr><td class="dqwz">当前位置：首页</td></tr></table>', "nav"),
    ('<table class="head"><tr><td>网站名</td></tr></table>', "header"),
    ('<h1 class="headline">标题</h1>', ""),
    ('<div id="mainNav"><ul><li>首页</li></ul></div>', "nav"),
    ('<ul class="menu-list"><li>首页</li></ul>', "nav"),
    ("<header><div>网站名</div></header>", "header"),
    ('<div class="top-bar">欢迎访问</div>', "header"),
    ('<div id="footer"><p>版权所有</p></div>', "footer"),
    ('<div class="copyright">版权所有</div>', "footer"),
    ("<footer>主办单位</footer>", "footer"),
    ("<aside>热点</aside>", "aside"),
    ('<div class="sidebar">热点</div>', "aside"),
    ('<div class="bdsharebuttonbox">分享到</div>', "aside"),
    ('<div class="xgwz">相关文章</div>', "aside"),
    ('<div class="related-news">相关文章</div>', "aside"),
    ("<article><header><h1>标题</h1></header></article>", ""),
    ('<div class="article-header">标题</div>', ""),
    ('<div class="inside">正文</div>', ""),
    ('<div class="canvas">正文</div>', ""),
    ('<div class="footnote">注释</div>', ""),
    ('<div id="zoom" class="TRS_Editor">正文</div>', ""),
])
def test_zones(markup, zone):
    (block,) = extract(page(markup), "text/html").blocks
    assert block.zone == zone


def test_innermost_zone_wins_and_content_after_chrome_is_plain():
    body = ('<div id="footer"><div class="nav">友情链接</div><p>版权所有</p></div>'
            '<div class="content"><p>正文</p></div>')
    assert [(b.text, b.zone) for b in extract(page(body), "text/html").blocks] == [
        ("友情链接", "nav"), ("版权所有", "footer"), ("正文", "")]


@pytest.mark.parametrize("opening, closing", [("<div>", "</div>"), ("<font>", ""),
                                              ("<span>", "</span>"), ("<blockquote>", "")])
def test_fifty_thousand_deep_nesting_keeps_all_text(opening, closing):
    n = 50_000
    markup = "<html><body>" + opening * n + "深处的文字" + closing * n + "<p>之后</p></body></html>"
    out = texts(markup)
    assert "深处的文字" in "".join(out) and out[-1] == "之后"


def test_deeply_nested_tables_keep_all_text():
    assert texts(page(nested_table("<p>深处</p>", 3000) + "<p>之后</p>")) == ["深处", "之后"]


META_HEAD = """
<meta charset="utf-8">
<TITLE>
  关于巡察整改情况的通报_新区门户网站
</TITLE>
<META NAME="ArticleTitle" CONTENT="关于巡察整改情况的通报">
<meta property="og:title" content="og标题">
<meta name="PubDate" content="2021-02-10 23:00">
<meta name="ContentSource" content="区纪委监委">
<meta name="SiteName" content="新区门户网站">
<meta name="description" content="  巡察
  整改  ">
<meta name="keywords" content="巡察,整改">
<meta name="author" content="新区党工委">
<link rel="canonical" href=" http://www.example.gov.cn/a/1.html ">
<meta property="og:url" content="http://og.example/1">
"""


def test_meta_is_read_from_the_head():
    meta = extract(page("<p>正文</p>", head=META_HEAD), "text/html").meta
    assert meta == PageMeta(
        html_title="关于巡察整改情况的通报_新区门户网站", article_title="关于巡察整改情况的通报",
        published_at="2021-02-10T23:00", origin="区纪委监委", site_name="新区门户网站",
        canonical_url="http://www.example.gov.cn/a/1.html", description="巡察 整改",
        keywords="巡察,整改", author="新区党工委")


def test_meta_fallbacks_open_graph_and_other_names():
    head = ('<meta property="og:title" content="og标题"><meta property="og:site_name" content="站点">'
            '<meta property="article:published_time" content="2023-12-27T16:11:05+08:00">'
            '<meta name="source" content="巴陵风纪网"><meta property="og:url" content="http://x/1">')
    meta = extract(page("<p>正文</p>", head=head), "text/html").meta
    assert (meta.article_title, meta.site_name, meta.published_at, meta.origin, meta.canonical_url) == (
        "og标题", "站点", "2023-12-27T16:11", "巴陵风纪网", "http://x/1")


def test_unparseable_pubdate_gives_way_to_the_next_name():
    head = '<meta name="pubdate" content="未知"><meta name="publishdate" content="2019年8月21日">'
    assert extract(page("<p>x</p>", head=head), "text/html").meta.published_at == "2019-08-21"


def test_title_and_meta_text_are_not_blocks():
    assert texts(page("<p>正文</p>", head=META_HEAD)) == ["正文"]


def test_page_without_meta_has_empty_meta():
    assert extract(page("<p>正文</p>"), "text/html").meta == PageMeta()


@pytest.mark.parametrize("text, media", [
    ("<!DOCTYPE html><html><body>x</body></html>", "text/html"),
    ("\ufeff  <!-- saved from url -->\n<html>", "text/html"),
    ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "text/html"),
    ("<div>关于</div>", "text/html"),
    ("当前位置：首页 > 通知公告\n<p>一、整改</p>", "text/html"),
    ("关于巡察整改情况的通报\n根据市委统一部署<br>", "text/html"),
    ("关于巡察整改情况的通报\n一、整改工作", "text/plain"),
    ("<一>总体情况 a < b", "text/plain"),
    ("", "text/plain"),
])
def test_sniff_media_type(text, media):
    assert sniff_media_type(text) == media


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_texts_are_plain_and_split_into_their_lines(seed):
    text = seed.read_text(encoding="utf-8")
    assert sniff_media_type(text) == "text/plain"
    blocks = extract(text, "text/plain").blocks
    assert [b.text for b in blocks] == [line.rstrip() for line in text.splitlines()]


@pytest.mark.parametrize("markup, expected", [
    ("http://example.gov.cn/a.html", ["http://example.gov.cn/a.html"]),
    ('<?xml version="1.0"?><html><body><p>x</p></body></html>', ["x"]),
])
def test_odd_inputs_give_no_warnings(markup, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert texts(markup) == expected


def test_unsupported_media_type_is_an_input_error():
    with pytest.raises(InputError, match="media type"):
        extract("x", "application/pdf")
