"""Hostile inputs (issue 7): the folder tests/hostile/ through the command and the library.

The folder holds small broken, binary, misencoded and pathological pages written by
``tests/hostile/make.py`` (which also says what each must give); the big ones are
written at test time. One batch of all of them must give one output line per input,
the documented exit code and no traceback. Also here: pages that are not reports, the
error model (types, exit codes, messages) and determinism across processes, hash
seeds, locales, time zones and worker counts.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import zhenggai
from zhenggai import decode, errors
from zhenggai.cli import EXIT_CODES
from zhenggai.detect import rank
from zhenggai.pipeline import prepare
from zhenggai.plugins import default_registry
from zhenggai.testing.conformance import invariants, source_lines

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
FIXTURES = ROOT / "fixtures"
MAX_BYTES = 1 << 20  # --max-bytes of the batch: too-large.html is one byte over it
NOT_A_REPORT = "does not look like a rectification report"


def _load_make() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_make", HOSTILE / "make.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make = _load_make()


def _error_types(cls: type[errors.ZhenggaiError]) -> dict[str, type[errors.ZhenggaiError]]:
    """``cls`` and its subclasses in ``zhenggai.errors``, by name."""
    out = {cls.__name__: cls}
    for sub in cls.__subclasses__():
        if sub.__module__ == errors.__name__:
            out.update(_error_types(sub))
    return out


ERROR_TYPES = _error_types(errors.ZhenggaiError)
EXPECTED = {**make.EXPECTED, **make.BIG_EXPECTED}
# Inputs that are not rectification reports but still give a record (see docs/errors.md).
NOT_REPORTS = ["news-article.html", "list-page.html", "yishi-10000.txt", "marker-run-paren.txt",
               "marker-run-dotted.txt", "punctuation-run.txt",
               # a report's title over a body of noise (validate counted the title twice)
               "marker-run-mixed.html", "yishi-lines.txt"]
# The control report and renditions of it that lose nothing: same problems.
SAME_REPORT = ["body-repeated-3x.html", "gbk-declared-utf8.html", "gbk-body-only.html",
               "utf16le-no-bom.html", "utf16be-no-bom.txt", "soup-mismatched.html"]


def _path(name: str) -> Path:
    return HOSTILE / name


def _comparable(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def test_the_committed_inputs_are_what_make_py_writes(tmp_path: Path) -> None:
    make.main([str(tmp_path)])
    written = {p.name: _comparable(p) for p in tmp_path.iterdir()}
    committed = {p.name: _comparable(p) for p in HOSTILE.iterdir() if p.is_file() and p.name != "make.py"}
    assert written == committed
    assert set(written) == set(make.EXPECTED)


# ------------------------------------------------------------------ one batch through the command


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every hostile input, small and big, through ``zhenggai normalize`` in one batch."""
    folder = tmp_path_factory.mktemp("hostile")
    for name in make.EXPECTED:
        shutil.copyfile(_path(name), folder / name)
    for name, data in make.big_inputs(MAX_BYTES).items():
        (folder / name).write_bytes(data)
    out, err = folder.parent / "out.jsonl", folder.parent / "err.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "zhenggai.cli", "normalize", str(folder), "-o", str(out), "--errors", str(err),
         "--max-bytes", str(MAX_BYTES)],
        capture_output=True, text=True, timeout=600)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    failures = [json.loads(line) for line in err.read_text(encoding="utf-8").splitlines()]
    return {
        "done": done,
        "records": {Path(r["source"]["path"]).name: r for r in records},
        "errors": {Path(e["input"]).name: e for e in failures},
        "lines": len(records) + len(failures),
    }


def test_the_batch_gives_one_line_per_input(batch: dict[str, Any]) -> None:
    assert batch["lines"] == len(EXPECTED)
    assert set(batch["records"]) | set(batch["errors"]) == set(EXPECTED)


def test_the_batch_gives_each_input_its_expected_outcome(batch: dict[str, Any]) -> None:
    outcome = {**{n: "record" for n in batch["records"]}, **{n: e["error"] for n, e in batch["errors"].items()}}
    assert outcome == EXPECTED


def test_the_batch_exits_with_the_highest_code_of_its_errors(batch: dict[str, Any]) -> None:
    codes = [ERROR_TYPES[e["error"]].exit_code for e in batch["errors"].values()]
    assert batch["done"].returncode == max(codes) == errors.InputTooLargeError.exit_code


