"""Batch outputs: table columns, the writers (JSON lines/array, CSV, Parquet), the summary,
and ``zhenggai normalize`` writing them."""

import csv
import datetime as dt
import io
import json
import sys
import typing
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhenggai
from zhenggai import cli, outputs
from zhenggai.batch import ErrorResult
from zhenggai.outputs import PROBLEM_COLUMNS, REPORT_COLUMNS, CsvWriter, JsonArrayWriter, JsonLinesWriter, Summary
from zhenggai.record import Accountability, Counted, Inspection, Stated
from zhenggai.testing.records import records

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("*/*-text/*.txt"))
PAGES = sorted(FIXTURES.glob("*/*-html/page.html"))
BOM = b"\xef\xbb\xbf"

_PY_TYPES = {"str": str, "int": int, "float": (int, float), "date": dt.date}


# --------------------------------------------------------------------------- columns


def test_every_figure_block_field_has_a_column():
    names = [c.name for c in REPORT_COLUMNS]
    assert len(names) == len(set(names))
    for prefix, cls in (("inspection", Inspection), ("stated", Stated), ("accountability", Accountability),
                        ("counted", Counted)):
        for field in attrs.fields(cls):
            assert f"{prefix}_{field.name}" in names
    assert {"doc_id", "path", "plugin", "province", "title", "issuer", "signed_date", "published_at",
            "warnings"} <= set(names)
    assert [c.name for c in PROBLEM_COLUMNS] == [
        "doc_id", "plugin", "province", "issuer", "signed_date", "published_at", "id", "path", "title",
        "feedback", "status", "status_text", "deadline", "topics", "measures"]


@settings(max_examples=25)  # records are costly to draw (and lists of them more so)
@given(records())
def test_rows_hold_scalars_of_their_column_type(record):
    row = outputs.report_row(record)
    assert len(row) == len(REPORT_COLUMNS)
    for column, value in zip(REPORT_COLUMNS, row):
        assert value is None or isinstance(value, _PY_TYPES[column.kind]), column.name
        assert value != ""  # not stated is None, never an empty string
    problem_rows = list(outputs.problem_rows(record))
    assert len(problem_rows) == len(record.problems)
    for problem, prow in zip(record.problems, problem_rows):
        cells = dict(zip([c.name for c in PROBLEM_COLUMNS], prow))
        assert cells["doc_id"] == record.doc_id and cells["id"] == problem.id
        assert cells["measures"] == len(problem.measures)
        assert cells["path"] == (" / ".join(problem.path) or None)
        for column, value in zip(PROBLEM_COLUMNS, prow):
            assert value is None or isinstance(value, _PY_TYPES[column.kind]), column.name


@settings(max_examples=15)
@given(st.lists(records(), max_size=2))
def test_csv_round_trips_through_the_csv_module(batch):
    for table, rows_of, columns in (("reports", lambda r: [outputs.report_row(r)], REPORT_COLUMNS),
                                    ("problems", lambda r: list(outputs.problem_rows(r)), PROBLEM_COLUMNS)):
        stream = io.StringIO(newline="")
        writer = CsvWriter(stream, table)
        for record in batch:
            writer.write(record)
        writer.close()
        read = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
        assert read[0] == [c.name for c in columns]
        expected = [["" if v is None else v.isoformat() if isinstance(v, dt.date) else str(v) for v in row]
                    for record in batch for row in rows_of(record)]
        assert read[1:] == expected


# --------------------------------------------------------------------------- writers


@settings(max_examples=15)
@given(st.lists(records(), max_size=2))
def test_json_writers_hold_the_canonical_records(batch):
    lines, array = io.StringIO(), io.StringIO()
    for writer in (JsonLinesWriter(lines), JsonArrayWriter(array)):
        for record in batch:
            writer.write(record)
        writer.close()
    assert lines.getvalue().splitlines() == [zhenggai.dumps(r) for r in batch]
    assert json.loads(array.getvalue()) == [zhenggai.to_dict(r) for r in batch]


@settings(max_examples=15)
@given(st.lists(records(), max_size=2))
def test_writers_write_the_same_from_a_record_and_from_its_rendering(batch):
    """The command hands writers records rendered in the workers: the files must not differ."""
    forms = frozenset({"json", "reports", "problems"})
    for make in (JsonLinesWriter, JsonArrayWriter, lambda s: CsvWriter(s, "reports"),
                 lambda s: CsvWriter(s, "problems")):
        direct, rendered = io.StringIO(), io.StringIO()
        for stream, items in ((direct, batch), (rendered, [outputs.render(r, forms) for r in batch])):
            writer = make(stream)
            for item in items:
                writer.write(item)
            writer.close()
        assert rendered.getvalue() == direct.getvalue()


def test_render_refuses_unknown_forms():
    with pytest.raises(ValueError, match="unknown forms"):
        outputs.render(zhenggai.normalize(SEEDS[0], enrich=False), frozenset({"xml"}))


def test_parquet_without_pyarrow_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(zhenggai.ZhenggaiError, match=r"pip install 'zhenggai\[parquet\]'"):
        outputs.ParquetWriter(str(tmp_path / "r.parquet"))
    assert not (tmp_path / "r.parquet").exists()
    code = cli.main(["normalize", str(SEEDS[1]), "--workers", "1", "--format", "parquet",
                     "-o", str(tmp_path / "r.parquet")])
    assert code == 2


