"""Hypothesis strategies for valid ``Record`` objects (serialization properties)."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from ..record import (
    INSPECTION_KINDS,
    INSPECTION_MODES,
    STATUSES,
    Accountability,
    Contacts,
    Counted,
    Heading,
    Inspection,
    Problem,
    Publisher,
    Record,
    Removed,
    Source,
    Stated,
)

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_TEXT_CHARS = st.one_of(_CJK, st.sampled_from("，。：；“”（）、0123456789abc ,.:()\""))
text = st.text(_TEXT_CHARS, min_size=1, max_size=30)
opt_text = st.none() | text
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
counts = st.none() | st.integers(0, 100_000)
yuan = st.none() | st.integers(0, 10**12) | st.decimals(0, 10**9, places=2).map(float)
hex_ = lambda n: st.text(alphabet="0123456789abcdef", min_size=n, max_size=n)  # noqa: E731


def _timestamp(d: dt.date, with_time: bool, h: int, m: int) -> str:
    return f"{d.isoformat()}T{h:02d}:{m:02d}" if with_time else d.isoformat()


timestamps = st.builds(_timestamp, dates, st.booleans(), st.integers(0, 23), st.integers(0, 59))

headings = st.recursive(
    st.builds(Heading, level=st.integers(1, 4), marker=st.sampled_from(["一、", "(一)", "1.", "(1)"]),
              number=st.integers(1, 30), title=text),
    lambda children: st.builds(Heading, level=st.integers(1, 4), marker=st.sampled_from(["一、", "(一)"]),
                               number=st.integers(1, 30), title=text,
                               children=st.lists(children, max_size=3).map(tuple)),
    max_leaves=8,
)


@st.composite
def problems(draw: st.DrawFn) -> tuple[Problem, ...]:
    """Problems with unique ids."""
    ids = draw(st.lists(st.text(string.ascii_lowercase + "/()#123", min_size=1, max_size=12),
                        unique=True, max_size=6))
    return tuple(
        Problem(
            id=pid,
            path=tuple(draw(st.lists(text, max_size=3))),
            title=draw(text),
            feedback=draw(opt_text),
            measures=tuple(draw(st.lists(text, max_size=3))),
            status=draw(st.none() | st.sampled_from(STATUSES)),
            status_text=draw(opt_text),
            deadline=draw(st.none() | dates),
            text=draw(st.text(_TEXT_CHARS, max_size=60)),
            topics=tuple(sorted(draw(st.sets(st.sampled_from(["discipline", "finance", "cadres"]))))),
        )
        for pid in ids
    )


@st.composite
def records(draw: st.DrawFn) -> Record:
    """Arbitrary valid records (not necessarily plausible reports)."""
    probs = draw(problems())
    return Record(
        doc_id=draw(hex_(16)),
        source=Source(path=draw(st.none() | st.just("a/b.html")), media_type=draw(st.sampled_from(["text/html", "text/plain"])),
                      encoding=draw(st.sampled_from(["utf-8", "gb18030"])),
                      encoding_source=draw(st.sampled_from(["bom", "declared", "detected", "given"])),
                      encoding_confidence=draw(st.floats(0, 1)), sha256=draw(hex_(64))),
        publisher=Publisher(plugin=draw(st.sampled_from(["generic", "liaoning"])), plugin_version=draw(st.none() | st.just("1.0")),
                            detect_score=draw(st.floats(0, 1)), name=draw(opt_text), province=draw(st.none() | st.just("辽宁省"))),
        title=draw(opt_text),
        issuer=draw(opt_text),
        addressees=tuple(draw(st.lists(text, max_size=3))),
        signed_date=draw(st.none() | dates),
        published_at=draw(st.none() | timestamps),
        editor=draw(opt_text),
        origin=draw(opt_text),
        original_url=draw(st.none() | st.just("http://www.zjsjw.gov.cn/a.shtml")),
        inspection=Inspection(kind=draw(st.none() | st.sampled_from(INSPECTION_KINDS)), by=draw(opt_text),
                              mode=draw(st.none() | st.sampled_from(INSPECTION_MODES)), group=draw(opt_text),
                              group_number=draw(st.none() | st.integers(1, 20)), round=draw(opt_text),
                              start=draw(st.none() | dates), end=draw(st.none() | dates),
                              feedback_date=draw(st.none() | dates)),
        stated=Stated(aspects=draw(counts), problems=draw(counts), tasks=draw(counts), completed=draw(counts),
                      basically_completed=draw(counts), in_progress=draw(counts), long_term=draw(counts),
                      completion_rate=draw(st.none() | st.floats(0, 1)), rules_established=draw(counts)),
        accountability=Accountability(party_discipline=draw(counts), government_sanction=draw(counts),
                                      organizational=draw(counts), admonishment=draw(counts),
                                      reminder=draw(counts), transferred_judicial=draw(counts),
                                      refunded_yuan=draw(yuan), recovered_yuan=draw(yuan)),
        outline=tuple(draw(st.lists(headings, max_size=3))),
        problems=probs,
        counted=Counted.of(probs),
        contacts=Contacts(phones=tuple(draw(st.lists(st.just("0427-3410198"), max_size=2))),
                          emails=tuple(draw(st.lists(st.just("a@b.cn"), max_size=1)))),
        paragraphs=tuple(draw(st.lists(text, max_size=5))),
        removed=tuple(draw(st.lists(st.builds(Removed, text=text, rule=st.just("breadcrumb")), max_size=3))),
        keywords=tuple(draw(st.lists(text, max_size=5))),
        topics=draw(st.dictionaries(st.sampled_from(["discipline", "finance"]), st.integers(0, 30))),
        warnings=tuple(draw(st.lists(text, max_size=2))),
    )
