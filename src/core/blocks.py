"""Step 3, extract blocks: HTML or plain text to lines of text plus the page's metadata.

A *block* is what a browser would show as one line box: the text of a paragraph, a
cell, a list item, or a run of text ended by ``<br>``. Blocks keep the page's characters
(NBSP, ideographic spaces, full-width punctuation); the repair step normalizes them.
Each block carries its ``link_ratio`` (share of its visible characters inside ``<a>``)
and its ``zone`` (site chrome it sits in: 'nav', 'header', 'footer', 'aside'), which the
chrome step uses as evidence.

HTML is read in one pass, without building a tree: lxml's HTML parser (libxml2, with
its error recovery for tag soup) drives ``_Walk`` as its event target — start tag, text,
end tag — the way BeautifulSoup drives it to build its own tree. Nothing recurses, and
libxml2's depth cap (256, or 2048 with ``huge_tree``) applies only to the trees it builds
itself: the tests check that text 50,000 elements deep comes through. Pages nest tables
and ``<font>`` tags thousands deep. Building a bs4 tree first cost 7 ms of a 60 KB page;
the events cost about 2 ms (``docs/batch.md``).
"""

from __future__ import annotations

import re
from typing import Mapping, Optional

from attrs import frozen
from lxml import etree

from .dates import parse_timestamp
from .errors import InputError
from .model import PageMeta

HTML = "text/html"
PLAIN = "text/plain"

# Elements whose content a reader never sees as text.
_DROPPED = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed",
    "canvas", "audio", "video", "select", "option", "datalist", "textarea", "button", "input",
})
# Elements that start and end a line box (CSS display: block, list-item, table parts).
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
    "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
})
_PREFORMATTED = frozenset({"pre", "listing", "xmp"})
# Elements skipped whole: the dropped ones, ruby annotations (pinyin over the text), and
# void or head elements read for themselves (``<br>`` ends a line box; the head's title,
# meta and link give ``PageMeta``).
_SKIPPED = _DROPPED | {"rt", "rp", "br", "title", "meta", "link"}
# Content containers: a <header>/<footer> inside one heads or ends the article itself
# (title, date, author), not the site.
_SECTIONING = frozenset({"article", "main", "section"})
_ZONE_TAGS = {"nav": "nav", "aside": "aside", "header": "header", "footer": "footer"}

# Chrome named by id/class tokens (split on non-letters and camelCase). Compounds such
# as "topnav", "navbar", "sidebar", "footerbox", "bdsharebuttonbox" count; "canvas",
# "inside", "footnote", "headline" do not. Pinyin initials of Chinese CMS templates:
# dqwz 当前位置 (breadcrumb), xgwz 相关文章 (related articles).
_ZONE_TOKEN = tuple((zone, re.compile(rf"(?:{words})\d{{0,3}}")) for zone, words in (
    ("nav", r"[a-z]{0,12}nav|nav(?:bar|list|box|wrap|s)|navi|navigation|"
            r"[a-z]{0,12}menu[a-z]{0,12}|[a-z]{0,12}crumbs?[a-z]{0,12}|dqwz"),
    ("footer", r"[a-z]{0,12}footer[a-z]{0,12}|foot(?:box|wrap)?|copyright[a-z]{0,12}"),
    ("aside", r"(?:left|right)?side(?:bar|box|nav)?|sidebar[a-z]{0,12}|"
              r"[a-z]{0,12}share[a-z]{0,12}|related[a-z]{0,12}|xgwz[a-z]{0,12}"),
    ("header", r"[a-z]{0,12}header[a-z]{0,12}|head|topbar"),
))
# An element naming the article as well ("article-header", "news-footer") is content.
_CONTENT_TOKENS = frozenset({"article", "content", "detail", "post", "entry", "news", "doc", "wz"})
_TOKEN_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])")
_TOP_BAR = re.compile(r"top[-_]bar", re.I)

# Collapsing as a browser does: runs of HTML whitespace become one space, except that a
# run holding a line break between two CJK characters (a hard wrap in the HTML source)
# disappears. NBSP and ideographic spaces are characters, not collapsible whitespace.
_CJK = "\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’"
_CJK_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
_HTML_WHITESPACE = " \t\r\n\f"
_HTML_SPACE = re.compile(f"[{_HTML_WHITESPACE}]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

_SNIFF_WINDOW = 1024
_LEADING_NOISE = re.compile(
    r"(?:\s|\ufeff|<!--.{0,4096}?-->|<!doctype[^>]{0,1024}>|<\?xml[^>]{0,1024}>)*",
    re.I | re.S)
_STARTS_WITH_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,15}[\s/>]")
_HTML_TAG = re.compile(r"<(?:html|body|p|div|br)[\s/>]", re.I)

# Meta names (lowercased name= or property=) per PageMeta field, in order of preference.
_META_FIELDS = {
    "article_title": ("articletitle", "og:title", "title"),
    "origin": ("contentsource", "source"),
    "site_name": ("sitename", "og:site_name"),
    "description": ("description", "og:description"),
    "keywords": ("keywords",),
    "author": ("author",),
}
_META_DATES = ("pubdate", "publishdate", "article:published_time", "og:release_date")
_META_URLS = ("og:url",)


