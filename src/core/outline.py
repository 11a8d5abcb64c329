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

_MARKER = re.compile(
    rf"(?P<l1>[{_CN}]{{1,3}}){_S}[、.,．](?![{_CN}][、,])"
    rf"|\({_S}(?P<l2>[{_CN}]{{1,3}}){_S}\)"
    rf"|(?P<l3>\d{{1,3}}){_S}(?:、|[.．](?:(?!\d)|(?=(?:19|20)\d\d{_S}年)))"
    rf"|\({_S}(?P<l4>\d{{1,3}}){_S}\)"
    rf"|(?P<l4c>[{_CIRCLED_PAREN}])"
)
_SPACE_RUN = re.compile(_S)
_TITLE_TRAIL = "。.．:：;；,，、" + SPACES
_OPENERS = frozenset('“‘"')
_CLOSERS = {"”": "“", "’": "‘"}
_QUOTE_CHAR = re.compile('[“‘"”’]')

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
    folded = fold(paragraph)
    start = _SPACE_RUN.match(folded).end()
    m = _MARKER.match(folded, start)
    if m is None:
        return None
    group = m.lastgroup or ""  # the one group of the alternative that matched
    if group == "l4c":
        level, number = 4, _CIRCLED_PAREN.index(m.group(group)) + 1
    else:
        level, digits = int(group[1]), m.group(group)
        number = int(digits) if level in (3, 4) else cn_to_int(digits)
    if not number:
        return None
    return Marker(level, number, start, _SPACE_RUN.match(folded, m.end()).end())


def marker_text(level: int, number: int) -> str:
    """The normalized printed marker: ``一、``, ``(一)``, ``1.``, ``(1)``."""
    return {1: "{}、", 2: "({})", 3: "{}.", 4: "({})"}[level].format(_numeral(level, number))


def marker_id(level: int, number: int) -> str:
    """The marker as a problem id segment: ``一``, ``(一)``, ``1``, ``(1)``."""
    return {1: "{}", 2: "({})", 3: "{}", 4: "({})"}[level].format(_numeral(level, number))


def _numeral(level: int, number: int) -> str:
    """``number`` as levels 1-2 print it (Chinese, up to 99) or levels 3-4 (digits)."""
    if level in (3, 4):
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + (_CN[ones - 1] if ones else "")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans ``(open, close)`` of the outermost quote pairs in ``text``: “…” and ‘…’ with
    any nesting, ``"…"`` in ASCII. A closing quote without its opener is ignored; an
    opener never closed gives no span."""
    return list(_quotes(text)[0])


@functools.lru_cache(maxsize=4096)
def _quotes(text: str) -> tuple[tuple[tuple[int, int], ...], bool]:
    """The outermost quote spans, and whether every opener was closed. Only the quote
    characters are visited (a regex finds them), and results are cached: the parser asks
    again about the same paragraphs."""
    spans: list[tuple[int, int]] = []
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
            spans.append((at, i))
    return tuple(spans), not stack


def sentence_end(text: str) -> int:
    """Offset of the first ``。`` outside quotes, or -1. When the quotes do not balance
    (a quote opened and never closed), the first ``。`` at all."""
    spans, balanced = _quotes(text)
    k = 0
    i = text.find("。")
    while i != -1:
        while k < len(spans) and spans[k][1] < i:
            k += 1
        if k == len(spans) or i < spans[k][0]:
            return i
        i = text.find("。", spans[k][1])
    return -1 if balanced else text.find("。")


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
    children: tuple["Section", ...]

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
        m = read_marker(paragraph)
        depth = len(stack) - 1
        if m is not None:
            while stack[depth].level >= m.level:
                depth -= 1
            parent = stack[depth]
            previous = parent.last.get(m.level)
            deeper = parent.deepest > m.level
            if previous is None:
                fits = m.number in (1, last_at_level.get(m.level, 0) + 1)
            else:
                fits = m.number == previous + 1
            if fits and not deeper:
                title, text = split_title(paragraph[m.end :])
                node = _Open(m.level, m.number, i, m.end, title, text)
                parent.children.append(node)
                parent.deepest = max(parent.deepest, m.level)
                parent.last[m.level] = m.number
                last_at_level[m.level] = m.number
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


def lead_ins(text: str) -> list[LeadIn]:
    """Every lead-in that opens ``text``, a line or a sentence (after ``。;:!?``), in order.

    A lead-in after a comma (``针对农村饮水问题,一是…``) is part of its sentence, not a list item."""
    found = []
    folded = fold(text)
    for m in _lead_in_matches(folded):
        kind = m.lastgroup or ""
        value = m.group(kind)
        number = _CIRCLED.index(value) + 1 if kind == "circled" else cn_to_int(value)
        if number:
            found.append(LeadIn(m.start(kind) - (1 if kind == "di" else 0), m.end(), kind, number))
    return found
