"""The plugin tutorial shows the example's real files, so the two cannot drift apart.

In ``docs/writing-a-plugin.md`` a fenced block whose info string has
``title="PATH"`` is the whole of ``examples/zhenggai-qingchuan/PATH``; one with
``excerpt="PATH"`` is a run of consecutive lines of that file. The command outputs
(``output="zhenggai …"``) are checked by ``tests/test_third_party_plugin.py``, which
installs the example.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "zhenggai-qingchuan"
TUTORIAL = ROOT / "docs" / "writing-a-plugin.md"

# Code files of the example the tutorial must show in full.
SHOWN_IN_FULL = ("pyproject.toml", "zhenggai_qingchuan.py", "tests/test_conformance.py")

_FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_ATTR = re.compile(r'\b(?P<kind>title|excerpt)="(?P<path>[^"]+)"')


def _blocks(kind: str) -> list[tuple[str, str]]:
    """(path, body) of the tutorial's blocks that name a file as ``kind``."""
    out = []
    for fence in _FENCE.finditer(TUTORIAL.read_text(encoding="utf-8")):
        attr = _ATTR.search(fence["info"])
        if attr and attr["kind"] == kind:
            out.append((attr["path"], fence["body"]))
    return out


def _file(path: str) -> str:
    target = EXAMPLE / path
    assert target.is_file(), f"the tutorial names {path}, which is not a file of {EXAMPLE.relative_to(ROOT)}"
    return target.read_text(encoding="utf-8")


def test_every_code_file_of_the_example_is_shown_in_full() -> None:
    shown = {path for path, _ in _blocks("title")}
    assert set(SHOWN_IN_FULL) <= shown, f"not shown: {sorted(set(SHOWN_IN_FULL) - shown)}"


@pytest.mark.parametrize("path,body", _blocks("title"), ids=lambda v: v if "\n" not in v else "")
def test_a_file_block_is_the_file(path: str, body: str) -> None:
    assert body == _file(path), f"docs/writing-a-plugin.md: the block titled {path} differs from the file"


@pytest.mark.parametrize("path,body", _blocks("excerpt"), ids=lambda v: v if "\n" not in v else "")
def test_an_excerpt_is_consecutive_lines_of_the_file(path: str, body: str) -> None:
    lines = _file(path).splitlines(keepends=True)
    shown = body.splitlines(keepends=True)
    assert shown, f"empty excerpt of {path}"
    starts = range(len(lines) - len(shown) + 1)
    assert any(lines[i : i + len(shown)] == shown for i in starts), (
        f"docs/writing-a-plugin.md: an excerpt of {path} is not a run of its lines:\n{body}")
