"""The report's structure: outline, problems, measures, statuses and deadlines.

``parse(paragraphs, layout)`` reads the heading outline (``zhenggai.outline``), then the
units that can be problems — headings, and the paragraph items a layout declares — and
keeps as problems the *finest* units that carry their own feedback or status:

- a heading is a candidate when its title matches ``layout.problem_headings`` (or
  ``layout.weak_problem_headings``, unless a heading around it matches
  ``problem_headings``: then it is a measure of that problem), when its parent's title
  matches ``layout.problem_parents``, or when it and every sibling carry their own
  status or measure-label line; a paragraph item always is;
- a heading that carries such a line under no candidate is one too, so that a layout the
  declaration does not name still gives its problems;
- a candidate with candidates inside it only groups them; the outermost sections named
  by ``layout.no_problem_sections`` hold none.

For each problem: ``id`` (markers of the enclosing headings, ``#k`` for the k-th
paragraph item under its heading), ``path`` (their titles), ``title``, ``feedback``
(inside the first ``关于“…”``), ``measures`` (split on 一是/二是…, one per child heading,
or the whole text), ``status``/``status_text`` (its status line), ``deadline`` and
``text``. The deadline comes from a deadline line, else the status text, else a deadline
line that stands outside every problem (002's ``需要进一步整改的事项`` with ``完成时限:``)
when its item clearly matches the problem, else — for a problem without a status line —
a target its measures announce (``12月底完成``). See ``docs/layouts.md``.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
import re
from collections import Counter
from itertools import chain
from typing import Collection, Iterator, Optional, Sequence, Union

from attrs import define, field

from .dates import find_dates
from .errors import InputError
from .layout import GENRE, Layout
from .model import Document, Parts
from .outline import Section, build, first_quote_span, lead_ins, sentence_end, split_title
from .record import Problem
from .statuses import classify, deadline, planned_deadline
from .text import SPACES, fold

_FEEDBACK = re.compile(r"关于[“\"]")
_YEAR = re.compile(r"(\d{4})")
_STATUS_TRAIL = "。.;；,， " + SPACES
_MARKER_TRAIL = ":：.．、,， " + SPACES
_BIGRAM = re.compile(r"(?=([\u3400-\u9fff]{2}))")
# A measure-labelled text this short that reads as a status (整改情况:已完成) is a status.
_MEASURE_STATUS_MAX = 30
# The signature date stands among the last paragraphs of the body.
_SIGNATURE_TAIL = 6
_EXCERPT = 40
# An outstanding item's deadline goes to the most similar problem only when the match is
# clear: a cosine of at least _MATCH_MIN, and _MATCH_LEAD times the runner-up's.
_MATCH_MIN = 0.1
_MATCH_LEAD = 1.5


@define
class _Piece:
    """One paragraph of a unit (or the text after a heading's title) as the parser reads
    it: ``text``, ``measure`` (after a measure label), ``status`` or ``deadline`` (the
    text after their label). ``line`` is the printed paragraph, None for text printed on
    the unit's own line."""

    kind: str
    value: str
    line: Optional[str]


@define(eq=False)
class _Unit:
    """A heading or a paragraph item, with its own pieces and the units inside it.

    ``head`` is its printed line without the marker, ``line`` the whole printed line."""

    kind: str
    id_part: str
    title: str
    head: str
    line: str
    parent: Optional["_Unit"]
    pieces: list[_Piece] = field(factory=list)
    units: list["_Unit"] = field(factory=list)
    strong: bool = False
    excluded: bool = False

    @property
    def cue(self) -> bool:
        """True when the unit carries its own status or measure-label line."""
        return any(p.kind in ("status", "measure") for p in self.pieces)

    def walk(self, prune: Collection[int] = ()) -> list["_Unit"]:
        """This unit and every unit inside it, in document order; without the units
        whose ``id`` is in ``prune`` and the units inside them."""
        out, stack = [], [self]
        while stack:
            unit = stack.pop()
            if prune and id(unit) in prune:
                continue
            out.append(unit)
            stack.extend(reversed(unit.units))
        return out

    def ancestors(self) -> Iterator["_Unit"]:
        """The enclosing units, innermost first (the root last)."""
        u = self.parent
        while u is not None:
            yield u
            u = u.parent

    def lines(self) -> list[str]:
        """The printed paragraphs of this unit's subtree after its own line."""
        out = [p.line for p in self.pieces if p.line is not None]
        for u in self.units:
            out.append(u.line)
            out.extend(u.lines())
        return out


def _excerpt(text: str) -> str:
    """The start of ``text`` for a warning."""
    text = text.strip(SPACES)
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"


# --- reading the body into units ---


@define
class _Read:
    """How the layout reads one paragraph of a unit (or a heading's trailing text):
    ``folded`` is ``fold(text)`` and ``trimmed`` that without its leading spaces (what
    layout patterns are matched on); ``start`` is the match when it opens a paragraph
    item; otherwise ``label`` is its ``(kind, end)`` label, or ``inline`` a status label
    after a ``。`` in it. Each is computed once, whichever step asks."""

    text: str
    line: Optional[str]
    folded: str
    trimmed: str
    start: Optional[re.Match[str]]
    label: Optional[tuple[str, int]]
    inline: Optional[re.Match[str]]

    @property
    def lead(self) -> int:
        """The number of leading spaces: where ``trimmed`` starts in ``text``."""
        return len(self.folded) - len(self.trimmed)

    @property
    def labelled(self) -> bool:
        """True when the paragraph carries a label (at its start or after a ``。``)."""
        return bool(self.label or self.inline)


def _read(text: str, line: Optional[str], layout: Layout, items: bool = True) -> _Read:
    """Read one paragraph; ``items`` False when it cannot open an item (text after an
    item's title)."""
    folded = fold(text)
    trimmed = folded.lstrip(SPACES)
    start = layout.item_start(trimmed) if items else None
    label = inline = None
    if start is None:
        label = layout.label(trimmed)
        if not label:
            inline = layout.inline_status(folded)
    return _Read(text, line, folded, trimmed, start, label, inline)


def _pieces(read: _Read) -> list[_Piece]:
    """A paragraph (or a heading's trailing text) as pieces."""
    text, line = read.text, read.line
    if read.label:
        kind, end = read.label
        value = text[read.lead + end :].strip(SPACES)
        if kind == "measure" and len(value) <= _MEASURE_STATUS_MAX and classify(value):
            kind = "status"
        return [_Piece(kind, value, line)]
    m = read.inline
    if m and classify(text[m.end() :]):
        before, status = text[: m.start()].strip(SPACES), text[m.end() :].strip(SPACES)
        return [_Piece("text", before, line), _Piece("status", status, None)]
    return [_Piece("text", text.strip(SPACES), line)]


def _section_unit(section: Section, paragraphs: Sequence[str], layout: Layout,
                  parent: Optional[_Unit]) -> _Unit:
    """The unit of a heading (or the root), with its paragraph items and child headings.

    Paragraphs from the first closer after the last item start or label line on stand
    outside every unit (下一步…, the signature)."""
    if section.level:
        printed = paragraphs[section.index]
        line, head = printed.strip(SPACES), printed[section.offset :].strip(SPACES)
    else:
        line = head = ""
    unit = _Unit("section", section.id_part, section.title, head, line, parent)
    reads = [_read(section.text, None, layout)] if section.text else []
    reads += [_read(paragraphs[i], paragraphs[i].strip(SPACES), layout) for i in section.body]
    closed = len(reads)
    for k in range(len(reads) - 1, -1, -1):
        read = reads[k]
        if read.start or read.labelled:
            break
        if layout.closes(read.trimmed):
            closed = k
    item: Optional[_Unit] = None
    for read in reads[:closed]:
        if read.start:
            # only items are in unit.units yet (child headings come after): k = count + 1
            item = _item_unit(read, len(unit.units) + 1, unit, layout)
            unit.units.append(item)
        else:
            (item or unit).pieces.extend(_pieces(read))
    for child in section.children:
        unit.units.append(_section_unit(child, paragraphs, layout, unit))
    return unit


def _item_unit(read: _Read, k: int, parent: _Unit, layout: Layout) -> _Unit:
    """The k-th paragraph item of ``parent``, opened by ``read`` (``read.start``: the
    layout's match on it, left-trimmed). A ``marker`` group is left out of the title."""
    m = read.start
    start = read.lead
    if "marker" in m.re.groupindex and m.group("marker"):
        start += m.end("marker")
    head = read.text[start:].lstrip(_MARKER_TRAIL).rstrip(SPACES)
    title, rest = split_title(head)
    unit = _Unit("item", f"#{k}", title, head, read.line if read.line is not None else head, parent)
    if rest:
        unit.pieces.extend(_pieces(_read(rest, None, layout, items=False)))
    return unit


# --- which units are problems ---


def _problem_units(root: _Unit, layout: Layout) -> list[_Unit]:
    """Mark candidates and return the problems (the finest candidates), in document order.

    One walk down the tree: the units inside a unit are marked ``strong`` before they
    are visited, and each title is matched where its unit is visited."""
    problems: list[_Unit] = []

    def visit(unit: _Unit, inside: bool, strong_above: bool, excluded: bool) -> bool:
        """Collect the problems under ``unit``; True when its subtree holds a candidate.
        ``inside``: a heading around it names a problem (weak matches are measures
        there); ``excluded``: it stands in a section that holds no problems."""
        unit.excluded = excluded
        if unit.units:
            title = fold(unit.title)
            nested = unit.parent is not None
            inside = inside or (nested and layout.names_problem(title))
            holds = nested and layout.is_problem_parent(title)
            sections = [u for u in unit.units if u.kind == "section"]
            all_cued = bool(sections) and all(s.cue for s in sections)
            for u in unit.units:
                u.strong = (u.kind == "item" or holds or all_cued
                            or layout.is_problem_heading(fold(u.title), inside_problem=inside))
        candidate = unit.parent is not None and (unit.strong or (unit.cue and not strong_above))
        at = len(problems)
        inner = False
        for u in unit.units:
            # the outermost sections a layout names hold none, unless problems themselves
            shut = excluded or (unit.parent is None and u.kind == "section" and not u.strong
                                and layout.holds_no_problems(fold(u.title)))
            inner = visit(u, inside, strong_above or unit.strong, shut) or inner
        if candidate and not inner and not excluded:
            problems.insert(at, unit)
        return candidate or inner

    visit(root, False, False, False)
    return problems


# --- a problem's fields ---


def _feedback(title: str) -> Optional[str]:
    """The text inside the first 关于“…” quote pair of a title (outer quotes only)."""
    m = _FEEDBACK.search(fold(title))
    if m is None:
        return None
    tail = title[m.end() - 1 :]
    first = first_quote_span(tail)
    if first is None or first[0] != 0:
        return None
    return tail[1 : first[1]].strip(SPACES) or None


def _split_measures(paragraphs: list[str]) -> list[str]:
    """Measures from a unit's own paragraphs. One paragraph: split where a 一是/第一/①
    sequence opens its sentences (the text before the first is a measure of its own).
    Several paragraphs: split where the sequence opens paragraphs; lead-ins inside one
    paragraph then number its sub-points. Without a sequence the whole text is one."""
    paragraphs = [p for p in paragraphs if p]
    text = "\n".join(paragraphs)
    if not text:
        return []
    cuts: list[tuple[int, int]] = []
    kind, expected = None, 1
    # fold is char for char: the text folded is its paragraphs folded (cached), joined
    for lead in lead_ins(text, folded="\n".join(map(fold, paragraphs))):
        if len(paragraphs) > 1 and lead.start and text[: lead.start].rstrip(SPACES)[-1:] != "\n":
            continue
        if kind is None and lead.number == 1:
            kind = lead.kind
        if lead.kind == kind and lead.number in (1, expected):
            cuts.append((lead.start, lead.end))
            expected = lead.number + 1
    if not cuts:
        return [text.strip(SPACES + "\n")]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(text)]
    return [m for m in (text[s:e].strip(SPACES + "\n") for s, e in zip(starts, ends)) if m]


