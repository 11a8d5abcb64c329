"""The heading outline: GB/T 9704 levels read from the markers that open paragraphs.

Levels (GB/T 9704-2012 §7.3.3): 1 ``一、``, 2 ``(一)``, 3 ``1.`` / ``1、`` / ``1．``,
4 ``(1)`` / ``⑴``, in ASCII or full-width forms (``一.`` and ``一,`` are read as level 1
too). A marker makes a heading only when it continues its sequence:

- the first heading at a level under a parent is numbered 1, or continues the last
  number used at that level anywhere before (reports number problems 1…32 across
  categories); each later sibling is the previous one plus one;
- a shallower marker under a parent that already holds deeper children is text (the
  parent skipped that level);
- ``1.2亿元`` is text (a digit after the dot), except a year (``1.2013年以来…`` is item 1).

Anything else (``2.`` where no ``1.`` came before, a wrapped line that happens to start
with a number) stays text; ``Outline.stray`` lists those paragraphs. Levels may be
skipped (``1.`` directly under ``一、``). A heading that shares its line with its text
(``(一)提高政治站位,落实整改责任。7月29日…``) is split at the first ``。`` outside
quotes: the title before it, the text after it.

Lead-ins (``一是``/``二是``, ``第一,``, ``①``) never make headings: the record's outline
holds the four GB/T 9704 levels, and lead-ins number list items *inside* text. ``lead_ins``
finds them where they open a sentence; the structure parser splits measures on them and
a layout may let one open a paragraph item (``Layout.problem_items``).
"""

from __future__ import annotations

import functools
import re
from typing import Iterator, Optional, Sequence

from attrs import define, field, frozen

from .numerals import cn_to_int
from .record import Heading
from .text import SPACES, fold

_CN = "一二三四五六七八九十"
_S = f"[{SPACES}]*"
_CIRCLED_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# A marker after the paragraph's leading spaces (group ``lead``): one match rejects the
# paragraphs that open with none, most of a body. Each level's group is the last to
# close in its alternative, so ``lastgroup`` names the level.
_MARKER = re.compile(
    rf"(?P<lead>{_S})"
    rf"(?:(?P<l1>[{_CN}]{{1,3}}){_S}[、.,．](?![{_CN}][、,])"
    rf"|\({_S}(?P<l2>[{_CN}]{{1,3}}){_S}\)"
    rf"|(?P<l3>\d{{1,3}}){_S}(?:、|[.．](?:(?!\d)|(?=(?:19|20)\d\d{_S}年)))"
    rf"|\({_S}(?P<l4>\d{{1,3}}){_S}\)"
    rf"|(?P<l4c>[{_CIRCLED_PAREN}]))"
)
_SPACE_RUN = re.compile(_S)
_TITLE_TRAIL = "。.．:：;；,，、" + SPACES
_OPENERS = frozenset('“‘"')
_CLOSERS = {"”": "“", "’": "‘"}
_QUOTE_CHAR = re.compile('[“‘"”’]')
# A “…” pair with no other quote inside: the common case, read without the general scan.
_PAIR = '“[^“‘"”’]*”'
_PLAIN_PAIR = re.compile(_PAIR)
# Text to its first full stop with no quote before it, or with such a pair and no other
# quote: the first full stop outside quotes of most headings (关于“…”的问题。…).
_PLAIN_STOP = re.compile(f'[^“‘"”’。]*(?:{_PAIR}[^“‘"”’。]*)?。')

_LEAD_IN = (
    rf"[{SPACES}]*"
    rf"(?:(?P<shi>[{_CN}]{{1,3}})是|第(?P<di>[{_CN}]{{1,3}})(?:[,、]|是)|(?P<circled>[{_CIRCLED}]))"
)
# A lead-in opens the text, or follows a stop. The second pattern opens with the stop so
# that the regex engine skips ahead from stop to stop instead of trying every offset;
# no stop stands inside a lead-in, so the two never overlap.
_LEAD_IN_FIRST = re.compile(_LEAD_IN)
_LEAD_IN_AFTER_STOP = re.compile(r"[\n。;:!?]" + _LEAD_IN)


@frozen
class Marker:
    """A heading marker opening a paragraph: ``paragraph[start:end]`` printed it (with the
    spaces after it)."""

    level: int
    number: int
    start: int
    end: int


def read_marker(paragraph: str) -> Optional[Marker]:
    """The GB/T 9704 heading marker the paragraph opens with, if any (sequence not checked)."""
    found = _read_marker(fold(paragraph))
    return Marker(*found) if found else None


