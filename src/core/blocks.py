"""Step 3, extract blocks: HTML or plain text to lines of text plus the page's metadata.

A *block* is what a browser would show as one line box: the text of a paragraph, a
cell, a list item, or a run of text ended by ``<br>``. Blocks keep the page's characters
(NBSP, ideographic spaces, full-width punctuation); the repair step normalizes them.
Each block carries its ``link_ratio`` (share of its visible characters inside ``<a>``)
and its ``zone`` (site chrome it sits in: 'nav', 'header', 'footer', 'aside'), which the
chrome step uses as evidence.

HTML is parsed once with BeautifulSoup/lxml and walked once, iteratively (pages nest
tables and ``<font>`` tags thousands deep; nothing here recurses). libxml2 caps tree
depth at 256 when lxml builds its own tree, but bs4 drives lxml as an event parser and
builds the tree itself, so no such cap applies: the tests check that text 50,000
elements deep comes through.
"""

from __future__ import annotations

import re
import warnings
from typing import Iterator, Optional

from attrs import frozen
from bs4 import (BeautifulSoup, CData, MarkupResemblesLocatorWarning, NavigableString, Tag,
                 XMLParsedAsHTMLWarning)

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
        return _HtmlWalk(_parse(text)).result()
    raise InputError(f"unsupported media type {media_type!r}; expected {HTML!r} or {PLAIN!r}",
                     step="extract blocks")


def _parse(text: str) -> BeautifulSoup:
    """Parse with lxml, silencing bs4's advice for callers (a page that is a bare URL,
    an XHTML page with an XML declaration): the input is what it is."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        try:
            return BeautifulSoup(text, "lxml")
        except UnicodeEncodeError:  # lxml refuses unpaired surrogates
            return BeautifulSoup(_SURROGATE.sub("\ufffd", text), "lxml")


def _collapse(raw: str) -> str:
    """Collapse HTML whitespace in one line box as a browser does (see module notes)."""
    return _HTML_SPACE.sub(" ", _CJK_WRAP.sub("", raw)).strip(" ")


def _visible(text: str) -> int:
    """Characters that are not whitespace of any kind (NBSP and U+3000 included)."""
    return len("".join(text.split()))


class _Frame:
    """One open element during the walk: what to do when it closes, and the context
    (chrome zone, inside an article) its children inherit."""

    __slots__ = ("name", "children", "zone", "sectioned")

    def __init__(self, name: str, children: Iterator, zone: str, sectioned: bool):
        self.name = name
        self.children = children
        self.zone = zone
        self.sectioned = sectioned


class _HtmlWalk:
    """A single iterative pass over the parsed tree, producing blocks and metadata."""

    def __init__(self, soup: BeautifulSoup):
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
        self._walk(soup)
        self._flush(force=False, zone="")

    def result(self) -> Extracted:
        return Extracted(tuple(self.blocks), self._meta())

    # -- the walk ---------------------------------------------------------------------

    def _walk(self, soup: BeautifulSoup) -> None:
        stack = [_Frame("#document", iter(soup.contents), "", False)]
        while stack:
            frame = stack[-1]
            node = next(frame.children, None)
            if node is None:
                stack.pop()
                self._close(frame)
                continue
            kind = type(node)
            if kind is NavigableString or kind is CData:
                self._text(str(node), frame.zone)
            elif isinstance(node, Tag):
                child = self._open(node, frame)
                if child is not None:
                    stack.append(child)

    def _open(self, tag: Tag, parent: _Frame) -> Optional[_Frame]:
        """Handle an opening tag; the frame to push when its children are to be walked."""
        name = tag.name
        if name in _DROPPED:
            return None
        if name == "br":
            self._flush(force=True, zone=parent.zone)
            return None
        if name == "title":
            if self.title is None:
                self.title = _collapse(tag.get_text()) or None
            return None
        if name == "meta":
            self._read_meta(tag)
            return None
        if name == "link":
            rel = tag.get("rel") or ()
            if self.canonical is None and "canonical" in [r.lower() for r in rel]:
                self.canonical = (tag.get("href") or "").strip() or None
            return None
        if name in _BLOCK:
            self._flush(force=False, zone=parent.zone)
        if name == "a":
            self.links += 1
        elif name in _PREFORMATTED:
            self.pre += 1
        zone = self._zone(tag, parent)
        sectioned = parent.sectioned or name in _SECTIONING
        children = _pre_children(tag) if name in _PREFORMATTED else iter(tag.contents)
        return _Frame(name, children, zone or parent.zone, sectioned)

    def _close(self, frame: _Frame) -> None:
        name = frame.name
        if name == "a":
            self.links -= 1
        elif name in _PREFORMATTED:
            self.pre -= 1
        if name in _BLOCK:
            self._flush(force=False, zone=frame.zone)

    def _text(self, text: str, zone: str) -> None:
        if not text:
            return
        if self.pre:
            lines = text.split("\n")
            for line in lines[:-1]:
                self._add(line, zone, pre=True)
                self._flush(force=True, zone=zone)
            text = lines[-1]
            if not text:
                return
        self._add(text, zone, pre=self.pre > 0)

    def _add(self, text: str, zone: str, *, pre: bool) -> None:
        self.pieces.append(text)
        self.pre_line = self.pre_line or pre
        if self.piece_zone is None and text.strip(_HTML_WHITESPACE):
            self.piece_zone = zone
        if self.links:
            self.link_chars += _visible(text)

    def _flush(self, *, force: bool, zone: str) -> None:
        """End the current line box. ``force`` (a <br>) emits it even when blank."""
        if self.piece_zone is None:  # nothing but HTML whitespace
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

    def _zone(self, tag: Tag, parent: _Frame) -> str:
        """The chrome zone ``tag`` itself names, '' when none."""
        zone = _ZONE_TAGS.get(tag.name, "")
        if zone in ("header", "footer") and parent.sectioned:
            zone = ""
        attrs = tag.attrs
        if zone or not ("class" in attrs or "id" in attrs):
            return zone
        classes = attrs.get("class") or ()
        names = f'{" ".join(classes) if isinstance(classes, list) else classes} {attrs.get("id") or ""}'
        key = (names, parent.sectioned)
        memo = self.zone_memo.get(key)
        if memo is None:
            memo = self.zone_memo[key] = _zone_of_names(names, parent.sectioned)
        return memo

    # -- metadata ---------------------------------------------------------------------

    def _read_meta(self, tag: Tag) -> None:
        key = tag.get("name") or tag.get("property") or ""
        content = tag.get("content")
        if not isinstance(key, str) or not isinstance(content, str):
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


def _pre_children(tag: Tag) -> Iterator:
    """A preformatted element's children, without the line break that follows its start
    tag (HTML drops it: ``<pre>\ntext`` shows "text" on the first line)."""
    contents = tag.contents
    first = contents[0] if contents else None
    if type(first) is NavigableString and first.startswith(("\r\n", "\n")):
        stripped = NavigableString(first[2:] if first.startswith("\r") else first[1:])
        return iter([stripped, *contents[1:]])
    return iter(contents)


def _zone_of_names(names: str, sectioned: bool) -> str:
    """The chrome zone an element's id/class names, '' when none (see ``_ZONE_TOKEN``)."""
    tokens = [t.lower() for t in _TOKEN_SPLIT.split(_TOP_BAR.sub("topbar", names)) if t]
    for zone, pattern in _ZONE_TOKEN:
        if any(pattern.fullmatch(t) for t in tokens):
            if zone in ("header", "footer") and (sectioned or _CONTENT_TOKENS.intersection(tokens)):
                return ""
            return zone
    return ""
