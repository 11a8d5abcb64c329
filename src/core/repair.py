"""Step 5, repair: lines to paragraphs.

Whitespace is normalized (NBSP, ideographic spaces, tabs and indentation stripped at the
ends, inner runs collapsed to one space, see ``text.clean_line``). Blank lines are
dropped; they are where paragraphs break, except where a page break or a hard wrap cut
a sentence in two — then the halves are joined again.

The genre decides when a line continues on the next one. A line is *complete* when it
ends with sentence-final punctuation (。！？；：… and their ASCII forms), or when it is
a heading (``一、 强化组织领导,扎实推进整改``), or a short line without sentence
punctuation (a title, an issuer's name, a date: see ``looks_like_title``).

What tells a heading from a numbered sentence cut by a wrap is how the genre writes
headings: a phrase with no full stop outside its quotes (a heading that shares its line
with text puts a 。 after it), its quotes closed, not ending inside a clause (,、), and
short in its own words — the feedback it quotes (``一、关于“…”问题的整改情况``) may be
of any length, and a 。 inside the quotes is the feedback's.

A line continues on the next one when it is not complete and the next line does not
start a new unit: a heading marker (一、 (一) 1. 1、 (1) ① 一是), a label such as
``整改进展情况:`` or ``联系电话:``, or a short title-like line standing alone (a
signature's organ name or date). A line whose quote (“ or 《) is still open continues
regardless of its shape, and a line that starts with punctuation no sentence starts with
(，。、）” …) always continues the one before.

Joining never drops a character: CJK halves are joined directly, two Latin/digit words
keep one space between them. A paragraph ending in 。 is never merged with the next.
The decision for a pair of lines depends on the finished paragraph before and on the
start (and, for a title-like line, the continuation) of the line after, so repairing
repaired paragraphs changes nothing: ``repair`` is idempotent.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from .dates import ends_like_date, parse_date
from .text import clean_line, fold

# On folded text: ！？；： fold to !?;: and 。… stay as they are.
_HARD_FINAL = frozenset("。!?;:…")
_SOFT_FINAL = frozenset("”’\"")  # a closing quote ends a sentence unless punctuation follows
_CLOSERS = frozenset(")]》」』")
# Characters no sentence starts with: a line beginning with one continues the last.
_CONTINUATION_START = frozenset(",;。、:!?)]》”’…%")
_SENTENCE_PUNCT = re.compile(r"[,;。!?]")
# Punctuation inside a clause: a heading never ends with it, a cut sentence may.
_CLAUSE_INNER = frozenset(",、")
# What the quote scan stops at: quotes (“” and ASCII ") and full stops.
_QUOTE_OR_STOP = re.compile(r"[“”\"。!?;]")

_CN_NUM = "一二三四五六七八九十百零〇"
# GB/T 9704 heading markers and the enumerations the genre uses like headings.
_HEADING = re.compile(
    rf"(?:[{_CN_NUM}]{{1,4}}\s?、"  # 一、
    rf"|\(\s?[{_CN_NUM}]{{1,4}}\s?\)"  # (一)
    r"|\(\s?\d{1,3}\s?\)"  # (1)
    r"|\d{1,3}\s?(?:、|[.．](?!\d)|\.(?=(?:19|20)\d\d))"  # 1、 1. (and 1.2013年…)
    r"|[①-⑳]"
    rf"|[{_CN_NUM}]{{1,3}}是"  # 一是
    rf"|第[{_CN_NUM}]{{1,3}}[,、:])"  # 第一,
)
# A short label opening a line: 整改进展情况: 完成时限: 联系电话: 邮政信箱: …
_LABEL_START = re.compile(
    r"[\u4e00-\u9fff]{0,8}(?:情况|时限|期限|措施|问题|结果|成效|目标|进度|单位|领导"
    r"|方式|电话|信箱|邮箱|地址|邮编|传真|时间)\s?:")

_TITLE_MAX = 64
# A heading's own words (outside its quotes) are a phrase, not a paragraph.
_HEADING_MAX = 80
_DATE_MAX = 24
_LATIN = re.compile(r"[A-Za-z0-9]")


def looks_like_title(text: str) -> bool:
    """True for a short line without sentence punctuation (，；。！？): a title or a
    piece of one, an issuer's name, a date, a heading without its sentence."""
    folded = fold(clean_line(text))
    return 0 < len(folded) <= _TITLE_MAX and _SENTENCE_PUNCT.search(folded) is None


def starts_heading(text: str) -> bool:
    """True when ``text`` opens with a heading or enumeration marker (一、 (一) 1. (1) ① 一是)."""
    return _HEADING.match(fold(clean_line(text))) is not None


def is_date_line(text: str) -> bool:
    """True when ``text`` is a date with its year and nothing else (a signature's date)."""
    cleaned = clean_line(text)
    return len(cleaned) <= _DATE_MAX and ends_like_date(cleaned) and parse_date(cleaned) is not None


