"""Deliberately broken publisher plugins (issue 7): each failure is charged to its plugin.

A plugin that raises in a hook, returns the wrong type, or returns data that makes an
invalid record is skipped for the document: the next candidate parses it, the record's
warnings name the plugin and the hook, and nothing but ``zhenggai.errors`` types leaves
``normalize``. A plugin that cannot even be loaded (import error, bad publisher info)
is listed in the load errors and the others work.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import attrs
import pytest

import zhenggai
from zhenggai import ChromeRule, Claim, Parts, PluginError, PublisherInfo, hookimpl
from zhenggai.plugins import PluginFailure, Registry
from zhenggai.testing.conformance import invariants
from zhenggai_publishers import generic

# A small report in the genre from a publisher no plugin knows: 'generic' parses it when
# the broken plugin is skipped.
SEED = Path(__file__).resolve().parent / "hostile" / "control-report.html"
NEXT = "generic"


class Broken:
    """A plugin that claims every document with certainty and misbehaves in one hook.

    ``hook`` names the hook to break; ``behave`` returns what that hook gives (or
    raises). The other hooks behave: the plugin would win every document.
    """

    def __init__(self, hook: str, behave: Callable[..., Any]):
        self.hook, self.behave = hook, behave

    def _run(self, hook: str, default: Callable[[], Any], **kw: Any) -> Any:
        return self.behave(**kw) if self.hook == hook else default()

    @hookimpl
    def zhenggai_publisher_info(self) -> Any:
        return self._run("zhenggai_publisher_info", lambda: PublisherInfo(label="broken", priority=100))

    @hookimpl
    def zhenggai_claim(self, document: Any) -> Any:
        return self._run("zhenggai_claim", lambda: Claim(score=1.0, reason="claims everything"), document=document)

    @hookimpl
    def zhenggai_chrome_rules(self, document: Any) -> Any:
        return self._run("zhenggai_chrome_rules", lambda: (), document=document)

    @hookimpl
    def zhenggai_parse(self, document: Any) -> Any:
        from zhenggai.structure import parse_document

        return self._run("zhenggai_parse", lambda: parse_document(document), document=document)

    @hookimpl
    def zhenggai_enrich(self, record: Any, document: Any) -> Any:
        return self._run("zhenggai_enrich", lambda: None, record=record, document=document)


def registry_with(plugin: object) -> Registry:
    """The generic plugin plus ``plugin`` registered as 'broken'."""
    reg = Registry(entry_points=False)
    reg.register(generic.plugin, "generic")
    reg.register(plugin, "broken")
    return reg


def raise_(exc: BaseException) -> Callable[..., Any]:
    def behave(**_kw: Any) -> Any:
        raise exc

    return behave


def returns(value: Any) -> Callable[..., Any]:
    return lambda **_kw: value


def _parts_with(**changes: Any) -> Callable[..., Any]:
    """A parse that returns the generic parse of the document, then changed."""
    def behave(document: Any) -> Any:
        from zhenggai.structure import parse_document

        parts = parse_document(document)
        return attrs.evolve(parts, **{k: (v(parts) if callable(v) else v) for k, v in changes.items()})

    return behave


def _normalized_without_the_broken_plugin(reg: Registry, hook: str) -> zhenggai.Record:
    record = zhenggai.normalize(SEED, registry=reg, enrich=False)
    assert record.publisher.plugin == NEXT
    assert any("'broken'" in w and hook in w for w in record.warnings), record.warnings
    assert invariants(record) == []
    return record


# ------------------------------------------------------------------ raising in a hook


@pytest.mark.parametrize("hook", ["zhenggai_claim", "zhenggai_chrome_rules", "zhenggai_parse"])
@pytest.mark.parametrize("exc", [RuntimeError("boom"), KeyError("layout"), RecursionError("deep"),
                                 MemoryError(), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")],
                         ids=lambda e: type(e).__name__)
def test_a_hook_that_raises_is_skipped_and_named(hook: str, exc: Exception) -> None:
    reg = registry_with(Broken(hook, raise_(exc)))
    record = _normalized_without_the_broken_plugin(reg, hook)
    assert any(type(exc).__name__ in w for w in record.warnings)


def test_a_raising_enrich_hook_keeps_the_record_and_warns() -> None:
    reg = registry_with(Broken("zhenggai_enrich", raise_(ValueError("exploded"))))
    record = zhenggai.normalize(SEED, registry=reg, enrich=False)
    assert record.publisher.plugin == "broken"  # claim and parse worked
    assert any("'broken'" in w and "zhenggai_enrich" in w and "exploded" in w for w in record.warnings)


@pytest.mark.parametrize("hook", ["zhenggai_claim", "zhenggai_parse", "zhenggai_enrich"])
def test_system_exit_in_a_hook_is_a_plugin_failure_not_the_end_of_the_batch(hook: str) -> None:
    reg = registry_with(Broken(hook, raise_(SystemExit(3))))
    record = zhenggai.normalize(SEED, registry=reg, enrich=False)
    assert any("'broken'" in w and hook in w and "SystemExit" in w for w in record.warnings)


def test_keyboard_interrupt_is_not_swallowed() -> None:
    reg = registry_with(Broken("zhenggai_parse", raise_(KeyboardInterrupt())))
    with pytest.raises(KeyboardInterrupt):
        zhenggai.normalize(SEED, registry=reg, enrich=False)


# ------------------------------------------------------------------ wrong return types


@pytest.mark.parametrize("value", [0.9, "1.0", {"score": 1.0, "reason": "x"}, (1.0, "x"), True],
                         ids=["float", "str", "dict", "tuple", "bool"])
def test_a_claim_of_the_wrong_type_is_a_failure(value: Any) -> None:
    reg = registry_with(Broken("zhenggai_claim", returns(value)))
    record = _normalized_without_the_broken_plugin(reg, "zhenggai_claim")
    assert any(f"returned {type(value).__name__}" in w for w in record.warnings)


@pytest.mark.parametrize("score", [2, -0.1, float("nan"), "high"])
def test_a_claim_the_plugin_cannot_build_is_a_failure(score: Any) -> None:
    # Claim's validators raise inside the plugin's own hook.
    reg = registry_with(Broken("zhenggai_claim", lambda document: Claim(score=score, reason="sure")))
    _normalized_without_the_broken_plugin(reg, "zhenggai_claim")


@pytest.mark.parametrize("value", [
    "^欢迎访问",
    [{"name": "x", "pattern": "^欢迎"}],
    ChromeRule(name="single", pattern="^欢迎"),
    [ChromeRule(name="ok", pattern="^欢迎"), "^x"],
    42,
], ids=["str", "list-of-dicts", "bare-rule", "mixed-list", "int"])
def test_chrome_rules_of_the_wrong_type_are_a_failure(value: Any) -> None:
    reg = registry_with(Broken("zhenggai_chrome_rules", returns(value)))
    _normalized_without_the_broken_plugin(reg, "zhenggai_chrome_rules")


def test_an_invalid_chrome_pattern_fails_inside_the_plugin() -> None:
    reg = registry_with(Broken("zhenggai_chrome_rules", lambda document: [ChromeRule(name="bad", pattern="(")]))
    _normalized_without_the_broken_plugin(reg, "zhenggai_chrome_rules")


def test_a_chrome_rule_with_a_bad_field_is_charged_to_the_plugin() -> None:
    # ChromeRule validates its fields: building one with a str max_len fails in the hook
    def bad_rules(document: Any) -> list[ChromeRule]:
        return [ChromeRule(name="bad", pattern="^欢迎", max_len="120")]  # type: ignore[arg-type]

    reg = registry_with(Broken("zhenggai_chrome_rules", bad_rules))
    _normalized_without_the_broken_plugin(reg, "zhenggai_chrome_rules")


def test_chrome_rules_that_remove_everything_are_charged_to_the_plugin() -> None:
    reg = registry_with(Broken("zhenggai_chrome_rules", returns([ChromeRule(name="all", pattern=".", max_len=10**6)])))
    _normalized_without_the_broken_plugin(reg, "zhenggai_chrome_rules")


@pytest.mark.parametrize("value", [{"problems": []}, [], "parts", Parts, PublisherInfo(label="x")],
                         ids=["dict", "list", "str", "class", "other-attrs-object"])
def test_parse_results_of_the_wrong_type_are_a_failure(value: Any) -> None:
    reg = registry_with(Broken("zhenggai_parse", returns(value)))
    _normalized_without_the_broken_plugin(reg, "zhenggai_parse")


def test_a_parse_returning_none_passes_to_the_next_candidate_without_blame() -> None:
    reg = registry_with(Broken("zhenggai_parse", returns(None)))
    record = zhenggai.normalize(SEED, registry=reg, enrich=False)
    assert record.publisher.plugin == NEXT


_INVALID_PARTS = {
    "duplicate-ids": _parts_with(problems=lambda p: (*p.problems, p.problems[0])),
    "problem-is-a-dict": _parts_with(problems=lambda p: ({"id": "x", "title": "t"},)),
    "problem-is-a-str": _parts_with(problems=("一/1",)),
    "heading-is-a-str": _parts_with(outline=("一、",)),
    "warning-is-an-int": _parts_with(warnings=(1,)),
    "empty-publisher-name": _parts_with(publisher_name=""),
}


@pytest.mark.parametrize("name", sorted(_INVALID_PARTS))
def test_parts_that_make_an_invalid_record_are_charged_to_the_plugin(name: str) -> None:
    reg = registry_with(Broken("zhenggai_parse", _INVALID_PARTS[name]))
    _normalized_without_the_broken_plugin(reg, "zhenggai_parse")


@pytest.mark.parametrize("value", [{"title": "x"}, "record", [], 0],
                         ids=["dict", "str", "list", "int"])
def test_enrich_results_of_the_wrong_type_are_skipped(value: Any) -> None:
    reg = registry_with(Broken("zhenggai_enrich", returns(value)))
    record = zhenggai.normalize(SEED, registry=reg, enrich=False)
    plain = zhenggai.normalize(SEED, registry=registry_with(Broken("none", returns(None))), enrich=False)
    assert any("'broken'" in w and "zhenggai_enrich" in w for w in record.warnings)
    assert attrs.evolve(record, warnings=plain.warnings) == plain


def test_an_enrich_hook_that_cannot_build_its_record_is_skipped() -> None:
    def duplicate(record: zhenggai.Record, document: Any) -> zhenggai.Record:
        return attrs.evolve(record, problems=(*record.problems, record.problems[0]))

    reg = registry_with(Broken("zhenggai_enrich", duplicate))
    record = zhenggai.normalize(SEED, registry=reg, enrich=False)
    assert any("duplicate ids" in w and "zhenggai_enrich" in w for w in record.warnings)
    assert invariants(record) == []


def test_an_enriched_record_with_wrong_element_types_is_skipped() -> None:
    reg = registry_with(Broken("zhenggai_enrich", lambda record, document: attrs.evolve(record, keywords=(1, 2))))
    record = zhenggai.normalize(SEED, registry=reg, enrich=False)
    assert invariants(record) == []


def test_when_every_candidate_fails_the_error_names_them() -> None:
    reg = Registry(entry_points=False)
    reg.register(Broken("zhenggai_parse", raise_(RuntimeError("no layout"))), "broken")
    with pytest.raises(PluginError, match="'broken' failed in zhenggai_parse: RuntimeError: no layout") as info:
        zhenggai.normalize(SEED, registry=reg, enrich=False)
    assert info.value.exit_code == 7 and info.value.source == str(SEED)


# ------------------------------------------------------------------ failing at load


@pytest.mark.parametrize("behave", [raise_(RuntimeError("no info")), returns({"label": "x"}), returns("x")],
                         ids=["raises", "dict", "str"])
def test_a_plugin_whose_publisher_info_fails_is_not_loaded(behave: Callable[..., Any]) -> None:
    reg = Registry(entry_points=False)
    reg.register(generic.plugin, "generic")
    with pytest.raises(ValueError, match="'broken' could not be loaded"):
        reg.register(Broken("zhenggai_publisher_info", behave), "broken")
    assert reg.get("broken") is None
    assert any("'broken'" in e for e in reg.load_errors)
    record = zhenggai.normalize(SEED, registry=reg, enrich=False)
    assert record.publisher.plugin == NEXT


def test_registry_call_turns_a_failing_check_into_a_plugin_failure() -> None:
    def picky(result: Any) -> bool:
        raise ValueError("score out of range")

    reg = Registry(entry_points=False)
    reg.register(Broken("none", returns(None)), "broken")
    with pytest.raises(PluginFailure, match="'broken' failed in zhenggai_claim: .*score out of range"):
        reg.call("broken", "zhenggai_claim", check=picky, document=None)


# Entry points of a distribution on sys.path that cannot be imported or is not a plugin.
_DIST_INFO = """\
Metadata-Version: 2.1
Name: zhenggai-broken-plugins
Version: 0.0.1
"""
_ENTRY_POINTS = """\
[zhenggai.publishers]
broken_import = broken_plugins.import_error
broken_attr = broken_plugins.fine:no_such_object
broken_exit = broken_plugins.exits
broken_info = broken_plugins.fine:no_info
"""


def _broken_distribution(root: Path) -> None:
    pkg = root / "broken_plugins"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "import_error.py").write_text("import zhenggai_no_such_dependency\n")
    (pkg / "exits.py").write_text("import sys\nsys.exit('plugin module called sys.exit')\n")
    (pkg / "fine.py").write_text("no_info = object()\n")
    info = root / "zhenggai_broken_plugins-0.0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(_DIST_INFO)
    (info / "entry_points.txt").write_text(_ENTRY_POINTS)


def _run(args: list[str], root: Path, **kw: Any) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, "-m", "zhenggai.cli", *args], capture_output=True, text=True,
                          env=env, timeout=300, **kw)


def test_entry_points_that_fail_to_load_are_reported_and_the_rest_work(tmp_path: Path) -> None:
    _broken_distribution(tmp_path)
    listed = _run(["plugins", "--json"], tmp_path)
    assert listed.returncode == 0, listed.stderr
    names = {p["name"] for p in json.loads(listed.stdout)}
    assert {"generic", "liaoning", "fujian", "hunan", "zhejiang"} <= names
    assert not names & {"broken_import", "broken_attr", "broken_exit", "broken_info"}
    for name, error in [("broken_import", "ModuleNotFoundError"), ("broken_attr", "AttributeError"),
                        ("broken_exit", "SystemExit"), ("broken_info", "no zhenggai_publisher_info")]:
        assert f"plugin '{name}' could not be loaded" in listed.stderr and error in listed.stderr, listed.stderr
    assert "Traceback" not in listed.stderr

    out = tmp_path / "out.jsonl"
    done = _run(["normalize", str(SEED), "--no-enrich", "-o", str(out)], tmp_path)
    assert done.returncode == 0, done.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["publisher"]["plugin"] == NEXT
    assert any("'broken_import' could not be loaded" in w for w in record["warnings"])
    assert "Traceback" not in done.stderr