def test_the_batch_writes_no_traceback(batch: dict[str, Any]) -> None:
    stderr = batch["done"].stderr
    assert "Traceback" not in stderr
    assert all(line.startswith("zhenggai: ") for line in stderr.splitlines()), stderr


def test_error_lines_name_their_input_and_a_library_error(batch: dict[str, Any]) -> None:
    for name, line in batch["errors"].items():
        assert set(line) >= {"input", "error", "message"}
        assert line["error"] in ERROR_TYPES
        assert name in line["message"]


def test_batch_records_are_valid(batch: dict[str, Any]) -> None:
    for name, data in batch["records"].items():
        record = zhenggai.from_dict(data)
        assert invariants(record) == [], name


# ------------------------------------------------------------------ each input through the library


@pytest.mark.parametrize("name", sorted(make.EXPECTED))
def test_each_input_gives_its_outcome_and_loses_no_text(name: str) -> None:
    path = _path(name)
    if make.EXPECTED[name] != "record":
        with pytest.raises(ERROR_TYPES[make.EXPECTED[name]], match=name):
            zhenggai.normalize(path, enrich=False)
        return
    record = zhenggai.normalize(path, enrich=False)
    assert invariants(record, source_lines=source_lines(path)) == []


@pytest.fixture(scope="module")
def control() -> zhenggai.Record:
    return zhenggai.normalize(_path("control-report.html"), enrich=False)


def test_the_control_report_is_a_report(control: zhenggai.Record) -> None:
    assert control.title == make.TITLE and control.publisher.plugin == "generic"
    assert len(control.problems) == 4 and control.signed_date is not None
    assert not any(NOT_A_REPORT in w for w in control.warnings)


@pytest.mark.parametrize("name", SAME_REPORT)
def test_damaged_renditions_of_the_report_give_its_problems(name: str, control: zhenggai.Record) -> None:
    record = zhenggai.normalize(_path(name), enrich=False)
    assert [(p.id, p.title, p.status) for p in record.problems] == [(p.id, p.title, p.status) for p in control.problems]
    assert not any(NOT_A_REPORT in w for w in record.warnings)


def test_a_gbk_page_cut_in_a_character_keeps_its_charset_and_counts_the_cut() -> None:
    record = zhenggai.normalize(_path("gbk-truncated-mid-char.html"), enrich=False)
    assert (record.source.encoding, record.source.encoding_source) == ("gb18030", "declared")
    assert "1 undecodable byte sequence(s) replaced (decoded as gb18030)" in record.warnings
    assert record.title == make.TITLE and len(record.problems) == 4


def test_a_gbk_page_declaring_utf8_is_read_as_gbk() -> None:
    record = zhenggai.normalize(_path("gbk-declared-utf8.html"), enrich=False)
    assert record.source.encoding == "gb18030" and record.title == make.TITLE


@pytest.mark.parametrize(("name", "codec"), [("utf16le-no-bom.html", "utf-16-le"), ("utf16be-no-bom.txt", "utf-16-be")])
def test_utf16_without_bom_is_detected(name: str, codec: str) -> None:
    record = zhenggai.normalize(_path(name), enrich=False)
    assert record.source.encoding == codec and record.title == make.TITLE


def test_mixed_encodings_give_a_record_that_says_bytes_were_replaced() -> None:
    record = zhenggai.normalize(_path("mixed-utf8-gbk.html"), enrich=False)
    assert any("undecodable byte sequence(s) replaced" in w for w in record.warnings)


def test_an_unclosed_script_or_comment_hides_the_rest_as_a_browser_would() -> None:
    for name in ("soup-script-unclosed.html", "soup-comment-unclosed.html"):
        record = zhenggai.normalize(_path(name), enrich=False)
        assert record.title == make.TITLE
        assert not any("整改情况" in p for p in record.paragraphs), name


# ------------------------------------------------------------------ pages that are not reports


@pytest.mark.parametrize("name", NOT_REPORTS)
def test_a_page_that_is_not_a_report_gives_a_record_with_the_warning(name: str) -> None:
    record = zhenggai.normalize(_path(name), enrich=False)
    assert any(NOT_A_REPORT in w for w in record.warnings)
    assert record.problems == ()


