"""The normalized record: small frozen attrs classes, one per block of RECORD.md.

Field names are the JSON names (see ``docs/record.md``, generated from these classes).
Collections are tuples so that records are immutable and compare by value; JSON gets
lists. A field the document does not state is ``None`` (or empty), never a guess.
Validators sit here, at the edge: a record that exists is a record that is valid.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Optional, Sequence, Union

import attrs
from attrs import field, frozen

SCHEMA_VERSION = "1"

STATUSES = ("completed", "basically_completed", "in_progress", "long_term")
MEDIA_TYPES = ("text/html", "text/plain")
ENCODING_SOURCES = ("bom", "declared", "detected", "given", "fallback")
INSPECTION_KINDS = ("巡视", "巡察")
INSPECTION_MODES = ("常规", "专项", "联动", "机动", "提级")

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?")
_HEX16 = re.compile(r"[0-9a-f]{16}")
_HEX64 = re.compile(r"[0-9a-f]{64}")

Yuan = Union[int, float]


def _nonempty_or_none(_inst: object, att: attrs.Attribute, value: object) -> None:
    if value == "":
        raise ValueError(f"{att.name}: empty string; use None for 'not stated'")


def _opt_in(choices: tuple[str, ...]):
    return attrs.validators.optional(attrs.validators.in_(choices))


def _matches(pattern: re.Pattern[str]):
    def check(_inst: object, att: attrs.Attribute, value: Optional[str]) -> None:
        if value is not None and not pattern.fullmatch(value):
            raise ValueError(f"{att.name}: {value!r} does not match {pattern.pattern}")

    return check


def _non_negative(_inst: object, att: attrs.Attribute, value: Optional[float]) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{att.name}: negative value {value!r}")


def _unit_interval(_inst: object, att: attrs.Attribute, value: Optional[float]) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        raise ValueError(f"{att.name}: {value!r} is outside 0..1")


def _tuple(value: object) -> tuple:
    return tuple(value) if value is not None else ()


_opt_str = dict(default=None, validator=_nonempty_or_none)
_opt_int = dict(default=None, validator=_non_negative)
_strs = dict(factory=tuple, converter=_tuple)


@frozen(kw_only=True)
class Source:
    """Where the bytes came from and how they were decoded."""

    path: Optional[str] = field(**_opt_str)
    media_type: str = field(validator=attrs.validators.in_(MEDIA_TYPES))
    encoding: str
    encoding_source: str = field(validator=attrs.validators.in_(ENCODING_SOURCES))
    encoding_confidence: float = field(default=1.0, validator=_unit_interval)
    sha256: str = field(validator=_matches(_HEX64))


@frozen(kw_only=True)
class Publisher:
    """The plugin that parsed the document and what it knows of the publisher."""

    plugin: str
    plugin_version: Optional[str] = field(**_opt_str)
    detect_score: float = field(default=0.0, validator=_unit_interval)
    name: Optional[str] = field(**_opt_str)
    province: Optional[str] = field(**_opt_str)


@frozen(kw_only=True)
class Inspection:
    """The inspection the report answers: who inspected whom, how and when."""

    kind: Optional[str] = field(default=None, validator=_opt_in(INSPECTION_KINDS))
    by: Optional[str] = field(**_opt_str)
    mode: Optional[str] = field(default=None, validator=_opt_in(INSPECTION_MODES))
    group: Optional[str] = field(**_opt_str)
    group_number: Optional[int] = field(**_opt_int)
    round: Optional[str] = field(**_opt_str)
    start: Optional[dt.date] = None
    end: Optional[dt.date] = None
    feedback_date: Optional[dt.date] = None


@frozen(kw_only=True)
class Stated:
    """Figures as the document states them (``None`` when not stated)."""

    aspects: Optional[int] = field(**_opt_int)
    problems: Optional[int] = field(**_opt_int)
    tasks: Optional[int] = field(**_opt_int)
    completed: Optional[int] = field(**_opt_int)
    basically_completed: Optional[int] = field(**_opt_int)
    in_progress: Optional[int] = field(**_opt_int)
    long_term: Optional[int] = field(**_opt_int)
    completion_rate: Optional[float] = field(default=None, validator=_unit_interval)
    rules_established: Optional[int] = field(**_opt_int)


@frozen(kw_only=True)
class Accountability:
    """Accountability figures as stated; persons are counts of people, money in yuan."""

    party_discipline: Optional[int] = field(**_opt_int)
    government_sanction: Optional[int] = field(**_opt_int)
    organizational: Optional[int] = field(**_opt_int)
    admonishment: Optional[int] = field(**_opt_int)
    reminder: Optional[int] = field(**_opt_int)
    transferred_judicial: Optional[int] = field(**_opt_int)
    refunded_yuan: Optional[Yuan] = field(**_opt_int)
    recovered_yuan: Optional[Yuan] = field(**_opt_int)


@frozen(kw_only=True)
class Heading:
    """One node of the heading tree (GB/T 9704 levels 1..4)."""

    level: int = field(validator=attrs.validators.in_((1, 2, 3, 4)))
    marker: str
    number: int = field(validator=_non_negative)
    title: str
    children: tuple[Heading, ...] = field(factory=tuple, converter=_tuple)


@frozen(kw_only=True)
class Problem:
    """One rectification item: the finest unit with its own feedback (and status)."""

    id: str
    path: tuple[str, ...] = field(**_strs)
    title: str
    feedback: Optional[str] = field(**_opt_str)
    measures: tuple[str, ...] = field(**_strs)
    status: Optional[str] = field(default=None, validator=_opt_in(STATUSES))
    status_text: Optional[str] = field(**_opt_str)
    deadline: Optional[dt.date] = None
    text: str = ""
    topics: tuple[str, ...] = field(**_strs)


@frozen(kw_only=True)
class Counted:
    """What the parser found in ``problems``, to hold against ``stated``."""

    problems: int = 0
    completed: int = 0
    basically_completed: int = 0
    in_progress: int = 0
    long_term: int = 0

    @classmethod
    def of(cls, problems: tuple[Problem, ...]) -> "Counted":
        """Count problems and their statuses."""
        by_status = {s: sum(1 for p in problems if p.status == s) for s in STATUSES}
        return cls(problems=len(problems), **by_status)


@frozen(kw_only=True)
class Contacts:
    """Contact details printed for feedback from the public."""

    phones: tuple[str, ...] = field(**_strs)
    emails: tuple[str, ...] = field(**_strs)
    addresses: tuple[str, ...] = field(**_strs)
    postcodes: tuple[str, ...] = field(**_strs)


@frozen(kw_only=True)
class Removed:
    """A line taken out as boilerplate, and the name of the rule that took it."""

    text: str
    rule: str


def _sorted_topics(value: object) -> dict[str, int]:
    return dict(sorted(dict(value or {}).items()))


@frozen(kw_only=True)
class Record:
    """One normalized rectification report."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str = field(validator=_matches(_HEX16))
    source: Source
    publisher: Publisher
    title: Optional[str] = field(**_opt_str)
    issuer: Optional[str] = field(**_opt_str)
    addressees: tuple[str, ...] = field(**_strs)
    signed_date: Optional[dt.date] = None
    published_at: Optional[str] = field(default=None, validator=_matches(_TIMESTAMP))
    editor: Optional[str] = field(**_opt_str)
    origin: Optional[str] = field(**_opt_str)
    original_url: Optional[str] = field(**_opt_str)
    inspection: Inspection = field(factory=Inspection)
    stated: Stated = field(factory=Stated)
    accountability: Accountability = field(factory=Accountability)
    outline: tuple[Heading, ...] = field(factory=tuple, converter=_tuple)
    problems: tuple[Problem, ...] = field(factory=tuple, converter=_tuple)
    counted: Counted = field(factory=Counted)
    contacts: Contacts = field(factory=Contacts)
    paragraphs: tuple[str, ...] = field(**_strs)
    removed: tuple[Removed, ...] = field(factory=tuple, converter=_tuple)
    keywords: tuple[str, ...] = field(**_strs)
    topics: dict[str, int] = field(factory=dict, converter=_sorted_topics)
    warnings: tuple[str, ...] = field(**_strs)

    @problems.validator
    def _unique_ids(self, _att: attrs.Attribute, value: tuple[Problem, ...]) -> None:
        dup = duplicate_ids(value)
        if dup:
            raise ValueError(f"problems: duplicate ids {dup}")


def duplicate_ids(problems: Sequence[Problem]) -> list[str]:
    """Problem ids that occur more than once, sorted (empty when ids are unique)."""
    return sorted(i for i, n in Counter(p.id for p in problems).items() if n > 1)
