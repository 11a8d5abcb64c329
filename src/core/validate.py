"""Validate a finished record against the contract's soft invariants; return warnings.

Hard invariants (types, unique ids, value ranges) are enforced by the record classes
themselves. What is checked here can legitimately fail on a real document — the
document contradicts itself, or is not a report at all — so it becomes a warning,
never an error: the user keeps the record and learns what to distrust.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from .record import Record
from .text import fold

_COMPARED = ("problems", "completed", "basically_completed", "in_progress", "long_term")
_LABELS = {
    "problems": "problems",
    "completed": "completed",
    "basically_completed": "basically completed",
    "in_progress": "in progress",
    "long_term": "long-term",
}
_REPORT_WORDS = re.compile(r"整改|巡视|巡察")
_REPORT_WORDS_IN_BODY = 3


def stated_vs_counted(record: Record) -> list[str]:
    """A warning for every figure the document states that differs from what was parsed.

    Status counts are compared only when the document has per-item status lines (some
    problem has a status); otherwise the layout simply does not say, and silence is not
    a contradiction.
    """
    has_status = any(p.status for p in record.problems)
    out = []
    for name in _COMPARED:
        stated = getattr(record.stated, name)
        counted = getattr(record.counted, name)
        if name == "in_progress" and record.stated.long_term is None:
            # "取得阶段性成果8个" with no separate long-term figure covers every item not
            # yet finished, long-term ones included (seed 000: 2 in progress + 6 long-term).
            counted += record.counted.long_term
        if stated is None or (name != "problems" and not has_status):
            continue
        if name == "problems" and not record.problems:
            continue
        if stated != counted:
            out.append(f"stated {stated} {_LABELS[name]}, counted {counted} in the problems' "
                       f"{'headings' if name == 'problems' else 'status lines'}")
    return out


def date_order(record: Record) -> list[str]:
    """``start <= end <= feedback_date <= signed_date`` where known."""
    chain = [
        ("inspection start", record.inspection.start),
        ("inspection end", record.inspection.end),
        ("feedback date", record.inspection.feedback_date),
        ("signed date", record.signed_date),
    ]
    known = [(label, value) for label, value in chain if value is not None]
    return [
        f"{a_label} {a.isoformat()} is after {b_label} {b.isoformat()}"
        for (a_label, a), (b_label, b) in zip(known, known[1:])
        if a > b
    ]


def _names_report_words(paragraphs: Sequence[str]) -> bool:
    """整改/巡视/巡察 at least three times in the body; the scan stops at the third. The
    words span no paragraph break, and folding changes no Chinese character, so the
    paragraphs are read as printed."""
    found = (m for paragraph in paragraphs for m in _REPORT_WORDS.finditer(paragraph))
    return next(islice(found, _REPORT_WORDS_IN_BODY - 1, None), None) is not None


def looks_like_report(record: Record) -> list[str]:
    """A warning when the page does not look like a rectification report at all.

    Two of four signals are needed: the title names 整改/巡视/巡察, the body has an
    inspection block (the group, or its dates), problems were found, the body names
    整改/巡视/巡察 three times. The inspection *kind* alone is no signal: it is read
    from the title too, and a report's title over a body of noise is no report.
    """
    title = fold(record.title or "")
    if not record.paragraphs:
        return ["no body text found: the page does not look like a rectification report"]
    block = record.inspection
    signals = sum([
        bool(_REPORT_WORDS.search(title)),
        any(v is not None for v in (block.group, block.start, block.end, block.feedback_date)),
        bool(record.problems),
        _names_report_words(record.paragraphs),
    ])
    if signals < 2:
        return ["the page does not look like a rectification report (fewer than two of: a 整改/巡视/巡察 "
                "title, an inspection block, problems, 整改/巡视/巡察 in the body)"]
    return []


def validate(record: Record) -> list[str]:
    """All soft-invariant warnings for ``record``, in a fixed order."""
    return [*looks_like_report(record), *stated_vs_counted(record), *date_order(record)]