@pytest.mark.parametrize("name", NOT_REPORTS)
def test_no_plugin_claims_a_page_that_is_not_a_report_above_one_half(name: str) -> None:
    ranked = rank(prepare(_path(name)), default_registry())
    assert max(c.score for c in ranked) <= 0.5, [(c.name, c.score, c.reason) for c in ranked]


def test_an_empty_template_is_an_empty_input() -> None:
    with pytest.raises(errors.EmptyInputError, match="no text found.*empty-template.html"):
        zhenggai.normalize(_path("empty-template.html"))


# ------------------------------------------------------------------ the error model


def test_every_error_type_has_its_own_documented_exit_code() -> None:
    docs = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    codes = {name: cls.exit_code for name, cls in ERROR_TYPES.items()}
    assert len(set(codes.values())) == len(codes)
    for name, code in codes.items():
        assert f"| {code} | `{name}`" in docs, name
        if name != "SchemaError":  # raised by from_dict only, never by the command
            assert f"\n  {code}  " in EXIT_CODES, name


def test_messages_name_the_input_even_when_a_later_step_raised() -> None:
    with pytest.raises(errors.EmptyInputError) as info:
        zhenggai.normalize(_path("empty-template.html"))
    assert info.value.source == str(_path("empty-template.html"))
    assert str(info.value) == f"no text found in the input (input {info.value.source}, step extract blocks)"


@pytest.mark.parametrize(("bad", "refused"), [(9, False), (10, True)])
def test_binary_means_a_tenth_of_the_characters_are_controls_or_replacements(bad: int, refused: bool) -> None:
    text = "\x00\ufffd\x1b" * (bad // 3) + "\x7f" * (bad % 3) + "正" * (100 - bad)
    decoded = decode.Decoded(text, "gb18030", "fallback", 0.0, 0)
    if refused:
        with pytest.raises(errors.DecodeError, match="looks binary, not text: 10%"):
            decode.refuse_binary(decoded)
    else:
        decode.refuse_binary(decoded)
    decode.refuse_binary(decode.Decoded("\t\n\r\f\v" * 20, "utf-8", "detected", 1.0, 0))  # whitespace is text


@pytest.mark.parametrize("cls", sorted(ERROR_TYPES.values(), key=lambda c: c.__name__), ids=lambda c: c.__name__)
def test_errors_cross_process_boundaries_whole(cls: type[errors.ZhenggaiError]) -> None:
    exc = cls("it broke", source="a.html", step="decode")
    if isinstance(exc, errors.PluginError):
        exc.plugin = "p"
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is cls and str(back) == str(exc) == "it broke (input a.html, step decode)"
    assert vars(back) == vars(exc)


# ------------------------------------------------------------------ determinism


def test_same_bytes_across_hash_seeds_locales_time_zones_and_worker_counts(tmp_path: Path) -> None:
    """The command in another process (another hash seed, the C locale, a time zone at
    UTC+13:45, two workers) writes the bytes this process writes (test_pipeline.py
    compares every fixture across processes; these are the hostile inputs)."""
    inputs = sorted([*(_path(n) for n, outcome in make.EXPECTED.items() if outcome == "record"),
                     FIXTURES / "hunan" / "003-html" / "page.html", *FIXTURES.glob("zhejiang/004-text/*.txt")])
    expected = b"".join(zhenggai.dumps(zhenggai.normalize(p)).encode("utf-8") + b"\n" for p in inputs)
    env = {**os.environ, "PYTHONHASHSEED": "4242", "TZ": "Pacific/Chatham", "LC_ALL": "C", "LANG": "C"}
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "zhenggai.cli", "normalize", *map(str, inputs), "-o", str(out),
                           "--workers", "2"], env=env, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == expected


def test_standard_output_is_utf8_json_whatever_the_locale_encoding() -> None:
    # Only C locales are installed where this runs: PYTHONIOENCODING stands in for a
    # non-UTF-8 locale, which sets standard output's encoding the same way.
    done = subprocess.run([sys.executable, "-m", "zhenggai.cli", "normalize", str(_path("control-report.html")),
                           "--no-enrich", "--workers", "1"], env={**os.environ, "PYTHONIOENCODING": "latin-1"},
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))["title"] == make.TITLE