def _flat(unit: _Unit) -> str:
    """A unit as one string: its line without marker, then its paragraphs and its
    subtree's (labels stripped, status and deadline lines left out)."""
    parts = [unit.head]
    parts += [p.value for p in unit.pieces if p.kind in ("text", "measure") and p.line is not None]
    parts += [_flat(u) for u in unit.units]
    return "\n".join(p for p in parts if p)


def _status_text(value: str) -> Optional[str]:
    """A status line's text up to its first full stop, as printed."""
    end = sentence_end(value)
    return (value if end == -1 else value[:end]).strip(_STATUS_TRAIL) or None


@define
class _Found:
    """A problem as found, before its deadline is settled."""

    unit: _Unit
    id: str
    path: tuple[str, ...]
    measures: tuple[str, ...]
    status_text: Optional[str]
    status: Optional[str]
    deadline_line: Optional[str]
    text: str


def _describe(unit: _Unit, warnings: list[str]) -> _Found:
    """Everything about a problem unit except a deadline from outside it."""
    chain = [a for a in reversed(list(unit.ancestors())) if a.parent is not None]
    ident = "/".join([a.id_part for a in chain] + [unit.id_part])
    span = [p for u in unit.walk() for p in u.pieces]
    statuses = [p for p in span if p.kind == "status"]
    if len(statuses) > 1:
        warnings.append(f"problem {ident}: {len(statuses)} status lines; the first is used")
    status_text = _status_text(statuses[0].value) if statuses else None
    status = classify(status_text) if status_text else None
    if status_text and status is None:
        warnings.append(f"problem {ident}: status not recognized: {_excerpt(status_text)}")
    own = [p.value for p in unit.pieces if p.kind in ("text", "measure")]
    measures = _split_measures(own) + [_flat(u) for u in unit.units]
    stated = next((p.value for p in span if p.kind == "deadline"), None)
    text = "\n".join([unit.head] + unit.lines())
    return _Found(unit, ident, tuple(a.title for a in chain), tuple(measures), status_text, status, stated,
                  text)


