"""Conformance checks for publisher plugins: expected JSON and the record invariants.

A plugin's fixtures live in ``fixtures/<plugin>/<case>/``: one input file (``.html``,
``.htm``, ``.shtml`` or ``.txt``) and ``expected.json``, a *projection* of
``zhenggai.to_dict(record)`` written by reading the document (see ``match`` for the
rules). ``check_case`` normalizes the input with the plugin's registry and returns the
list of problems found; an empty list means the case conforms.

Usable from any test runner::

    from zhenggai.testing.conformance import check_plugin
    assert check_plugin("myplugin", "fixtures") == {}
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Optional

from .. import blocks, decode
from ..load import INPUT_SUFFIXES
from ..plugins import Registry
from ..record import Counted, Record, duplicate_ids
from ..serialize import from_dict, json_schema, to_dict
from ..text import fold

ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")


def _same_text(expected: str, actual: str) -> bool:
    exp, act = fold(expected), fold(actual)
    if exp.endswith(ELLIPSIS) and len(exp) > 1:
        return act.startswith(exp[:-1])
    return exp == act


def match(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Differences between an expected projection and actual ``to_dict`` data.

    Keys absent from ``expected`` are not checked; strings compare after ``text.fold``;
    an expected string ending in ``…`` matches any actual string starting with the rest;
    lists must have the same length and match element by element; numbers compare
    within 1e-9.
    """
    here = where or "record"
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{here}: expected an object, got {actual!r}"]
        out = []
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{here}.{key}: missing")
            else:
                out += match(value, actual[key], f"{here}.{key}")
        return out
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{here}: expected a list, got {actual!r}"]
        out = [] if len(expected) == len(actual) else [f"{here}: expected {len(expected)} items, got {len(actual)}"]
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += match(e, a, f"{here}[{i}]")
        return out
    if isinstance(expected, str) and isinstance(actual, str):
        return [] if _same_text(expected, actual) else [f"{here}: expected {expected!r}, got {actual!r}"]
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)) and not isinstance(expected, bool):
        return [] if abs(expected - actual) <= 1e-9 else [f"{here}: expected {expected!r}, got {actual!r}"]
    return [] if expected == actual else [f"{here}: expected {expected!r}, got {actual!r}"]


def invariants(record: Record, *, source_lines: Optional[list[str]] = None) -> list[str]:
    """Violations of RECORD.md's invariants (an empty list when the record conforms).

    With ``source_lines`` (the input's text lines), also checks that nothing vanished:
    every non-blank line is found in the title, the paragraphs or the removed lines.
    """
    import jsonschema

    out = []
    data = to_dict(record)
    text = json.dumps(data, ensure_ascii=False)
    errors = sorted(jsonschema.Draft202012Validator(json_schema()).iter_errors(json.loads(text)), key=str)
    out += [f"schema: {e.message} at {'/'.join(map(str, e.path))}" for e in errors[:5]]
    if from_dict(json.loads(text)) != record:
        out.append("from_dict(to_dict(record)) != record")
    dup = duplicate_ids(record.problems)
    if dup:
        out.append(f"problem ids are not unique: {dup}")

    if record.counted != Counted.of(record.problems):
        out.append(f"counted {record.counted} does not match the problems")
    if source_lines is not None:
        kept = _squash("\n".join([record.title or "", *record.paragraphs]))
        removed = sorted({_squash(r.text) for r in record.removed} - {""}, key=len, reverse=True)
        removed_all = "".join(removed)
        for line in source_lines:
            rest = _squash(line)
            if not rest or rest in kept or rest in removed_all:
                continue
            for piece in removed:  # a line split between chrome and text (【巡察整改】+title)
                rest = rest.replace(piece, "", 1) if piece in rest else rest
            if rest and rest not in kept:
                out.append(f"text vanished: {line.strip()[:60]!r}")
    return out


def _squash(text: str) -> str:
    return _SPACE.sub("", fold(text)).replace("\u3000", "").replace("\u00a0", "")


def source_lines(path: Path) -> list[str]:
    """The input's text lines as the block extractor sees them (for the vanishing check)."""
    decoded = decode.decode(path.read_bytes())
    media = blocks.sniff_media_type(decoded.text)
    return [b.text for b in blocks.extract(decoded.text, media).blocks]


def input_of(case: Path) -> Path:
    """The single input file of a fixture case directory."""
    inputs = sorted(p for p in case.iterdir() if p.suffix.lower() in INPUT_SUFFIXES)
    if len(inputs) != 1:
        raise ValueError(f"{case}: expected exactly one input file, found {[p.name for p in inputs]}")
    return inputs[0]


def expected_of(case: Path) -> dict[str, Any]:
    """The case's expected projection: expected.json."""
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def check_case(case: Path, *, plugin: Optional[str] = None, registry: Optional[Registry] = None,
               forced: bool = False) -> list[str]:
    """Normalize the case's input and report every difference and invariant violation.

    ``plugin``: the plugin expected to win detection (the case directory's parent name
    by default). ``forced=True`` forces that plugin instead of checking detection.
    """
    from ..pipeline import normalize

    path = input_of(case)
    name = plugin or case.parent.name
    record = normalize(path, plugin=name if forced else None, registry=registry)
    problems = []
    if record.publisher.plugin != name:
        problems.append(f"detected plugin {record.publisher.plugin!r}, expected {name!r}")
    problems += match(expected_of(case), to_dict(record))
    problems += invariants(record, source_lines=source_lines(path))
    return problems


def check_plugin(plugin: str, fixtures: Path | str, *, registry: Optional[Registry] = None) -> dict[str, list[str]]:
    """Check every case in ``fixtures/<plugin>/``; returns {case name: problems} for failing cases."""
    root = Path(fixtures) / plugin
    cases = sorted(p for p in root.iterdir() if p.is_dir() and (p / "expected.json").exists())
    if not cases:
        return {str(root): ["no fixture cases (a directory with an input file and expected.json)"]}
    results = {case.name: check_case(case, plugin=plugin, registry=registry) for case in cases}
    return {name: probs for name, probs in results.items() if probs}
