"""Batch outputs: JSON lines, a JSON array, and tables of reports and problems (CSV, Parquet).

Every writer streams: ``write(record)`` per record, ``close()`` at the end, so a batch of
any size is written in bounded memory. A writer also takes the record already
``render``-ed into the form it writes (``Rendered``): the command has the worker
processes render, so that serializing is spread over every core instead of queueing in
the one process that writes.

Tables are for spreadsheets and data frames, so they hold scalars only:

* **reports** (``REPORT_COLUMNS``): one row per record — ids, source, publisher, title,
  issuer, dates, and every field of ``inspection``, ``stated``, ``accountability`` and
  ``counted`` flattened to ``inspection_group``, ``stated_problems`` … (underscores, so
  the names need no quoting in SQL); lists joined with ``;``; counts of paragraphs,
  problems and warnings.
* **problems** (``PROBLEM_COLUMNS``): one row per problem with its report's ``doc_id``,
  publisher plugin, province, issuer and dates, then the problem's id, heading path
  (joined with `` / ``), title, feedback, status, deadline, topics (``;``) and number
  of measures.

CSV is UTF-8 with a byte-order mark, so that Excel shows the Chinese text; pandas
(``pd.read_csv(f)``) and DuckDB (``SELECT * FROM 'f.csv'``) read it without options. A
value the document does not state is an empty cell. Parquet (the optional ``parquet``
extra, pyarrow) has the same columns, typed: dates as dates, counts as integers.
"""

from __future__ import annotations

import csv
import datetime as dt
import typing
from collections import Counter
from typing import Any, BinaryIO, Callable, Iterator, Optional, Protocol, TextIO, Union

import attrs

from .errors import ZhenggaiError
from .batch import ErrorResult, Result
from .record import Accountability, Counted, Inspection, Problem, Record, Stated
from .serialize import dumps

__all__ = [
    "CSV_ENCODING", "Column", "PROBLEM_COLUMNS", "REPORT_COLUMNS", "CsvWriter", "JsonArrayWriter",
    "JsonLinesWriter", "OVERVIEW_COLUMNS", "ParquetWriter", "Rendered", "Summary", "Writer", "open_csv",
    "overview_row", "problem_rows", "render", "report_row",
]

CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: what Excel needs to read UTF-8, and what pandas and
DuckDB skip on their own."""

LIST_SEPARATOR = ";"
PATH_SEPARATOR = " / "

Cell = Union[str, int, float, dt.date, None]


@attrs.frozen
class Column:
    """A table column: its name, its type (``str``, ``int``, ``float``, ``date``) and how
    to read it from its row's object (a record, or a (record, problem) pair)."""

    name: str
    kind: str
    get: Callable[[Any], Cell]


def _joined(values: typing.Iterable[str]) -> Optional[str]:
    return LIST_SEPARATOR.join(values) or None


def _kind(tp: Any) -> str:
    """The column type of an optional scalar field's annotation."""
    args = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
    if set(args) == {int, float}:  # Yuan
        return "float"
    return {int: "int", float: "float", str: "str", dt.date: "date"}[args[0]]


def _block(prefix: str, cls: type, get: Callable[[Record], Any]) -> list[Column]:
    """One column per field of a block of scalars (``inspection``, ``stated`` …)."""
    hints = typing.get_type_hints(cls)
    return [Column(f"{prefix}_{a.name}", _kind(hints[a.name]),
                   lambda r, _name=a.name: getattr(get(r), _name))
            for a in attrs.fields(cls)]


REPORT_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "str", lambda r: r.doc_id),
    Column("path", "str", lambda r: r.source.path),
    Column("media_type", "str", lambda r: r.source.media_type),
    Column("encoding", "str", lambda r: r.source.encoding),
    Column("sha256", "str", lambda r: r.source.sha256),
    Column("plugin", "str", lambda r: r.publisher.plugin),
    Column("detect_score", "float", lambda r: r.publisher.detect_score),
    Column("publisher", "str", lambda r: r.publisher.name),
    Column("province", "str", lambda r: r.publisher.province),
    Column("title", "str", lambda r: r.title),
    Column("issuer", "str", lambda r: r.issuer),
    Column("addressees", "str", lambda r: _joined(r.addressees)),
    Column("signed_date", "date", lambda r: r.signed_date),
    Column("published_at", "str", lambda r: r.published_at),
    Column("editor", "str", lambda r: r.editor),
    Column("origin", "str", lambda r: r.origin),
    Column("original_url", "str", lambda r: r.original_url),
    *_block("inspection", Inspection, lambda r: r.inspection),
    *_block("stated", Stated, lambda r: r.stated),
    *_block("accountability", Accountability, lambda r: r.accountability),
    *_block("counted", Counted, lambda r: r.counted),
    Column("phones", "str", lambda r: _joined(r.contacts.phones)),
    Column("emails", "str", lambda r: _joined(r.contacts.emails)),
    Column("keywords", "str", lambda r: _joined(r.keywords)),
    Column("topics", "str", lambda r: _joined(f"{t}:{n}" for t, n in r.topics.items())),
    Column("paragraphs", "int", lambda r: len(r.paragraphs)),
    Column("removed", "int", lambda r: len(r.removed)),
    Column("warnings", "int", lambda r: len(r.warnings)),
)
"""Columns of the reports table; ``topics`` reads ``topic:problems;…``; ``paragraphs``,
``removed`` and ``warnings`` are counts."""