# --- deadlines stated outside the problems ---


def _outstanding(outside: list[_Unit]) -> list[tuple[_Unit, str]]:
    """Deadline lines outside every problem (in the units ``outside`` them), each with
    the unit it dates: the largest unit around it, below the root, that holds no other
    deadline line."""
    out = []
    for unit in outside:
        for piece in unit.pieces:
            if piece.kind != "deadline":
                continue
            owner = unit
            while owner.parent is not None and owner.parent.parent is not None and sum(
                    p.kind == "deadline" for u in owner.parent.walk() for p in u.pieces) == 1:
                owner = owner.parent
            out.append((owner, piece.value))
    return out


def _bigrams(text: str) -> Counter[str]:
    """Character bigrams of the CJK runs in ``text``, in order of first occurrence.
    (``fold`` leaves CJK characters alone and makes none, so the text is not folded.)"""
    return Counter(_BIGRAM.findall(text))


class _TfWeights(dict[int, float]):
    """The weight 1 + log c of a bigram printed c times in a text, by c, each computed on
    first use (a dict lookup per bigram, in C, beats a call per bigram)."""

    def __missing__(self, count: int) -> float:
        weight = self[count] = 1 + math.log(count)
        return weight


_TF = _TfWeights()


class _Matcher:
    """Finds the problem most similar to an outstanding item (cosine of tf-idf vectors of
    character bigrams, idf over the problems). The problems' bigram counts and norms are
    computed once; a problem's weights are computed again only for the bigrams it shares
    with an item. (The loops over bigrams run in C, through ``map``: a body has thousands.)"""

    def __init__(self, found: list[_Found]):
        self.found = found
        self.counts = [_bigrams(f.text) for f in found]
        df = Counter(chain.from_iterable(self.counts))
        by_df = [math.log((len(found) + 1) / (n + 0.5)) for n in range(len(found) + 1)]
        self.idf = dict(zip(df, map(by_df.__getitem__, df.values())))
        self.norms = [_norm(self._weights(counts)) for counts in self.counts]

    def _weights(self, counts: Counter[str], bigrams: Optional[Collection[str]] = None) -> list[float]:
        """The tf-idf weights of ``bigrams`` (by default all the text's), in their order, in
        a text with these counts."""
        if bigrams is None:
            bigrams, tf = counts, map(_TF.__getitem__, counts.values())
        else:
            tf = map(_TF.__getitem__, map(counts.__getitem__, bigrams))
        return list(map(operator.mul, tf, map(self.idf.__getitem__, bigrams)))

    def match(self, item_text: str) -> Optional[_Found]:
        """The problem, or None unless one stands clearly first."""
        counts = _bigrams(item_text)
        known = list(filter(self.idf.__contains__, counts))
        weights = self._weights(counts, known)
        query = dict(zip(known, weights))
        order = dict(zip(known, range(len(known))))
        qnorm = _norm(weights)
        scores = []
        for i, (problem, norm) in enumerate(zip(self.counts, self.norms)):
            # summed in the query's order, whatever the problem; the shared bigrams are
            # found from the smaller side
            if len(known) <= len(problem):
                shared = list(filter(problem.__contains__, known))
            else:
                shared = sorted(query.keys() & problem.keys(), key=order.__getitem__)
            dot = sum(map(operator.mul, map(query.__getitem__, shared), self._weights(problem, shared)))
            scores.append((dot / (qnorm * norm) if qnorm * norm else 0.0, i))
        scores.sort(reverse=True)
        if not scores or scores[0][0] < _MATCH_MIN:
            return None
        if len(scores) > 1 and scores[0][0] < _MATCH_LEAD * scores[1][0]:
            return None
        return self.found[scores[0][1]]


