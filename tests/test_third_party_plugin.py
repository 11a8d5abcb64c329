"""A publisher plugin installed as its own distribution works with no change to the core.

``examples/zhenggai-qingchuan`` (the plugin ``docs/writing-a-plugin.md`` builds) is
installed with pip, offline and without build isolation, into a temporary directory —
not into this environment and not as part of this repository's package. Everything
that must see it runs in a subprocess with that directory on ``PYTHONPATH``: entry-point
discovery, ``zhenggai plugins``, ``zhenggai detect``, normalization, the conformance
check and the example's own pytest suite (its ``zhenggai_conformance`` fixture comes
from this project's ``pytest11`` plugin).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "zhenggai-qingchuan"
FIXTURES = EXAMPLE / "fixtures"
PAGE = FIXTURES / "qingchuan" / "001-html" / "page.html"
TUTORIAL = ROOT / "docs" / "writing-a-plugin.md"
TIMEOUT = 300

_VERSION = re.compile(r'^version\s*=\s*"([^"]+)"', re.MULTILINE)
_FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_OUTPUT_ATTR = re.compile(r'\boutput="([^"]+)"')
_DETECT_LINE = re.compile(r"^(?P<mark>[* ]) (?P<name>\S+)\s+(?P<score>\d+\.\d+)  (?P<reason>.*)$")


def _console_script() -> str:
    """The ``zhenggai`` command of this environment (the one a user types)."""
    found = shutil.which("zhenggai", path=os.pathsep.join([sysconfig.get_path("scripts"), os.environ.get("PATH", "")]))
    if found is None:
        pytest.fail("the zhenggai command is not installed (pip install -e '.[test]')")
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example installed with pip into a directory of its own.

    The source is copied first, so that the build's ``build/`` and ``*.egg-info`` stay out
    of the repository. ``--no-index`` with ``--no-build-isolation`` and ``--no-deps``:
    nothing is fetched; the build uses this environment's setuptools."""
    source = tmp_path_factory.mktemp("source") / EXAMPLE.name
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__", ".pytest_cache"))
    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "--quiet", "--target", str(target), str(source)],
        capture_output=True, text=True, timeout=TIMEOUT,
    )
    assert proc.returncode == 0, (
        "pip could not build and install the example offline; the build needs setuptools>=70.1 "
        f"(or setuptools with wheel) in this environment:\n{proc.stdout}\n{proc.stderr}"
    )
    return target


def _env(site: Path) -> dict[str, str]:
    """This environment, with the installed example first on the import path."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p)
    return env


def _run(site: Path, argv: list[str], cwd: Path) -> str:
    """Run ``argv`` with the example installed; fail the test on a non-zero exit."""
    proc = subprocess.run(argv, capture_output=True, text=True, encoding="utf-8", env=_env(site), cwd=cwd,
                          timeout=TIMEOUT)
    assert proc.returncode == 0, f"{argv} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def _zhenggai(site: Path, *args: str) -> str:
    """``zhenggai ARGS`` run in the example's folder, as the tutorial runs it."""
    return _run(site, [_console_script(), *args], cwd=EXAMPLE)


def _python(site: Path, code: str) -> str:
    """Python ``code`` run with the example installed (from a neutral directory, so that
    the example's source folder is not on the import path)."""
    return _run(site, [sys.executable, "-c", code], cwd=site.parent)


@pytest.fixture(scope="module")
def detect_lines(site: Path) -> list[re.Match[str]]:
    """``zhenggai detect`` on the example's fixture page, parsed line by line."""
    out = _zhenggai(site, "detect", str(PAGE.relative_to(EXAMPLE)))
    lines = [_DETECT_LINE.match(line) for line in out.splitlines()]
    assert all(lines), out
    return lines


def test_the_example_is_not_part_of_this_distribution() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "qingchuan" not in pyproject
    assert not (ROOT / "plugins" / "qingchuan.py").exists()