def _read_marker(folded: str) -> Optional[tuple[int, int, int, int]]:
    """``read_marker`` of a folded paragraph as ``(level, number, start, end)``: ``build``
    asks of every paragraph."""
    m = _MARKER.match(folded)
    if m is None:
        return None
    group = m.lastgroup or ""  # the one level group of the alternative that matched
    if group == "l4c":
        level, number = 4, _CIRCLED_PAREN.index(m.group(group)) + 1
    else:
        level, digits = int(group[1]), m.group(group)
        number = int(digits) if level in (3, 4) else cn_to_int(digits)
    if not number:
        return None
    return level, number, m.end("lead"), _SPACE_RUN.match(folded, m.end()).end()


@functools.lru_cache(maxsize=1024)
def marker_text(level: int, number: int) -> str:
    """The normalized printed marker: ``一、``, ``(一)``, ``1.``, ``(1)``. (Cached: every
    heading asks, and a few levels and numbers make every marker.)"""
    return {1: "{}、", 2: "({})", 3: "{}.", 4: "({})"}[level].format(_numeral(level, number))


@functools.lru_cache(maxsize=1024)
def marker_id(level: int, number: int) -> str:
    """The marker as a problem id segment: ``一``, ``(一)``, ``1``, ``(1)`` (cached too)."""
    return {1: "{}", 2: "({})", 3: "{}", 4: "({})"}[level].format(_numeral(level, number))


def _numeral(level: int, number: int) -> str:
    """``number`` as levels 1-2 print it (Chinese, up to 99) or levels 3-4 (digits)."""
    if level in (3, 4):
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + (_CN[ones - 1] if ones else "")


def quote_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans ``(open, close)`` of the outermost quote pairs in ``text``, in order: “…” and
    ‘…’ with any nesting, ``"…"`` in ASCII. A closing quote without its opener is
    ignored; an opener never closed gives no span. The text is read only as far as the
    spans are (the first span of a long paragraph is found at once)."""
    return (span for span in _outer_quotes(text) if span[1] != -1)


def first_quote_span(text: str) -> Optional[tuple[int, int]]:
    """The first of ``quote_spans(text)``, or None (a plain “…” pair opening the text, as
    the feedback a title quotes, is read at once)."""
    plain = _PLAIN_PAIR.match(text)
    if plain:
        return 0, plain.end() - 1
    return next(quote_spans(text), None)


def _outer_quotes(text: str) -> Iterator[tuple[int, int]]:
    """The outermost quote spans of ``text``, each as soon as it closes; last, when an
    opener is never closed, ``(open, -1)`` for the outermost such opener. Only the quote
    characters are visited (a regex finds them), and only as far as the caller reads:
    ``sentence_end`` stops at the first full stop outside quotes."""
    stack: list[tuple[str, int]] = []
    open_count = dict.fromkeys(_OPENERS, 0)
    for found in _QUOTE_CHAR.finditer(text):
        i, c = found.start(), found.group()
        if c == '"' and stack and stack[-1][0] == '"':
            at = stack.pop()[1]
            open_count[c] -= 1
        elif c in _OPENERS:
            stack.append((c, i))
            open_count[c] += 1
            continue
        elif c in _CLOSERS and open_count[_CLOSERS[c]]:
            # pop through the nearest matching opener (every popped opener was scanned
            # once, so this stays linear)
            while True:
                opener, at = stack.pop()
                open_count[opener] -= 1
                if opener == _CLOSERS[c]:
                    break
        else:
            continue
        if not stack:
            yield at, i
    if stack:
        yield stack[0][1], -1


def sentence_end(text: str) -> int:
    """Offset of the first ``。`` outside quotes, or -1. When the quotes do not balance
    (a quote opened and never closed), the first ``。`` at all. (A ``。`` after a quote
    that never closes stands outside every quote pair.)"""
    i = text.find("。")
    if i == -1:
        return -1
    plain = _PLAIN_STOP.match(text)
    if plain:
        return plain.end() - 1
    for start, close in _outer_quotes(text):
        if close == -1:  # unbalanced: the stop found so far, else the first
            return i if i != -1 else text.find("。")
        if i == -1:
            continue  # read on: the quotes' balance decides
        if close < i:
            if not _QUOTE_CHAR.search(text, close + 1, i):
                return i  # no quote opens before the stop
            continue
        if i < start:
            return i
        i = text.find("。", close)
    return i


def split_title(text: str) -> tuple[str, str]:
    """Split a heading's text (after its marker) into title and the text that follows
    the first ``。`` outside quotes; trailing ``。.:;`` and spaces leave the title."""
    end = sentence_end(text)
    head, rest = (text, "") if end == -1 else (text[:end], text[end + 1 :])
    return head.rstrip(_TITLE_TRAIL).lstrip(SPACES), rest.strip(SPACES)


@frozen
class Section:
    """A heading with the paragraphs it holds; the root (level 0) holds the whole body.

    ``index`` is the heading's paragraph (-1 for the root) and ``offset`` where its
    title begins there (after the marker); ``text`` the part of that paragraph after the
    title; ``body`` the indices of the paragraphs that follow the heading up to the next
    heading; ``children`` the headings under it."""

    level: int
    number: int
    index: int
    offset: int
    title: str
    text: str
    body: tuple[int, ...]
    children: tuple[Section, ...]

    @property
    def marker(self) -> str:
        """The normalized printed marker (``一、``); empty for the root."""
        return marker_text(self.level, self.number) if self.level else ""

    @property
    def id_part(self) -> str:
        """This heading's segment of a problem id (``一``, ``(一)``, ``1``, ``(1)``)."""
        return marker_id(self.level, self.number) if self.level else ""

    def heading(self) -> Heading:
        """The record's ``Heading`` for this section and its subtree."""
        return Heading(level=self.level, marker=self.marker, number=self.number, title=self.title,
                       children=tuple(c.heading() for c in self.children))