_P = tuple[Record, Problem]

PROBLEM_COLUMNS: tuple[Column, ...] = (
    Column("doc_id", "str", lambda rp: rp[0].doc_id),
    Column("plugin", "str", lambda rp: rp[0].publisher.plugin),
    Column("province", "str", lambda rp: rp[0].publisher.province),
    Column("issuer", "str", lambda rp: rp[0].issuer),
    Column("signed_date", "date", lambda rp: rp[0].signed_date),
    Column("published_at", "str", lambda rp: rp[0].published_at),
    Column("id", "str", lambda rp: rp[1].id),
    Column("path", "str", lambda rp: PATH_SEPARATOR.join(rp[1].path) or None),
    Column("title", "str", lambda rp: rp[1].title),
    Column("feedback", "str", lambda rp: rp[1].feedback),
    Column("status", "str", lambda rp: rp[1].status),
    Column("status_text", "str", lambda rp: rp[1].status_text),
    Column("deadline", "date", lambda rp: rp[1].deadline),
    Column("topics", "str", lambda rp: _joined(rp[1].topics)),
    Column("measures", "int", lambda rp: len(rp[1].measures)),
)
"""Columns of the problems table: the report's keys and dates, then the problem's fields."""


def report_row(record: Record) -> list[Cell]:
    """The record's row of the reports table (``REPORT_COLUMNS`` order)."""
    return [c.get(record) for c in REPORT_COLUMNS]


def problem_rows(record: Record) -> Iterator[list[Cell]]:
    """The record's rows of the problems table (``PROBLEM_COLUMNS`` order), one per problem."""
    for problem in record.problems:
        pair = (record, problem)
        yield [c.get(pair) for c in PROBLEM_COLUMNS]


OVERVIEW_COLUMNS = ("plugin", "signed", "group", "problems", "done/prog/long", "title")
"""What ``zhenggai normalize --table`` shows of a record, after the input's name."""


def overview_row(record: Record) -> tuple[str, ...]:
    """The record's line of the ``--table`` overview (``OVERVIEW_COLUMNS`` order)."""
    c = record.counted
    return (
        record.publisher.plugin,
        record.signed_date.isoformat() if record.signed_date else "-",
        record.inspection.group or "-",
        str(c.problems),
        f"{c.completed}/{c.in_progress}/{c.long_term}",
        (record.title or "-")[:28],
    )


# --------------------------------------------------------------------------- rendering


@attrs.frozen
class Rendered:
    """A record in the forms a batch writes, each made only when asked for (else empty).

    ``plugin`` (for the summary) is always there; ``json`` is ``dumps(record)``;
    ``reports`` and ``problems`` are the record's rows of those tables; ``overview`` its
    ``--table`` line."""

    plugin: str
    json: Optional[str] = None
    reports: tuple[list[Cell], ...] = ()
    problems: tuple[list[Cell], ...] = ()
    overview: Optional[tuple[str, ...]] = None


FORMS = frozenset({"json", "reports", "problems", "overview"})


def render(record: Record, forms: frozenset[str]) -> Rendered:
    """``record`` in the ``forms`` (of ``FORMS``) the writers at hand need. Module-level,
    so that ``functools.partial(render, forms=…)`` can be the ``then`` of
    ``normalize_many`` and run in the worker processes."""
    unknown = forms - FORMS
    if unknown:
        raise ValueError(f"unknown forms {sorted(unknown)}; expected some of {sorted(FORMS)}")
    return Rendered(
        plugin=record.publisher.plugin,
        json=dumps(record) if "json" in forms else None,
        reports=(report_row(record),) if "reports" in forms else (),
        problems=tuple(problem_rows(record)) if "problems" in forms else (),
        overview=overview_row(record) if "overview" in forms else None,
    )


# --------------------------------------------------------------------------- writers


class Writer(Protocol):
    """Something that takes records one at a time and finishes a file on ``close``.
    ``form`` names what it writes of a record (``render``); ``write`` takes the record
    or the ``Rendered`` record holding that form."""

    form: str

    def write(self, item: Union[Record, Rendered]) -> None: ...

    def close(self) -> None: ...


def _rendered(item: Union[Record, Rendered], form: str) -> Rendered:
    """``item`` rendered in ``form``, rendering a record as needed."""
    return item if isinstance(item, Rendered) else render(item, frozenset({form}))