class _Shape:
    """What the join decision needs to know about a paragraph's text besides its last
    characters: heading, quotes, full stops, length. Counted left to right, one line at
    a time, so a growing paragraph is never rescanned.

    Quotes are tracked as a left-to-right state (“ opens, ” closes one if any is open,
    an ASCII " toggles), so the state of a joined paragraph is the state of its text."""

    __slots__ = ("counted", "length", "heading", "has_sentence_punct", "quote_depth",
                 "ascii_open", "open_titles", "stop_outside", "own_length")

    def __init__(self, first: str) -> None:
        self.counted = 0  # folded lines counted so far
        self.length = 0
        self.heading = _HEADING.match(first) is not None
        self.has_sentence_punct = False
        self.quote_depth = self.open_titles = 0
        self.ascii_open = False
        self.stop_outside = False  # a full stop outside quotes
        self.own_length = 0  # characters outside quotes

    def count(self, folded_lines: Sequence[str]) -> None:
        """Count the lines of ``folded_lines`` not counted yet."""
        for folded in folded_lines[self.counted:]:
            self._count(folded)
        self.counted = len(folded_lines)

    def _count(self, folded: str) -> None:
        self.length += len(folded)
        self.has_sentence_punct = self.has_sentence_punct or _SENTENCE_PUNCT.search(folded) is not None
        self.open_titles += folded.count("《") - folded.count("》")
        start = 0
        for m in _QUOTE_OR_STOP.finditer(folded):
            inside = self.quote_depth > 0 or self.ascii_open
            if not inside:
                self.own_length += m.start() - start
            start = m.end()
            c = m.group()
            if c == "“":
                self.quote_depth += 1
            elif c == "”":
                self.quote_depth = max(self.quote_depth - 1, 0)
            elif c == '"':
                self.ascii_open = not self.ascii_open
            elif not inside:
                self.stop_outside = True
        if not (self.quote_depth > 0 or self.ascii_open):
            self.own_length += len(folded) - start


class _Paragraph:
    """A paragraph being built: its lines as printed and folded. Most paragraphs end
    with sentence-final punctuation, which their last two characters tell; the rest of
    their shape (``_Shape``) is counted only when a decision needs it."""

    __slots__ = ("parts", "folded", "folded_tail", "_shape")

    def __init__(self, line: str, folded: str) -> None:
        self.parts = [line]
        self.folded = [folded]
        self.folded_tail = folded[-2:]
        self._shape: Optional[_Shape] = None

    def add(self, line: str, folded: str) -> None:
        """Append a continuation line (``folded``: its folded text)."""
        if _LATIN.match(self.folded_tail[-1:]) and _LATIN.match(folded):
            self.parts.append(" ")
            self.folded.append(" ")
        self.parts.append(line)
        self.folded.append(folded)
        self.folded_tail = (self.folded_tail + folded)[-2:]

    def text(self) -> str:
        return "".join(self.parts)

    def shape(self) -> _Shape:
        """The shape of the text so far, brought up to date with the lines added since."""
        if self._shape is None:
            self._shape = _Shape(self.folded[0])
        self._shape.count(self.folded)
        return self._shape

    def ending(self) -> str:
        """'hard' after sentence-final punctuation, 'soft' after a closing quote, else 'open'."""
        last, before = self.folded_tail[-1:], self.folded_tail[:-1]
        if last in _HARD_FINAL or (last in _CLOSERS and before in _HARD_FINAL):
            return "hard"
        if last in _SOFT_FINAL:
            return "hard" if before in _HARD_FINAL else "soft"
        if last == "." and not before.isdigit():
            return "hard"
        return "open"

    def quote_open(self) -> bool:
        """True while a “ or 《 (or an ASCII ") opened in this paragraph is not closed."""
        shape = self.shape()
        return shape.quote_depth > 0 or shape.open_titles > 0 or shape.ascii_open

    def complete(self) -> bool:
        """True for a heading (see the module docstring) or a title-like line."""
        shape = self.shape()
        if (shape.heading and not shape.stop_outside and shape.own_length <= _HEADING_MAX
                and self.folded_tail[-1:] not in _CLAUSE_INNER):
            return True
        return shape.length <= _TITLE_MAX and not shape.has_sentence_punct


def _starts_unit(folded: str) -> bool:
    return _HEADING.match(folded) is not None or _LABEL_START.match(folded) is not None


def _continues(para: _Paragraph, line: str, folded: str, following: Optional[str]) -> bool:
    """Does ``line`` (``folded``: its folded text) continue the finished-so-far ``para``?
    ``following`` is the line after ``line`` (None at the end)."""
    ending = para.ending()
    if ending == "hard":
        return False
    if folded[0] in _CONTINUATION_START:
        return True
    if ending == "soft" or _starts_unit(folded):
        return False
    if para.quote_open():
        return True
    if para.complete():
        return False
    if looks_like_title(line):
        # A title-like line stands alone (an organ's name, a date) unless it is itself
        # continued; then what follows decides, as it will once joined.
        return following is not None and _continues(_Paragraph(line, folded), following, fold(following), None)
    return True


def repair(lines: Sequence[str]) -> tuple[str, ...]:
    """Normalize whitespace and re-join lines broken inside a sentence (hard wraps, page
    breaks). Returns the paragraphs, none blank."""
    cleaned = [c for c in (clean_line(line) for line in lines) if c]
    paragraphs: list[str] = []
    current: Optional[_Paragraph] = None
    for i, line in enumerate(cleaned):
        folded = fold(line)
        following = cleaned[i + 1] if i + 1 < len(cleaned) else None
        if current is not None and _continues(current, line, folded, following):
            current.add(line, folded)
            continue
        if current is not None:
            paragraphs.append(current.text())
        current = _Paragraph(line, folded)
    if current is not None:
        paragraphs.append(current.text())
    return tuple(paragraphs)