@frozen
class Outline:
    """The heading tree of a body, and the paragraphs that opened with a heading marker
    out of sequence (read as text)."""

    root: Section
    stray: tuple[int, ...]

    @property
    def headings(self) -> tuple[Heading, ...]:
        """The record's outline: the top-level headings with their subtrees."""
        return tuple(c.heading() for c in self.root.children)


@define
class _Open:
    """A section under construction."""

    level: int
    number: int
    index: int
    offset: int = 0
    title: str = ""
    text: str = ""
    body: list[int] = field(factory=list)
    children: list["_Open"] = field(factory=list)
    last: dict[int, int] = field(factory=dict)
    deepest: int = 0  # the deepest level among children (kept, not rescanned: linear time)

    def freeze(self) -> Section:
        return Section(self.level, self.number, self.index, self.offset, self.title, self.text,
                       tuple(self.body), tuple(c.freeze() for c in self.children))


def build(paragraphs: Sequence[str]) -> Outline:
    """Read the outline of ``paragraphs`` (see the module docstring for the rules)."""
    root = _Open(0, 0, -1)
    stack = [root]
    last_at_level: dict[int, int] = {}
    stray: list[int] = []
    for i, paragraph in enumerate(paragraphs):
        marker = _read_marker(fold(paragraph))
        if marker is not None:
            level, number, _, end = marker
            depth = len(stack) - 1
            while stack[depth].level >= level:
                depth -= 1
            parent = stack[depth]
            previous = parent.last.get(level)
            deeper = parent.deepest > level
            if previous is None:
                fits = number in (1, last_at_level.get(level, 0) + 1)
            else:
                fits = number == previous + 1
            if fits and not deeper:
                title, text = split_title(paragraph[end:])
                node = _Open(level, number, i, end, title, text)
                parent.children.append(node)
                parent.deepest = max(parent.deepest, level)
                parent.last[level] = number
                last_at_level[level] = number
                del stack[depth + 1 :]
                stack.append(node)
                continue
            stray.append(i)
        stack[-1].body.append(i)
    return Outline(root.freeze(), tuple(stray))


def outline(paragraphs: Sequence[str]) -> tuple[Heading, ...]:
    """The heading tree of ``paragraphs`` as the record's ``Heading`` objects."""
    return build(paragraphs).headings


@frozen
class LeadIn:
    """A list lead-in opening a sentence: ``text[start:end]`` printed it (``二是``,
    ``第二,``, ``②``); ``kind`` is ``shi``, ``di`` or ``circled``."""

    start: int
    end: int
    kind: str
    number: int


def _lead_in_matches(folded: str) -> Iterator[re.Match[str]]:
    """The lead-in matches in ``folded``, in order: at its start, then after each stop
    (a match after a stop includes the stop)."""
    first = _LEAD_IN_FIRST.match(folded)
    if first:
        yield first
    yield from _LEAD_IN_AFTER_STOP.finditer(folded)


def lead_ins(text: str, *, folded: Optional[str] = None) -> list[LeadIn]:
    """Every lead-in that opens ``text``, a line or a sentence (after ``。;:!?``), in order.
    ``folded`` is ``fold(text)`` when the caller has it.

    A lead-in after a comma (``针对农村饮水问题,一是…``) is part of its sentence, not a list item."""
    found = []
    for m in _lead_in_matches(fold(text) if folded is None else folded):
        kind = m.lastgroup or ""
        value = m.group(kind)
        number = _CIRCLED.index(value) + 1 if kind == "circled" else cn_to_int(value)
        if number:
            found.append(LeadIn(m.start(kind) - (1 if kind == "di" else 0), m.end(), kind, number))
    return found