@frozen
class Block:
    """One line of the page: its text, the share of its visible characters inside
    links, and the chrome zone it sits in ('' for content)."""

    text: str
    link_ratio: float = 0.0
    zone: str = ""


@frozen
class Extracted:
    """The blocks of a page, in reading order, and what the page says about itself."""

    blocks: tuple[Block, ...]
    meta: PageMeta


def sniff_media_type(text: str) -> str:
    """'text/html' when ``text`` starts with markup (after whitespace, BOM, comments,
    doctype, XML declaration) or has an html/body/p/div/br tag in its first KB;
    else 'text/plain'."""
    head = text[:_SNIFF_WINDOW * 8]
    start = _LEADING_NOISE.match(head).end()
    if _STARTS_WITH_TAG.match(head, start) or _HTML_TAG.search(text, 0, _SNIFF_WINDOW):
        return HTML
    return PLAIN


def extract(text: str, media_type: str) -> Extracted:
    """Split ``text`` into blocks; for HTML also read ``PageMeta`` from its head.

    Plain text gives one block per line (blank lines kept as '', trailing whitespace
    removed, indentation kept). ``media_type`` is 'text/html' or 'text/plain'.
    """
    if media_type == PLAIN:
        return Extracted(tuple(Block(line.rstrip()) for line in text.splitlines()), PageMeta())
    if media_type == HTML:
        return _walk(text)
    raise InputError(f"unsupported media type {media_type!r}; expected {HTML!r} or {PLAIN!r}",
                     step="extract blocks")


