"""Tests for zhenggai.testing.pages (page templates, widen_punctuation) and for the seed
fixtures built with it: the HTML pages and the hand-written expected.json files."""

from __future__ import annotations

import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.errors import InputError
from zhenggai.testing.pages import KINDS, encode_page, render_page, widen_punctuation
from zhenggai.text import SPACES, clean_line, fold

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _load_build():
    spec = importlib.util.spec_from_file_location("build_html", FIXTURES / "build_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_html = _load_build()
CASES = {case.name: case for case in build_html.CASES}

# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})


class _Balance(HTMLParser):
    """Records tag-nesting errors and counts of document-level elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.counts: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "table", "tbody", "tr", "td", "th", "h1", "h2",
                     "h3", "h4", "h5", "h6", "form", "dl", "dt", "dd", "center", "body", "html"})
_INVISIBLE = frozenset({"script", "style", "head", "title", "noscript", "template", "select"})


def page_lines(html: str) -> list[str]:
    """The page's visible text, one line per block element or <br> run, blank lines
    dropped, whitespace collapsed (the convention fixtures/README.md describes)."""
    soup = BeautifulSoup(html, "html.parser")
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = clean_line("".join(current).replace("\n", " "))
        current.clear()
        if text:
            lines.append(text)

    stack = [iter((soup.body or soup).children)]
    closing: list[bool] = [False]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if closing.pop():
                flush()
            continue
        if isinstance(node, Comment):
            continue
        if isinstance(node, NavigableString):
            if type(node) is NavigableString:
                current.append(str(node))
            continue
        if not isinstance(node, Tag) or node.name in _INVISIBLE:
            continue
        if node.name == "br":
            flush()
            continue
        block = node.name in _BLOCKS
        if block:
            flush()
        stack.append(iter(node.children))
        closing.append(block)
    flush()
    return lines


def same_text(expected: str, actual: str) -> bool:
    """The conformance rule: compare after fold; a trailing … matches a prefix."""
    exp, act = fold(expected), fold(actual)
    return act.startswith(exp[:-1]) if exp.endswith("…") else exp == act


def decoded_page(case: str) -> str:
    path = FIXTURES / CASES[case].plugin / f"{case}-html" / "page.html"
    return path.read_bytes().decode("gbk" if CASES[case].charset in ("gb2312", "gbk") else "utf-8")


def expected(case: str, variant: str) -> dict:
    path = FIXTURES / CASES[case].plugin / f"{case}-{variant}" / "expected.json"
    return json.loads(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------
# render_page
# --------------------------------------------------------------------------------------

_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("，。：；（）“”、《》【】—\u00a0\u3000\n"),
)
# Ext-A characters never occur in chrome or titles: a paragraph holding one is findable.
_MARK = st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF)
paragraph = st.tuples(st.text(_ALPHABET, max_size=30), _MARK, st.text(_ALPHABET, max_size=30)).map("".join)
plain = st.text(st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                          st.characters(min_codepoint=0x20, max_codepoint=0x7E)), min_size=1, max_size=24)
optional = st.none() | plain


def _distinct(paragraphs: list[str]) -> bool:
    return not any(a != b and a in b for a in paragraphs for b in paragraphs)


pages = st.fixed_dictionaries({
    "kind": st.sampled_from(KINDS),
    "title": plain,
    "paragraphs": st.lists(paragraph, max_size=14, unique=True).filter(_distinct),
    "published_at": optional,
    "origin": optional,
    "editor": optional,
    "original_url": optional,
    "prev_next": st.none() | st.tuples(plain, plain),
    "charset": st.sampled_from(["utf-8", "gb2312", "gbk"]),
})


_MARKUP = {"kind": "fujian", "title": "<i>标题</i> & \"引号\"", "paragraphs": ["<b>粗体</b> &amp; <!-- 注 -->㐀", "a</p>㐁"],
           "published_at": "<2021>", "origin": "&来源", "editor": "</div>", "original_url": "http://a.cn/?x=1&y=<2>",
           "prev_next": ("<上>", "&下"), "charset": "utf-8"}


@given(pages)
@example(_MARKUP)
@example({**_MARKUP, "kind": "liaoning_pj"})
@example({**_MARKUP, "kind": "liaoning_jp"})
def test_every_kind_renders_valid_looking_html(args):
    page = render_page(**args)
    assert page.startswith("<!DOCTYPE ")
    checker = _Balance()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    for tag in ("html", "head", "title", "body"):
        assert checker.counts.get(tag) == 1, tag
    assert re.search(rf'charset="?{re.escape(args["charset"])}"', page[:400])
    soup = BeautifulSoup(page, "html.parser")
    assert args["title"] in soup.title.get_text()
    assert args["title"] in soup.body.get_text()


@given(pages)
@example(_MARKUP)
@example({**_MARKUP, "kind": "hunan", "charset": "gbk"})
def test_every_paragraph_appears_in_the_page_text_exactly_once(args):
    text = BeautifulSoup(render_page(**args), "html.parser").get_text()
    for p in args["paragraphs"]:
        assert text.count(p) == 1, p


@given(pages)
def test_metadata_is_shown_only_when_given(args):
    page = render_page(**args)
    text = BeautifulSoup(page, "html.parser").get_text()
    for p in args["paragraphs"]:
        text = text.replace(p, "")
    for key, labels in (("published_at", ("时间：",)), ("origin", ("来源：",)), ("original_url", ("原文链接：",)),
                        ("editor", ("编辑：", "责编："))):
        if args[key] is None:
            assert not any(label in text for label in labels), key
        else:
            assert args[key] in text, key
    assert ("上一篇：" in text) == (args["prev_next"] is not None)
    assert ('name="PubDate"' in page) == (args["published_at"] is not None and args["kind"] != "zhejiang")


@given(pages)
def test_rendering_is_deterministic(args):
    assert render_page(**args) == render_page(**args)


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@pytest.mark.parametrize("kind", KINDS)
def test_chinese_in_scripts_styles_and_comments_never_shows(kind):
    page = render_page(kind, title="关于巡察整改情况的通报", paragraphs=["正文第一段。", "正文第二段。"],
                       published_at="2021-02-10 23:00", origin="某单位", editor="某人",
                       original_url="http://example.gov.cn/a.html", prev_next=("上一篇标题", "下一篇标题"))
    soup = BeautifulSoup(page, "html.parser")
    hidden = [t.get_text() for t in soup.find_all(["script", "style"])]
    hidden += [str(c) for c in soup.find_all(string=lambda s: isinstance(s, Comment))]
    runs = {run for chunk in hidden for run in _CJK_RUN.findall(chunk)}
    assert runs, "the page hides no Chinese text"
    visible = soup.get_text()
    assert [run for run in runs if run in visible] == []


@pytest.mark.parametrize("kind", KINDS)
def test_page_has_the_chrome_of_a_government_site(kind):
    page = render_page(kind, title="关于巡察整改情况的通报", paragraphs=["正文。"])
    text = BeautifulSoup(page, "html.parser").get_text()
    for needle in ("版权所有", "主办单位", "ICP备", "公网安备", "网站标识码", "首页"):
        assert needle in text, needle
    assert "相关文章" in text or "热点推荐" in text


def test_inner_newline_is_a_line_break_and_blank_paragraph_a_spacer():
    page = render_page("fujian", title="标题", paragraphs=["第一行\n第二行", "", "下一段"])
    assert "第一行<br>\n第二行" in page
    assert page_lines(page).count("第二行") == 1
    assert "<p><br></p>" in page


def test_hunan_prefixes_the_title_with_its_column_label():
    assert "【巡察整改】关于巡察整改情况的通报" in render_page("hunan", title="关于巡察整改情况的通报", paragraphs=[])
    assert "【巡视整改】关于巡视整改情况的通报" in render_page("hunan", title="关于巡视整改情况的通报", paragraphs=[])
    assert "【巡察整改】【巡察整改】" not in render_page("hunan", title="【巡察整改】关于通报", paragraphs=[])


def test_bad_kind_or_charset_is_an_input_error():
    with pytest.raises(InputError):
        render_page("nowhere", title="t", paragraphs=[])
    with pytest.raises(InputError):
        render_page("fujian", title="t", paragraphs=[], charset="klingon")
    with pytest.raises(InputError):
        encode_page("x", "klingon")


def test_encode_page_reads_gb2312_as_gbk_and_escapes_the_rest():
    assert encode_page("0411—88171399", "gb2312") == "0411—88171399".encode("gbk")
    assert encode_page("\u00a0甲", "gbk") == b"&#160;" + "甲".encode("gbk")
    assert encode_page("甲", "utf-8") == "甲".encode("utf-8")


# --------------------------------------------------------------------------------------
# widen_punctuation
# --------------------------------------------------------------------------------------

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_ASCII_PUNCTUATED = st.text(st.one_of(_CJK, st.sampled_from(
    "abcXYZ0123456789 ,:;?!()[].-%\"'/@_~\n“”‘’、。《》—\u00a0")), max_size=60)
_WIDE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


@given(_ASCII_PUNCTUATED)
@example("新区三产比重3.4:76.1:20.5,石化")
@example("(1)关于((")
def test_fold_undoes_widen(s):
    widened = widen_punctuation(s)
    assert len(widened) == len(s)
    assert fold(widened) == s


@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60))
def test_ascii_text_is_left_alone(s):
    assert widen_punctuation(s) == s


@given(_CJK, st.sampled_from(",:;?!"), _CJK)
def test_marks_between_chinese_become_full_width(a, mark, b):
    assert widen_punctuation(a + mark + b) == a + _WIDE[mark] + b


@given(st.integers(0, 99), st.integers(0, 99), st.sampled_from(":,"), _CJK)
def test_numbers_keep_their_colons_and_commas(x, y, sep, c):
    number = f"{x}{sep}{y}"
    assert number in widen_punctuation(f"{c}{number}{c}")


_URL_CHARS = st.text(st.sampled_from("abc019/._-?=&%:;,()!#"), max_size=20)


@given(_URL_CHARS.filter(lambda u: not u or u[-1] not in ",;:!?"))
def test_urls_keep_their_ascii_punctuation(path):
    url = f"http://www.zjsjw.gov.cn/{path}"
    assert url in widen_punctuation(f"原文链接:{url}")
    assert widen_punctuation(f"原文链接:{url}").startswith("原文链接：")


@pytest.mark.parametrize("before, after", [
    ("(1)关于“X”的问题。", "（1）关于“X”的问题。"),
    ("《三年(2018—2020)工作方案》", "《三年（2018—2020）工作方案》"),
    ("f(x) = y", "f(x) = y"),
    ("时间:2021-02-10 23:00", "时间：2021-02-10 23:00"),
    ("联系电话:0595-22483550 ;通信地址", "联系电话：0595-22483550 ；通信地址"),
    ("邮箱:LDWXC2020@163.COM。", "邮箱：LDWXC2020@163.COM。"),
    ("1-9月,同比", "1-9月，同比"),
    ("辽东湾委发〔2020〕15号", "辽东湾委发〔2020〕15号"),
])
def test_widen_examples(before, after):
    assert widen_punctuation(before) == after


# --------------------------------------------------------------------------------------
# the committed fixtures
# --------------------------------------------------------------------------------------


def test_committed_pages_are_what_build_html_produces():
    built = build_html.build()
    assert len(built) == len(CASES)
    for path, data in built.items():
        assert path.exists(), path
        assert path.read_bytes() == data, f"{path} is stale: run python fixtures/build_html.py"


@pytest.mark.parametrize("case", sorted(CASES))
def test_page_declares_its_charset_and_shows_the_seed_text(case):
    c = CASES[case]
    raw = (FIXTURES / c.plugin / f"{case}-html" / "page.html").read_bytes()
    assert re.search(rf'charset="?{c.charset}"'.encode(), raw[:1024])
    if c.charset != "utf-8":
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
    seed_body = _squash("".join(build_html.seed_lines(c)[c.body[0] - 1:c.body[1]]))
    assert seed_body in _squash("".join(page_lines(decoded_page(case))))


PROVINCES = {"liaoning": "辽宁省", "fujian": "福建省", "hunan": "湖南省", "zhejiang": "浙江省"}
REQUIRED = {
    "title", "issuer", "addressees", "signed_date", "published_at", "editor", "origin", "original_url",
    "inspection", "stated", "accountability", "contacts", "publisher", "paragraphs", "removed",
}
SUBKEYS = {
    "inspection": {"kind", "by", "mode", "group", "group_number", "round", "start", "end", "feedback_date"},
    "stated": {"aspects", "problems", "tasks", "completed", "basically_completed", "in_progress",
               "long_term", "completion_rate", "rules_established"},
    "accountability": {"party_discipline", "government_sanction", "organizational", "admonishment",
                       "reminder", "transferred_judicial", "refunded_yuan", "recovered_yuan"},
    "contacts": {"phones", "emails", "addresses", "postcodes"},
    "publisher": {"plugin", "province"},
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?")
ALL = [(case, variant) for case in sorted(CASES) for variant in ("text", "html")]


@pytest.mark.parametrize("case, variant", ALL)
def test_expected_json_has_the_required_keys(case, variant):
    data = expected(case, variant)
    # problems and counted come from the structure expectations (fixtures/PROBLEMS.md)
    assert REQUIRED <= set(data) <= REQUIRED | {"problems", "counted"}
    for key, subkeys in SUBKEYS.items():
        assert set(data[key]) == subkeys, key
    assert data["publisher"] == {"plugin": CASES[case].plugin, "province": PROVINCES[CASES[case].plugin]}
    for key in ("signed_date",):
        assert _DATE.fullmatch(data[key])
    for key in ("start", "end", "feedback_date"):
        assert data["inspection"][key] is None or _DATE.fullmatch(data["inspection"][key])
    assert data["published_at"] is None or _TIMESTAMP.fullmatch(data["published_at"])
    assert all(isinstance(p, str) and p for p in data["paragraphs"])
    assert all(set(r) == {"text"} and r["text"] for r in data["removed"])


@pytest.mark.parametrize("case", sorted(CASES))
def test_html_expectations_equal_the_text_ones_but_for_chrome(case):
    text, html = expected(case, "text"), expected(case, "html")
    assert {k: v for k, v in text.items() if k != "removed"} == {k: v for k, v in html.items() if k != "removed"}


def _squash(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch not in SPACES and ch != "\n")


@pytest.mark.parametrize("case", sorted(CASES))
def test_expected_paragraphs_partition_the_seed_body(case):
    """Read in order, the expected paragraphs cover the seed's body exactly (whitespace
    aside): a full paragraph starts where the previous one ended; a '…' prefix starts
    there and runs to where the next paragraph begins."""
    c = CASES[case]
    body = _squash("".join(build_html.seed_lines(c)[c.body[0] - 1:c.body[1]]))
    paragraphs = expected(case, "text")["paragraphs"]
    keys = [_squash(p[:-1] if p.endswith("…") else p) for p in paragraphs]
    pos = 0
    for i, (p, key) in enumerate(zip(paragraphs, keys)):
        assert body.startswith(key, pos), (i, p[:30])
        if p.endswith("…"):
            following = keys[i + 1] if i + 1 < len(keys) else None
            pos = body.find(following, pos + len(key)) if following else len(body)
            assert pos > 0, (i, p[:30])
        else:
            pos += len(key)
    assert pos == len(body)


@pytest.mark.parametrize("case", sorted(CASES))
def test_expected_removed_are_the_text_fixture_chrome_lines(case):
    c = CASES[case]
    lines = build_html.seed_lines(c)
    kept = {c.title_line, *range(c.body[0], c.body[1] + 1)}
    chrome = [clean_line(line) for n, line in enumerate(lines, 1) if n not in kept and clean_line(line)]
    removed = _without_title_prefix(expected(case, "text"), lines)
    assert len(removed) == len(chrome)
    assert [(e, a) for e, a in zip(removed, chrome) if not same_text(e, a)] == []


def _without_title_prefix(data, lines):
    """The expected removed lines but the title's site prefix (【巡察整改】): it is cut off
    the title line, not a line of its own."""
    title_lines = {_squash(line) for line in lines}
    return [r["text"] for r in data["removed"] if _squash(r["text"] + data["title"]) not in title_lines]


@pytest.mark.parametrize("case", sorted(CASES))
def test_expected_removed_are_the_html_fixture_chrome_lines(case):
    c = CASES[case]
    lines = page_lines(decoded_page(case))
    body = [clean_line(part) for p in build_html.body_paragraphs(build_html.seed_lines(c)[c.body[0] - 1:c.body[1]])
            for part in p.split("\n") if clean_line(part)]
    start = next(i for i, line in enumerate(lines) if same_text(line, body[0]) and lines[i:i + len(body)] and
                 all(same_text(b, a) for b, a in zip(body, lines[i:i + len(body)])))
    title = _squash(expected(case, "html")["title"])
    chrome = [line for line in lines[:start] + lines[start + len(body):]  # all but the title (and its 【…】 prefix)
              if not (_squash(line).endswith(title) and len(_squash(line)) - len(title) <= 8)]
    removed = _without_title_prefix(expected(case, "html"), lines)
    assert len(removed) == len(chrome)
    assert [(e, a) for e, a in zip(removed, chrome) if not same_text(e, a)] == []