class JsonLinesWriter:
    """One canonical JSON record (``zhenggai.dumps``) per line."""

    form = "json"

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, item: Union[Record, Rendered]) -> None:
        self.stream.write(f"{_rendered(item, self.form).json}\n")

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    """One JSON array of records, written as they come (an empty batch gives ``[]``)."""

    form = "json"

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.count = 0

    def write(self, item: Union[Record, Rendered]) -> None:
        self.stream.write(("[\n" if not self.count else ",\n") + _rendered(item, self.form).json)
        self.count += 1

    def close(self) -> None:
        self.stream.write("\n]\n" if self.count else "[]\n")
        self.stream.flush()


def _csv_cell(value: Cell) -> Union[str, int, float]:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class CsvWriter:
    """A CSV table (header first) of reports (``table="reports"``) or problems.

    ``stream`` must be opened with ``encoding=CSV_ENCODING`` and ``newline=""`` (see
    ``open_csv``); rows end in CRLF as RFC 4180 and Excel have them.
    """

    def __init__(self, stream: TextIO, table: str = "reports"):
        self.columns, self.form = _table(table), table
        self.stream = stream
        self._csv = csv.writer(stream)
        self._csv.writerow([c.name for c in self.columns])

    def write(self, item: Union[Record, Rendered]) -> None:
        rows = getattr(_rendered(item, self.form), self.form)
        self._csv.writerows([_csv_cell(v) for v in row] for row in rows)

    def close(self) -> None:
        self.stream.flush()


def open_csv(path: str) -> TextIO:
    """A file opened for ``CsvWriter``: UTF-8 with BOM, newlines left to the csv module."""
    return open(path, "w", encoding=CSV_ENCODING, newline="")


_ARROW_TYPES = {"str": "string", "int": "int64", "float": "float64", "date": "date32"}


class ParquetWriter:
    """A Parquet table of reports or problems (to a path or a binary file object),
    written in row groups of ``batch_rows``.

    Needs pyarrow (``pip install 'zhenggai[parquet]'``); without it, construction
    raises ``ZhenggaiError`` before anything is written.
    """

    def __init__(self, where: Union[str, BinaryIO], table: str = "reports", *, batch_rows: int = 2000):
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:
            raise ZhenggaiError("Parquet output needs pyarrow: pip install 'zhenggai[parquet]'",
                                step="outputs") from None
        self.columns, self.form = _table(table), table
        self._pa = pa
        self.schema = pa.schema([(c.name, getattr(pa, _ARROW_TYPES[c.kind])()) for c in self.columns])
        self._writer = pq.ParquetWriter(where, self.schema)
        self._batch_rows = batch_rows
        self._pending: list[list[Cell]] = []

    def write(self, item: Union[Record, Rendered]) -> None:
        self._pending.extend(getattr(_rendered(item, self.form), self.form))
        if len(self._pending) >= self._batch_rows:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        columns = list(zip(*self._pending))
        arrays = [self._pa.array([None if v is None else (float(v) if c.kind == "float" else v) for v in values],
                                 type=field.type)
                  for c, field, values in zip(self.columns, self.schema, columns)]
        self._writer.write_table(self._pa.Table.from_arrays(arrays, schema=self.schema))
        self._pending = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def _table(name: str) -> tuple[Column, ...]:
    if name == "reports":
        return REPORT_COLUMNS
    if name == "problems":
        return PROBLEM_COLUMNS
    raise ValueError(f"unknown table {name!r}; expected 'reports' or 'problems'")


# --------------------------------------------------------------------------- summary


class Summary:
    """Tallies of a batch, for the line the command prints at the end."""

    def __init__(self) -> None:
        self.documents = 0
        self.records = 0
        self.plugins: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()

    def add(self, result: Union[Result, Rendered]) -> None:
        """Count one document's result: a record, rendered or not (by its plugin), or an
        error (by its type)."""
        self.documents += 1
        if isinstance(result, ErrorResult):
            self.errors[result.error] += 1
        else:
            self.records += 1
            self.plugins[result.plugin if isinstance(result, Rendered) else result.publisher.plugin] += 1

    def lines(self, elapsed: float) -> list[str]:
        """``N documents, R records, E errors in T s (D documents/s)``, then the records by
        plugin and the errors by type, each sorted by name."""
        rate = self.documents / elapsed if elapsed > 0 else 0.0
        errors = sum(self.errors.values())
        out = [f"{_n(self.documents, 'document')}, {_n(self.records, 'record')}, {_n(errors, 'error')} "
               f"in {elapsed:.1f} s ({rate:.1f} documents/s)"]
        if self.plugins:
            out.append("records by plugin: " + ", ".join(f"{k} {v}" for k, v in sorted(self.plugins.items())))
        if self.errors:
            out.append("errors by type: " + ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items())))
        return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")
