"""The inspection a report answers, read from its opening paragraph and title.

The genre states it in one sentence near the top: "根据…统一部署,2020年4月20日至6月19日,
市委第二巡察组对新区党工委进行了常规巡察。7月28日,市委巡察组向新区党工委反馈了巡察意见".
The inspection is the one whose group (巡视组/巡察组) did the inspecting — the group
followed by 对…巡视/巡察 or 进驻 — so that other inspections the sentence mentions
("根据省委巡视和岳阳市委巡察工作的统一部署") do not count. A group's name is
committee + optional qualifier ending in a mode (园区专项, 联动) + number + kind + 组,
the number also after the kind: 市委第二巡察组, 岳阳市委园区专项巡察组, 省委巡视九组,
省委巡视第一组, 中央第四巡视组.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import Optional

from .dates import DateSpan, find_dates
from .metadata import opening
from .numerals import CN_DIGITS, cn_to_int
from .record import Inspection
from .text import fold

_N = rf"[0-9{CN_DIGITS}十百]{{1,4}}"
_MODES = "常规|专项|联动|机动|提级"
_COMMITTEE = "中央|[省市区县州旗盟]委|党工委|党委|党组|工委"
# A place name before a committee (岳阳 of 岳阳市委): word characters that do not mark
# a word boundary in this genre (委 ends a committee; 的/对/向/于… are particles).
_PLACE = r"[^\W\d_委的对向于和与及由经据署在将日月年了为是并]"
# A place name starts after punctuation, a digit, a date's 日 or a conjunction — never
# inside a word, so 落实省委第二巡视组 yields 省委, not 落实省委.
_PLACE_START = r"(?:(?<![^\W\d_])|(?<=[日和与及]))"
_GROUP = re.compile(
    rf"(?P<by>(?:{_PLACE_START}{_PLACE}{{1,8}}?)?(?:{_COMMITTEE}))"
    rf"(?:{_PLACE}{{0,8}}?(?P<qmode>{_MODES}))?"
    rf"(?:第(?P<num>{_N}))?"
    rf"(?P<kind>巡视|巡察)(?:第?(?P<num2>{_N}))?组"
)
_ROUND = re.compile(rf"(?:{_N}届)?(?:{_COMMITTEE})?第{_N}轮(?=巡视|巡察)")
_MODE_KIND = re.compile(rf"(?P<mode>{_MODES})(?P<kind>巡视|巡察)")
# Without a group: "…对我区进行了巡察" still says the kind (and perhaps the mode).
_VERB_KIND = re.compile(rf"(?:进行|开展)了?(?P<mode>{_MODES})?(?P<kind>巡视|巡察)")
_TITLE = re.compile(
    rf"关于(?:{_N}届)?(?P<by>{_PLACE}{{0,6}}?(?:{_COMMITTEE}))?(?:第{_N}轮)?(?P<mode>{_MODES})?(?P<kind>巡视|巡察)"
)
_RANGE_SEP = re.compile(r"\s*[至到~\-—–〜]\s*")
_SENTENCE_END = re.compile("[。!?]")
_TARGET = re.compile("对")
_KIND = re.compile("巡视|巡察")
_ENTRY = re.compile("进驻")


class _Sentences:
    """A folded paragraph's sentence bounds and the offsets of the words that mark the
    inspecting clause, indexed once so that every lookup is a bisection."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.targets = [m.start() for m in _TARGET.finditer(text)]
        self.kinds = [m.start() for m in _KIND.finditer(text)]
        self.entries = [m.start() for m in _ENTRY.finditer(text)]

    def around(self, pos: int) -> tuple[int, int]:
        """``[start, end)`` of the sentence holding offset ``pos`` (end at its 。)."""
        k = bisect.bisect_left(self.ends, pos)
        start = self.ends[k - 1] + 1 if k > 0 else 0
        return start, self.ends[k] if k < len(self.ends) else len(self.text)

    def inspecting(self, m: re.Match[str], limit: float) -> bool:
        """True when the group ``m`` is the subject that inspects: before ``limit`` (the
        next group's start) and within its sentence, it is followed by 对…巡视/巡察 or 进驻."""
        end = self.around(m.start())[1]
        if _first_at(self.entries, m.end()) < min(end, limit):
            return True
        target = _first_at(self.targets, m.end())
        return target < min(end, limit) and _first_at(self.kinds, target) < end


def _first_at(offsets: list[int], pos: int) -> float:
    """The first offset at or after ``pos`` (infinity when none)."""
    k = bisect.bisect_left(offsets, pos)
    return offsets[k] if k < len(offsets) else float("inf")


def _find_group(paragraphs: Sequence[str]) -> Optional[tuple[int, re.Match[str]]]:
    """(paragraph index, group match) of the inspecting group; else of the first group."""
    first: Optional[tuple[int, re.Match[str]]] = None
    for index, paragraph in enumerate(paragraphs):
        sentences = _Sentences(fold(paragraph))
        groups = list(_GROUP.finditer(sentences.text))
        for m, after in zip(groups, groups[1:] + [None]):
            if sentences.inspecting(m, after.start() if after else float("inf")):
                return index, m
        if first is None and groups:
            first = index, groups[0]
    return first


def _redate(span: DateSpan, year: int) -> Optional[dt.date]:
    """``span``'s month and day in ``year`` (None for 2月29日 in a common year)."""
    try:
        return span.value.replace(year=year)
    except ValueError:
        return None


def _not_before(span: DateSpan, base: dt.date) -> Optional[dt.date]:
    """A year-less ``span`` in the first year that puts it on or after ``base``."""
    value = _redate(span, base.year)
    if value is not None and value < base:
        value = _redate(span, base.year + 1)
    return value