def _norm(weights: list[float]) -> float:
    """The Euclidean norm of a vector with these weights."""
    return math.sqrt(sum(map(operator.mul, weights, weights)))


def _matched_deadlines(outside: list[_Unit], found: list[_Found], year: Optional[int],
                       warnings: list[str]) -> dict[int, dt.date]:
    """Deadlines of outstanding items, by the id of the problem unit each matches (the
    latest when several match one problem). An item with several deadline lines is
    matched once."""
    matched: dict[int, dt.date] = {}
    matcher: Optional[_Matcher] = None
    targets: dict[int, Optional[_Found]] = {}  # by the id of the owner
    for owner, value in _outstanding(outside):
        date = deadline(value, default_year=year)
        target = None
        if date is not None:
            if matcher is None:
                matcher = _Matcher(found)
            if id(owner) not in targets:
                targets[id(owner)] = matcher.match(_flat(owner))
            target = targets[id(owner)]
        if date is None or target is None:
            what = date.isoformat() if date else _excerpt(value)
            warnings.append(f"deadline {what} of {_excerpt(owner.title)!r} matches no problem clearly; "
                            "not attached")
            continue
        matched[id(target.unit)] = max(date, matched.get(id(target.unit), date))
    return matched


def _problem(f: _Found, matched: Optional[dt.date], year: Optional[int]) -> Problem:
    """The record's problem, its deadline settled: a deadline line, else the status text,
    else an outstanding item's, else (without a status line) a target in the measures."""
    when = deadline(f.deadline_line, default_year=year) if f.deadline_line is not None else None
    if when is None and f.status_text:
        when = deadline(f.status_text, default_year=year)
    if when is None:
        when = matched
    if when is None and f.status_text is None:
        when = planned_deadline("\n".join(f.measures), default_year=year)
    return Problem(id=f.id, path=f.path, title=f.unit.title, feedback=_feedback(f.unit.title),
                   measures=f.measures, status=f.status,
                   status_text=f.status_text, deadline=when, text=f.text)


