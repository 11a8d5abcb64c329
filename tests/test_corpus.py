"""The development corpus: openings of real reports from publishers the seeds do not cover.

``tests/corpus/*.txt`` are unchanged copies of ``../shared/corpus`` (CI has no
``../shared``): each the first ~700 characters of a scraped page, chrome included, cut
off mid-text. ``tests/corpus/expected.json`` was written by reading them; per file:

- ``record``: a projection of ``zhenggai.to_dict(record)`` (``zhenggai.testing.conformance.match``
  rules) — the title, the issuer as the title names it (an opening has no signature
  block), the chrome's 发布时间/来源 where printed, and the inspection block as the
  opening states it;
- ``first_paragraph``: ``paragraphs[0]``, the body's first paragraph as printed — so no
  chrome line stands before it;
- ``chrome``: the page's chrome lines (breadcrumbs, info lines, font-size widgets, "•"
  disclosure tables, newspaper headers, title repeats); each must be in ``removed`` and
  none in ``paragraphs``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import zhenggai
from zhenggai.testing.conformance import match
from zhenggai.text import fold

from support import CORPUS

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
_SPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    """Folded, without any whitespace: a line as printed vs. as cleaned."""
    return _SPACE.sub("", fold(text))


def test_every_opening_has_expectations() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is not here (a clean clone)")
def test_the_copies_are_unchanged() -> None:
    for name in EXPECTED:
        assert (CORPUS / name).read_bytes() == (SHARED / name).read_bytes(), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_opening(name: str) -> None:
    expected = EXPECTED[name]
    record = zhenggai.normalize(CORPUS / name)
    problems = match(expected["record"], zhenggai.to_dict(record))
    first = record.paragraphs[0] if record.paragraphs else None
    problems += match(expected["first_paragraph"], first, "record.paragraphs[0]")
    removed = {_squash(r.text) for r in record.removed}
    kept = {_squash(p) for p in record.paragraphs}
    for line in expected["chrome"]:
        if _squash(line) not in removed:
            problems.append(f"chrome line not in removed: {line!r}")
        if _squash(line) in kept:
            problems.append(f"chrome line in paragraphs: {line!r}")
    assert not problems, "\n".join(problems)