def _not_after(span: DateSpan, limit: dt.date) -> Optional[dt.date]:
    """A year-less ``span`` in the last year that puts it on or before ``limit``."""
    value = _redate(span, limit.year)
    if value is not None and value > limit:
        value = _redate(span, limit.year - 1)
    return value


def _period(folded: str, spans: list[DateSpan], lo: int, hi: int) -> Optional[tuple[DateSpan, DateSpan]]:
    """The first ``date 至 date`` range starting within ``folded[lo:hi]``."""
    for a, b in zip(spans, spans[1:]):
        if lo <= a.start < hi and _RANGE_SEP.fullmatch(folded, a.end, b.start):
            return a, b
    return None


def _feedback(sentences: _Sentences, spans: list[DateSpan], after: int) -> Optional[DateSpan]:
    """The date that says when feedback was given: the last date before the first
    反馈 after offset ``after``, within 反馈's sentence."""
    at = sentences.text.find("反馈", after)
    if at < 0:
        return None
    lo = max(after, sentences.around(at)[0])
    found = [s for s in spans if lo <= s.start and s.end <= at]
    return found[-1] if found else None


def _dates(
    paragraph: str, sentences: _Sentences, sentence: tuple[int, int], signed: Optional[dt.date]
) -> tuple[Optional[dt.date], Optional[dt.date], Optional[dt.date]]:
    """(start, end, feedback) from ``paragraph``: the period is the first range in the
    inspection ``sentence``; the feedback date follows the period (or, without one, the
    sentence's start).

    A year-less date takes the year that keeps the events in order — start on or before
    the signature date, end on or after the start, feedback on or after the end — so
    ``2019年12月3日至1月4日`` ends in 2020, and feedback ``3月9日`` after an end on
    2019-01-05 is 2019-03-09 while ``3月9日`` after an end in June is next year's."""
    spans = find_dates(paragraph, default_year=signed.year if signed else None)
    period = _period(sentences.text, spans, *sentence)
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    anchor = sentence[0]
    if period is not None:
        first, last = period
        printed_before = any(s.start < first.start for s in spans)
        if first.has_year or printed_before or signed is None:
            start = first.value
        else:
            start = _not_after(first, signed)
        if start is not None:
            end = last.value if last.has_year else _not_before(last, start)
        anchor = last.end
    said = _feedback(sentences, spans, anchor)
    if said is None or said.has_year:
        return start, end, said.value if said else None
    base = end or start
    if base is not None:
        return start, end, _not_before(said, base)
    return start, end, _not_after(said, signed) if signed is not None else said.value


def _round(title: Optional[str], paragraphs: Sequence[str]) -> Optional[str]:
    """The round as printed (十五届省委第二轮), from the title, else the opening."""
    for text in (title or "", *paragraphs):
        m = _ROUND.search(fold(text))
        if m:
            return text[m.start(): m.end()]
    return None


def _sentence_mode(sentences: _Sentences, sentence: tuple[int, int], kind: str) -> Optional[str]:
    """The mode the inspection sentence gives its kind (进行了常规巡察 → 常规)."""
    for m in _MODE_KIND.finditer(sentences.text, *sentence):
        if m.group("kind") == kind:
            return m.group("mode")
    return None


def _title_kind(folded_title: str) -> Optional[str]:
    """The kind when the title names exactly one (…巡察整改情况的通报)."""
    kinds = {k for k in ("巡视", "巡察") if k in folded_title}
    return kinds.pop() if len(kinds) == 1 else None


def inspection(title: Optional[str], body: Sequence[str], *, signed: Optional[dt.date] = None) -> Inspection:
    """The inspection the report answers: who inspected (kind, by, group), how (mode),
    which round, when (start, end) and when feedback was given.

    Read from the opening paragraphs; the title fills kind, committee and mode when the
    opening does not state them. ``signed`` (the 成文日期) gives a year to dates printed
    without one when nothing before them does. Fields not stated stay None."""
    title = title or ""
    paragraphs = opening(body)
    kind: Optional[str] = None
    by: Optional[str] = None
    mode: Optional[str] = None
    group: Optional[str] = None
    number: Optional[int] = None
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    feedback: Optional[dt.date] = None
    found = _find_group(paragraphs)
    if found is not None:
        index, m = found
        paragraph = paragraphs[index]
        sentences = _Sentences(fold(paragraph))
        sentence = sentences.around(m.start())
        kind, by, group = m.group("kind"), paragraph[m.start("by"): m.end("by")], paragraph[m.start(): m.end()]
        printed_number = m.group("num") or m.group("num2")
        number = cn_to_int(printed_number) if printed_number else None
        mode = m.group("qmode") or _sentence_mode(sentences, sentence, kind)
        start, end, feedback = _dates(paragraph, sentences, sentence, signed)
    else:
        for paragraph in paragraphs:
            sentences = _Sentences(fold(paragraph))
            verb = _VERB_KIND.search(sentences.text)
            if verb is not None:
                sentence = sentences.around(verb.start())
                kind, mode = verb.group("kind"), verb.group("mode")
                start, end, feedback = _dates(paragraph, sentences, sentence, signed)
                break
    folded_title = fold(title)
    t = _TITLE.search(folded_title)
    if t is not None and kind in (None, t.group("kind")):
        kind = t.group("kind")
        if found is None and t.group("by"):
            by = title[t.start("by"): t.end("by")]
        mode = mode or t.group("mode")
    return Inspection(
        kind=kind or _title_kind(folded_title),
        by=by,
        mode=mode,
        group=group,
        group_number=number,
        round=_round(title, paragraphs),
        start=start,
        end=end,
        feedback_date=feedback,
    )