def test_plugins_lists_it_with_version_and_distribution(site: Path) -> None:
    version = _VERSION.search((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8")).group(1)
    entries = {e["name"]: e for e in json.loads(_zhenggai(site, "plugins", "--json"))}
    assert entries["qingchuan"]["version"] == version
    assert entries["qingchuan"]["distribution"] == "zhenggai-qingchuan"
    assert entries["generic"]["distribution"] == "zhenggai"
    table = _zhenggai(site, "plugins")
    assert re.search(rf"^qingchuan\s+{re.escape(version)}\s+zhenggai-qingchuan\s", table, re.MULTILINE), table


def test_detect_ranks_it_first_with_a_clear_margin_over_generic(detect_lines: list[re.Match[str]]) -> None:
    first = detect_lines[0]
    assert (first["mark"], first["name"]) == ("*", "qingchuan")
    assert "host www.qingchuan.example" in first["reason"]
    generic = next(m for m in detect_lines if m["name"] == "generic")
    assert float(first["score"]) - float(generic["score"]) >= 0.5


def test_detect_names_the_layout_signature(detect_lines: list[re.Match[str]]) -> None:
    assert "layout signature" in detect_lines[0]["reason"]


def test_normalizes_its_page_and_passes_the_conformance_check(site: Path) -> None:
    out = _python(site, f"""
import json
import zhenggai
from zhenggai.testing.conformance import check_plugin
own = zhenggai.normalize({str(PAGE)!r})
generic = zhenggai.normalize({str(PAGE)!r}, plugin="generic")
print(json.dumps({{
    "plugin": own.publisher.plugin,
    "removed": [[r.rule, r.text] for r in own.removed if r.rule.startswith("qingchuan:")],
    "statuses": [p.status for p in own.problems],
    "generic": [[p.id, p.status] for p in generic.problems],
    "conformance": check_plugin("qingchuan", {str(FIXTURES)!r}),
}}, ensure_ascii=False))
""")
    result = json.loads(out)
    assert result["plugin"] == "qingchuan"
    assert result["conformance"] == {}
    # Its chrome rules took the two lines of its own site (and nothing else).
    assert result["removed"] == [
        ["qingchuan:column-banner", "晴川新区门户网站 · 巡察整改专栏"],
        ["qingchuan:reading-hint", "【阅读提示】全文约2400字 预计阅读6分钟"],
    ]
    # Its layout extension is what finds the 【问题N】 items and their 当前进度 lines:
    # the genre alone takes the three headings that group them, without statuses.
    assert result["statuses"] == ["completed", "in_progress", "completed", "completed", "long_term"]
    assert result["generic"] == [["二/(一)", None], ["二/(二)", None], ["二/(三)", None]]


def test_its_own_test_suite_passes_with_the_pytest_plugin(site: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE / "tests")],
        capture_output=True, text=True, encoding="utf-8", env=_env(site), cwd=site.parent, timeout=TIMEOUT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"\b1 passed\b", proc.stdout), proc.stdout


def test_a_plugin_chrome_line_stays_a_line_of_its_own(site: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.read_text(encoding="utf-8").replace(
        "【阅读提示】全文约2400字 预计阅读6分钟", "【阅读提示】全文约2400字，预计阅读6分钟"), encoding="utf-8")
    out = _python(site, f"""
import json
import zhenggai
record = zhenggai.normalize({str(page)!r})
print(json.dumps([list(record.addressees), [r.text for r in record.removed if r.rule == "qingchuan:reading-hint"]],
                 ensure_ascii=False))
""")
    addressees, hints = json.loads(out)
    assert addressees == ["各党组织", "各部门", "各单位"]
    assert hints == ["【阅读提示】全文约2400字，预计阅读6分钟"]


def test_the_tutorial_shows_what_the_commands_print(site: Path) -> None:
    """Each ``output="zhenggai …"`` block of the tutorial: its lines appear in what the
    command prints, in order (``…`` stands for lines left out)."""
    blocks = [(m.group(1), body) for info, body in
              ((f["info"], f["body"]) for f in _FENCE.finditer(TUTORIAL.read_text(encoding="utf-8")))
              for m in [_OUTPUT_ATTR.search(info)] if m]
    assert blocks, "the tutorial shows no command output"
    for command, body in blocks:
        argv = shlex.split(command)
        assert argv[0] == "zhenggai", command
        actual = _zhenggai(site, *argv[1:]).splitlines()
        shown = [line for line in body.splitlines() if line.strip() != "…"]
        if "…" not in body:
            assert shown == actual, command
            continue
        it = iter(actual)
        missing = [line for line in shown if not any(line == a for a in it)]
        assert not missing, f"{command}: not printed (in this order): {missing}\nactual:\n" + "\n".join(actual)
