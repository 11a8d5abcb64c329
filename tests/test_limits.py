"""Limits (issue 7): input size, deep nesting, pathological text in time linear in its size.

Nothing here is timed: CI machines are noisy and the project forbids timed unit tests
(``benchmarks/hostile.py`` prints the figures). Linear time is checked by *counting*:
``cProfile`` counts the function calls ``normalize`` makes on documents of n, 2n and 4n
lines, a deterministic figure. Linear work makes the second difference of the counts
twice the first; work quadratic in the lines makes it up to four times. Regex work runs
in C and is not counted: the 100,000-character lines below would take minutes under
catastrophic backtracking, so that they complete is the check.
"""

from __future__ import annotations

import cProfile
import inspect
from pathlib import Path
from typing import Callable

import pytest

import zhenggai
from zhenggai import InputTooLargeError, load
from zhenggai.cli import build_parser
from zhenggai.testing.conformance import invariants

CONTROL = Path(__file__).resolve().parent / "hostile" / "control-report.html"
TITLE = "中共青山县农业农村局党组关于县委巡察整改进展情况的通报"
SENTENCE = "根据县委统一部署，县委第一巡察组对县农业农村局党组开展了常规巡察。"


# ------------------------------------------------------------------ input size


def test_the_default_limit_is_50_mib_in_the_library_and_the_command() -> None:
    assert load.DEFAULT_MAX_BYTES == 50 * 1024 * 1024
    assert inspect.signature(zhenggai.normalize).parameters["max_bytes"].default == load.DEFAULT_MAX_BYTES
    assert build_parser().parse_args(["normalize", "x"]).max_bytes == load.DEFAULT_MAX_BYTES


def test_a_file_over_the_limit_is_refused_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.html"
    with open(huge, "wb") as handle:
        handle.truncate(load.DEFAULT_MAX_BYTES + 1)  # sparse: takes no disk space

    def never(*_args: object, **_kw: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(load, "open", never, raising=False)
    with pytest.raises(InputTooLargeError, match=f"{load.DEFAULT_MAX_BYTES + 1} bytes.*{huge.name}") as info:
        zhenggai.normalize(huge)
    assert info.value.source == str(huge) and info.value.exit_code == 6


@pytest.mark.parametrize("kind", ["path", "bytes", "str"])
def test_the_limit_is_inclusive_and_applies_to_every_kind_of_source(kind: str, tmp_path: Path) -> None:
    raw = CONTROL.read_bytes()
    sources = {"path": CONTROL, "bytes": raw, "str": raw.decode("utf-8")}
    name = {"path": str(CONTROL), "bytes": "<bytes>", "str": "<str>"}[kind]
    assert zhenggai.normalize(sources[kind], max_bytes=len(raw), enrich=False).problems
    with pytest.raises(InputTooLargeError, match=f"over the limit of {len(raw) - 1} bytes") as info:
        zhenggai.normalize(sources[kind], max_bytes=len(raw) - 1, enrich=False)
    assert info.value.source == name


@pytest.mark.parametrize("limit", [0, -1, 1.5, True, "10"])
def test_a_limit_that_is_not_a_positive_int_is_an_input_error(limit: object) -> None:
    with pytest.raises(zhenggai.InputError, match="max_bytes must be a positive int"):
        zhenggai.normalize(CONTROL, max_bytes=limit)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["0", "-1", "1.5", "lots"])
def test_a_max_bytes_option_that_is_not_a_positive_int_is_a_usage_error(value: str) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["normalize", "x", "--max-bytes", value])
    assert info.value.code == 2


# ------------------------------------------------------------------ deep nesting


_TEXT = SENTENCE + "现将巡察整改进展情况予以公布。"
NESTED = {
    "30000-nested-div": "<html><body>" + "<div>" * 30_000 + _TEXT + "</div>" * 30_000 + "</body></html>",
    "30000-unclosed-font": "<html><body>" + "<font size=3>" * 30_000 + _TEXT,
    "10000-nested-tables": "<html><body>" + "<table><tr><td>" * 10_000 + _TEXT + "</td></tr></table>" * 10_000,
}


@pytest.mark.parametrize("name", sorted(NESTED))
def test_deep_nesting_gives_a_record_with_the_text(name: str) -> None:
    record = zhenggai.normalize(NESTED[name], enrich=False)
    assert any(SENTENCE in p for p in (record.title or "", *record.paragraphs))
    assert invariants(record) == []


# ------------------------------------------------------------------ pathological text


def _repeated(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# One 100,000-character line of each: lead-ins, heading markers, open quotes,
# punctuation, a genre sentence (every function and many more pieces of the genre are
# run on such lines by benchmarks/hostile.py).
LONG_LINES = ["一是", "（一）", "关于“", "，。、", SENTENCE]


@pytest.mark.parametrize("unit", LONG_LINES)
def test_a_100000_character_line_completes_with_a_valid_record(unit: str) -> None:
    text = f"{TITLE}\n{_repeated(unit, 100_000)}\n"
    record = zhenggai.normalize(text, enrich=False)
    assert invariants(record) == []


def test_thousands_of_lead_ins_and_markers_on_lines_complete() -> None:
    lines = [TITLE, *(f"{i % 9 + 1}.一是加强（一）管理。" for i in range(5_000))]
    record = zhenggai.normalize("\n".join(lines), enrich=False)
    assert invariants(record) == []


def _calls(text: str) -> int:
    """Function calls (Python and built-in) made while normalizing ``text``."""
    profile = cProfile.Profile()
    profile.enable()
    try:
        zhenggai.normalize(text, enrich=False)
    except zhenggai.ZhenggaiError:
        pass
    finally:
        profile.disable()
    return sum(entry.callcount for entry in profile.getstats())


def _lines(*block: str) -> Callable[[int], str]:
    """A document of ``n`` lines: the title, then ``block``'s lines over and over
    (``{i}`` in a line is its repetition's number, from 1)."""
    def make(n: int) -> str:
        out = [TITLE]
        i = 0
        while len(out) <= n:
            i += 1
            out += [line.format(i=i) for line in block]
        return "\n".join(out[:n + 1])

    return make


def _html(element: str) -> Callable[[int], str]:
    return lambda n: f"<html><body><h1>{TITLE}</h1>" + element * n + "</body></html>"



GROWING = {
    "lead-in lines": _lines("一是加强管理。"),
    "nested headings": _lines("一、方面{i}", "（一）问题", "1.问题不够深入。", "整改情况：一是制定计划。已完成整改。"),
    "chrome lines": _lines("发布时间：2023-01-01 10:00", "来源：青山县"),
    "signature blocks": _lines("中共青山县委员会", "2023年12月20日"),
    "html paragraphs": _html("<p>一是加强管理。</p>"),
    "html link list": _html("<li><a href='/a'>关于巡察整改情况的通报</a></li>"),
    "sibling headings": _lines("{i}.问题{i}不够深入。", "整改情况：已完成整改。"),
    "paragraph items": _lines("关于“问题{i}”问题的整改落实情况", "整改进展情况：已完成整改。"),
}


@pytest.mark.parametrize("make", GROWING.values(), ids=list(GROWING))
def test_work_grows_linearly_with_the_number_of_lines(make: Callable[[int], str]) -> None:
    _calls(make(20))  # first-use work (plugins, caches) is not the document's
    counts = [_calls(make(n)) for n in (300, 600, 1200)]
    first, second = counts[1] - counts[0], counts[2] - counts[1]
    assert second <= 2.2 * first, counts  # linear: 2.0; quadratic: up to 4.0