def _walk(text: str) -> Extracted:
    """Feed ``text`` to lxml's HTML parser with a ``_Walk`` as its event target."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        return _feed(text)
    except UnicodeEncodeError:  # lxml refuses unpaired surrogates
        return _feed(_SURROGATE.sub("\ufffd", text))


def _feed(text: str) -> Extracted:
    parser = etree.HTMLParser(target=_Walk(), recover=True, no_network=True)
    parser.feed(text)
    return parser.close()


def _collapse(raw: str) -> str:
    """Collapse HTML whitespace in one line box as a browser does (see module notes).
    Most line boxes hold no line break and no run of spaces: they skip the regexes."""
    if "\n" in raw:
        raw = _CJK_WRAP.sub("", raw)
    if "  " in raw or "\n" in raw or "\t" in raw or "\r" in raw or "\f" in raw:
        raw = _HTML_SPACE.sub(" ", raw)
    return raw.strip(" ")


def _visible(text: str) -> int:
    """Characters that are not whitespace of any kind (NBSP and U+3000 included)."""
    return len("".join(text.split()))


class _Frame:
    """One open element: its name and the context (chrome zone, inside an article) its
    children inherit."""

    __slots__ = ("name", "zone", "sectioned")

    def __init__(self, name: str, zone: str, sectioned: bool):
        self.name = name
        self.zone = zone
        self.sectioned = sectioned


class _Walk:
    """lxml parser target: turns the parser's start/data/end events into blocks and
    metadata in one pass. Elements in ``_SKIPPED`` are skipped whole (nested starts
    counted), after reading what the head's ones say."""

    def __init__(self) -> None:
        self.stack = [_Frame("#document", "", False)]
        self.skipping = 0  # depth inside a skipped element
        self.title_parts: Optional[list[str]] = None  # set while inside the first <title>
        self.pre_start = False  # right after a preformatted element's start tag
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.piece_zone: Optional[str] = None
        self.link_chars = 0
        self.links = 0
        self.pre = 0
        self.pre_line = False
        self.title: Optional[str] = None
        self.metas: dict[str, str] = {}
        self.canonical: Optional[str] = None
        self.zone_memo: dict[tuple[str, bool], str] = {}

    # -- parser events ----------------------------------------------------------------

    def start(self, name: str, attrib: Mapping[str, str]) -> None:
        self.pre_start = False
        if self.skipping:
            self.skipping += 1
            return
        if name in _SKIPPED:
            self._skip(name, attrib)
            return
        parent = self.stack[-1]
        if name in _BLOCK:
            self._flush(force=False, zone=parent.zone)
        if name == "a":
            self.links += 1
        elif name in _PREFORMATTED:
            self.pre += 1
            self.pre_start = True
        zone = self._zone(name, attrib, parent)
        self.stack.append(_Frame(name, zone or parent.zone, parent.sectioned or name in _SECTIONING))

    def end(self, name: str) -> None:
        self.pre_start = False
        if self.skipping:
            self.skipping -= 1
            if not self.skipping and self.title_parts is not None:
                self.title = _collapse("".join(self.title_parts)) or None
                self.title_parts = None
            return
        if len(self.stack) == 1:
            return
        frame = self.stack.pop()
        if frame.name == "a":
            self.links -= 1
        elif frame.name in _PREFORMATTED:
            self.pre -= 1
        if frame.name in _BLOCK:
            self._flush(force=False, zone=frame.zone)

    def data(self, text: str) -> None:
        if self.skipping:
            if self.title_parts is not None:
                self.title_parts.append(text)
            return
        if self.pre_start:  # HTML drops the line break right after <pre>
            self.pre_start = False
            text = text[2:] if text.startswith("\r\n") else text[1:] if text.startswith("\n") else text
        if not text:
            return
        if self.pre:
            self._pre_text(text)
        else:
            self._add(text, self.stack[-1].zone)

    def close(self) -> Extracted:
        self._flush(force=False, zone="")
        return Extracted(tuple(self.blocks), self._meta())

    def _skip(self, name: str, attrib: Mapping[str, str]) -> None:
        """Start skipping element ``name``, reading what it says of the page first."""
        self.skipping = 1
        if name == "br":
            self._flush(force=True, zone=self.stack[-1].zone)
        elif name == "title":
            if self.title is None:
                self.title_parts = []
        elif name == "meta":
            self._read_meta(attrib)
        elif name == "link":
            rel = (attrib.get("rel") or "").lower().split()
            if self.canonical is None and "canonical" in rel:
                self.canonical = (attrib.get("href") or "").strip() or None

    # -- line boxes -------------------------------------------------------------------

    def _add(self, text: str, zone: str) -> None:
        self.pieces.append(text)
        if self.piece_zone is None and text.strip(_HTML_WHITESPACE):
            self.piece_zone = zone
        if self.links:
            self.link_chars += _visible(text)

    def _pre_text(self, text: str) -> None:
        """Text inside a preformatted element: each line break ends a line box."""
        zone = self.stack[-1].zone
        *ended, last = text.split("\n")
        for line in ended:
            self._add(line, zone)
            self.pre_line = True
            self._flush(force=True, zone=zone)
        if last:
            self._add(last, zone)
            self.pre_line = True

    def _flush(self, *, force: bool, zone: str) -> None:
        """End the current line box. ``force`` (a <br>) emits it even when blank."""
        if self.piece_zone is None and not force:  # nothing but HTML whitespace: no line box
            self.pieces.clear()
            self.pre_line = False
            return
        if self.piece_zone is None:
            text = ""
        elif self.pre_line:
            text = "".join(self.pieces).rstrip(_HTML_WHITESPACE)
        else:
            text = _collapse("".join(self.pieces))
        if text or force:
            visible = _visible(text)
            ratio = min(1.0, self.link_chars / visible) if visible else 0.0
            block_zone = self.piece_zone if self.piece_zone is not None else zone
            self.blocks.append(Block(text, ratio, block_zone))
        self.pieces.clear()
        self.piece_zone = None
        self.link_chars = 0
        self.pre_line = False

    # -- chrome zones -----------------------------------------------------------------

    def _zone(self, name: str, attrib: Mapping[str, str], parent: _Frame) -> str:
        """The chrome zone element ``name`` itself names, '' when none."""
        zone = _ZONE_TAGS.get(name, "")
        if zone in ("header", "footer") and parent.sectioned:
            zone = ""
        if zone or not ("class" in attrib or "id" in attrib):
            return zone
        names = f'{" ".join((attrib.get("class") or "").split())} {attrib.get("id") or ""}'
        key = (names, parent.sectioned)
        memo = self.zone_memo.get(key)
        if memo is None:
            memo = self.zone_memo[key] = _zone_of_names(names, parent.sectioned)
        return memo

    # -- metadata ---------------------------------------------------------------------

    def _read_meta(self, attrib: Mapping[str, str]) -> None:
        key = attrib.get("name") or attrib.get("property") or ""
        content = attrib.get("content")
        if content is None:
            return
        key = key.strip().lower()
        value = " ".join(content.split())
        if key and value and key not in self.metas:
            self.metas[key] = value

    def _meta(self) -> PageMeta:
        values = {
            field: next((self.metas[k] for k in keys if k in self.metas), None)
            for field, keys in _META_FIELDS.items()
        }
        published = None
        for key in _META_DATES:
            if key in self.metas:
                published = parse_timestamp(self.metas[key])
                if published:
                    break
        canonical = self.canonical or next((self.metas[k] for k in _META_URLS if k in self.metas), None)
        return PageMeta(html_title=self.title, published_at=published, canonical_url=canonical, **values)


def _zone_of_names(names: str, sectioned: bool) -> str:
    """The chrome zone an element's id/class names, '' when none (see ``_ZONE_TOKEN``)."""
    tokens = [t.lower() for t in _TOKEN_SPLIT.split(_TOP_BAR.sub("topbar", names)) if t]
    for zone, pattern in _ZONE_TOKEN:
        if any(pattern.fullmatch(t) for t in tokens):
            if zone in ("header", "footer") and (sectioned or _CONTENT_TOKENS.intersection(tokens)):
                return ""
            return zone
    return ""