def _placement_warnings(outside: list[_Unit], stray: tuple[int, ...], paragraphs: Sequence[str],
                        layout: Layout) -> list[str]:
    """Lines that look like items but that the layout could not place (an excluded
    item stands ``outside`` every problem: no problem holds one)."""
    out = []
    for i in stray:
        title = split_title(paragraphs[i].strip(SPACES))[0]
        if layout.is_problem_heading(fold(title)):
            out.append(f"paragraph {i + 1}: heading marker out of sequence, read as text: {_excerpt(title)}")
    for unit in outside:
        if unit.kind == "item" and unit.excluded:
            out.append(f"item in a section that holds no problems: {_excerpt(unit.title)}")
        out += [f"status line outside any problem: {_excerpt(p.value)}"
                for p in unit.pieces if p.kind == "status"]
    return out


def _signed_year(paragraphs: Sequence[str]) -> Optional[int]:
    """The year of the last printed date near the end of the body (the signature date)."""
    for paragraph in reversed(paragraphs[-_SIGNATURE_TAIL:]):
        dated = [d for d in find_dates(paragraph) if d.has_year]
        if dated:
            return dated[-1].value.year
    return None


def parse(source: Union[Sequence[str], Document], layout: Layout = GENRE, *,
          default_year: Optional[int] = None) -> Parts:
    """Parse a body (paragraphs, or a ``Document``) into outline, problems and warnings.

    ``default_year`` is the year of deadlines printed without one; by default the year of
    the signature date (for a ``Document`` without one, the page's publication year).
    Raises ``InputError`` when ``source`` is not a sequence of strings."""
    if isinstance(source, Document):
        return parse_document(source, layout, default_year=default_year)
    if not isinstance(layout, Layout):
        raise InputError(f"structure.parse needs a Layout, got {type(layout).__name__}", step="structure")
    if isinstance(source, (str, bytes)) or not isinstance(source, Sequence):
        raise InputError("structure.parse needs a sequence of paragraphs (strings)", step="structure")
    if not all(isinstance(p, str) for p in source):
        raise InputError("structure.parse: every paragraph must be a string", step="structure")
    paragraphs = tuple(source)
    year = default_year if default_year is not None else _signed_year(paragraphs)
    warnings: list[str] = []
    tree = build(paragraphs)
    root = _section_unit(tree.root, paragraphs, layout, None)
    units = _problem_units(root, layout)
    outside = root.walk(prune={id(u) for u in units})
    found = [_describe(u, warnings) for u in units]
    matched = _matched_deadlines(outside, found, year, warnings)
    problems = tuple(_problem(f, matched.get(id(f.unit)), year) for f in found)
    warnings += _placement_warnings(outside, tree.stray, paragraphs, layout)
    return Parts(outline=tree.headings, problems=problems, warnings=tuple(warnings))


def parse_document(document: Document, layout: Layout = GENRE, *,
                   default_year: Optional[int] = None) -> Parts:
    """``parse`` for a ``Document``: its paragraphs; deadlines without a year take the
    signature date's year, else the year the page was published."""
    year = default_year if default_year is not None else _signed_year(document.paragraphs)
    if year is None and document.meta.published_at:
        m = _YEAR.match(document.meta.published_at)
        year = int(m.group(1)) if m else None
    return parse(document.paragraphs, layout, default_year=year)
