"""The command as users run it: normalize (stdin, table), plugins, detect, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_004 = next((FIXTURES / "zhejiang" / "004-text").glob("*.txt"))


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "zhenggai.cli", *args], input=stdin,
                          capture_output=True, timeout=300)


def test_normalize_reads_standard_input():
    done = run("normalize", "-", "--no-enrich", "--workers", "1", stdin=SEED_004.read_bytes())
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["issuer"] == "中共绍兴滨海新区工作委员会" and record["source"]["path"] is None


def test_standard_input_over_the_limit_is_refused_with_its_exit_code():
    done = run("normalize", "-", "--no-enrich", "--workers", "1", "--max-bytes", "1000",
               stdin=SEED_004.read_bytes())
    assert done.returncode == 6
    error = json.loads(done.stderr.decode("utf-8").splitlines()[0])
    assert error["error"] == "InputTooLargeError"


def test_a_missing_file_gives_an_error_line_and_the_rest_goes_on(tmp_path):
    done = run("normalize", str(tmp_path / "missing.html"), str(SEED_004), "--no-enrich", "--workers", "1")
    assert done.returncode == 3
    assert len(done.stdout.decode("utf-8").splitlines()) == 1
    assert "missing.html" in done.stderr.decode("utf-8")


def test_table_of_the_bundled_fixtures():
    done = run("normalize", str(FIXTURES / "zhejiang"), "--table", "--no-enrich", "--workers", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines[0].split()[:2] == ["input", "plugin"] and len(lines) == 3
    assert all("zhejiang" in line and "省委第七巡视组" in line for line in lines[1:])


def test_plugins_lists_every_builtin_with_its_distribution():
    done = run("plugins", "--json")
    listed = {p["name"]: p for p in json.loads(done.stdout)}
    assert {"generic", "liaoning", "fujian", "hunan", "zhejiang"} <= set(listed)
    assert listed["hunan"]["distribution"] == "zhenggai" and listed["hunan"]["province"] == "湖南省"


def test_detect_shows_every_plugin_best_first():
    done = run("detect", str(FIXTURES / "hunan" / "003-html" / "page.html"))
    lines = done.stdout.decode("utf-8").splitlines()
    assert lines[0].startswith("* hunan") and "巴陵风纪网" in lines[0]
    assert len(lines) >= 5 and any(line.split()[0] == "generic" for line in lines[1:])
