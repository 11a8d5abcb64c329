"""Generated documentation stays in sync with the code; every documented page exists."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_generated_docs_are_up_to_date():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_record_field_is_in_the_reference():
    import attrs

    from zhenggai.record import Record

    text = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    for field in attrs.fields(Record):
        assert f"| `{field.name}` |" in text


def test_docs_linked_from_the_readme_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in sorted(set(re.findall(r"`(docs/[\w./-]+\.md)`", readme))):
        assert (ROOT / name).exists(), name


def test_readme_has_exactly_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", setup, flags=re.S)
    assert len(commands) == 2
    assert commands[1].strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_snapshot_script_sees_a_changed_output(tmp_path):
    """scripts/snapshot.py (the byte-for-byte check used when speeding things up)."""
    snapshot = tmp_path / "snap.json"
    run = [sys.executable, str(ROOT / "scripts" / "snapshot.py")]
    assert subprocess.run([*run, "write", str(snapshot), "--pages", "2"], capture_output=True).returncode == 0
    checked = subprocess.run([*run, "check", str(snapshot)], capture_output=True, text=True)
    same, total = checked.stdout.split()[0].split("/")
    assert checked.returncode == 0 and same == total and int(total) > 50
    saved = json.loads(snapshot.read_text(encoding="utf-8"))
    key = next(k for k in saved["outputs"] if k.startswith("bench/"))
    saved["outputs"][key] = saved["outputs"][key].replace('"schema_version": "1"', '"schema_version": "0"')
    snapshot.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    changed = subprocess.run([*run, "check", str(snapshot)], capture_output=True, text=True)
    assert changed.returncode == 1 and key in changed.stdout