@settings(max_examples=15)
@given(st.lists(records(), min_size=1, max_size=2))
def test_parquet_has_the_csv_columns_typed(batch):
    pq = pytest.importorskip("pyarrow.parquet")
    sink = io.BytesIO()
    writer = outputs.ParquetWriter(sink, "reports", batch_rows=2)
    for record in batch:
        writer.write(record)
    writer.close()
    table = pq.read_table(io.BytesIO(sink.getvalue()))
    assert table.column_names == [c.name for c in REPORT_COLUMNS]
    assert table.num_rows == len(batch)
    assert table.column("signed_date").to_pylist() == [r.signed_date for r in batch]
    assert table.column("counted_problems").to_pylist() == [r.counted.problems for r in batch]


def test_summary_counts_records_by_plugin_and_errors_by_type():
    summary = Summary()
    for plugin in ("liaoning", "fujian", "liaoning"):
        summary.add(zhenggai.normalize(SEEDS[1], enrich=False, plugin=plugin))
    summary.add(ErrorResult("a.html", "DecodeError", "…", 4))
    assert summary.lines(2.0) == [
        "4 documents, 3 records, 1 error in 2.0 s (2.0 documents/s)",
        "records by plugin: fujian 1, liaoning 2",
        "errors by type: DecodeError 1",
    ]
    assert Summary().lines(0.0) == ["0 documents, 0 records, 0 errors in 0.0 s (0.0 documents/s)"]


# --------------------------------------------------------------------------- the command


@pytest.fixture
def corpus(tmp_path):
    """Two reports and an empty file in a directory."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEEDS[1].read_bytes())
    (folder / "b.html").write_bytes(PAGES[4].read_bytes())
    (folder / "c.html").write_bytes(b"")
    return folder


def test_command_writes_csv_tables_with_bom_errors_and_a_summary(corpus, tmp_path, capsys):
    reports, problems, errors = tmp_path / "r.csv", tmp_path / "p.csv", tmp_path / "e.jsonl"
    code = cli.main(["normalize", str(corpus), "--workers", "1", "--no-enrich", "--format", "csv",
                     "-o", str(reports), "--problems", str(problems), "--errors", str(errors)])
    assert code == 5  # EmptyInputError
    expected = [zhenggai.normalize(corpus / name, enrich=False) for name in ("a.txt", "b.html")]
    for path in (reports, problems):
        assert path.read_bytes().startswith(BOM)
    with open(reports, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["doc_id"] for r in rows] == [r.doc_id for r in expected]
    assert [r["title"] for r in rows] == [r.title for r in expected]
    assert [r["counted_problems"] for r in rows] == [str(r.counted.problems) for r in expected]
    assert [r["signed_date"] for r in rows] == [r.signed_date.isoformat() if r.signed_date else "" for r in expected]
    with open(problems, encoding="utf-8-sig", newline="") as handle:
        problem_rows = list(csv.DictReader(handle))
    assert [(p["doc_id"], p["id"]) for p in problem_rows] == [(r.doc_id, p.id) for r in expected for p in r.problems]
    assert [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()] == [{
        "input": str(corpus / "c.html"), "error": "EmptyInputError",
        "message": f"input is empty (zero bytes) (input {corpus / 'c.html'})"}]
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("zhenggai: 3 documents, 2 records, 1 error in ")
    assert err[0].endswith(" documents/s)")
    assert err[1] == "zhenggai: records by plugin: " + ", ".join(
        f"{p} {n}" for p, n in sorted(typing.Counter(r.publisher.plugin for r in expected).items()))
    assert err[2] == "zhenggai: errors by type: EmptyInputError 1"


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_command_json_outputs(corpus, tmp_path, capsys, fmt):
    out = tmp_path / "out.json"
    code = cli.main(["normalize", str(corpus / "a.txt"), str(corpus / "b.html"), "--workers", "1",
                     "--no-enrich", "--format", fmt, "-o", str(out)])
    assert code == 0
    expected = [zhenggai.dumps(zhenggai.normalize(corpus / n, enrich=False)) for n in ("a.txt", "b.html")]
    text = out.read_text(encoding="utf-8")
    got = text.splitlines() if fmt == "jsonl" else [json.dumps(r, ensure_ascii=False) for r in json.loads(text)]
    assert got == expected


def test_command_csv_on_stdout_has_bom(corpus, capsysbinary):
    code = cli.main(["normalize", str(corpus / "a.txt"), "--workers", "1", "--no-enrich", "--format", "csv"])
    assert code == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(BOM + b"doc_id,path,")
    assert len(list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline="")))) == 2


def test_command_parquet_needs_an_output_file(corpus, capsys):
    assert cli.main(["normalize", str(corpus), "--format", "parquet"]) == 2
    assert "-o FILE" in capsys.readouterr().err


def test_csv_loads_in_pandas_and_duckdb_without_options(corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    reports, problems = tmp_path / "r.csv", tmp_path / "p.csv"
    cli.main(["normalize", str(corpus / "a.txt"), str(corpus / "b.html"), "--workers", "1", "--no-enrich",
              "--format", "csv", "-o", str(reports), "--problems", str(problems)])
    frame = pd.read_csv(reports)
    assert list(frame.columns) == [c.name for c in REPORT_COLUMNS] and len(frame) == 2
    assert duckdb.sql(f"SELECT count(*) FROM '{problems}'").fetchall()[0][0] == len(pd.read_csv(problems))
    titles = [row[0] for row in duckdb.sql(f"SELECT title FROM '{reports}'").fetchall()]
    assert titles == list(frame["title"])


@pytest.mark.parametrize("option", [["--workers", "0"], ["--workers", "two"], ["--timeout", "-1"]])
def test_command_refuses_non_positive_workers_and_timeouts(corpus, option, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["normalize", str(corpus), *option])
    assert exited.value.code == 2
    assert option[0] in capsys.readouterr().err
