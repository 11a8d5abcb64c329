"""normalize(): inputs of every kind, plugin selection, failing plugins, determinism."""

import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import zhenggai
from zhenggai import Claim, EmptyInputError, InputError, Parts, PluginError, PublisherInfo, hookimpl
from zhenggai.plugins import Registry, default_registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_000 = next((FIXTURES / "liaoning" / "000-text").glob("*.txt"))
SEED_004 = next((FIXTURES / "zhejiang" / "004-text").glob("*.txt"))
ALL_INPUTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html") and p.parent.name[:3].isdigit())


def test_path_bytes_and_str_give_the_same_record():
    by_path = zhenggai.normalize(SEED_000, enrich=False)
    by_str_path = zhenggai.normalize(str(SEED_000), enrich=False)
    by_bytes = zhenggai.normalize(SEED_000.read_bytes(), enrich=False)
    by_text = zhenggai.normalize(SEED_000.read_text(encoding="utf-8"), enrich=False)
    assert by_path == by_str_path
    assert by_path.source.path == str(SEED_000) and by_bytes.source.path is None
    for other in (by_bytes, by_text):
        assert attrs.evolve(other, source=by_path.source) == by_path


def test_str_content_is_given_utf8():
    record = zhenggai.normalize(SEED_000.read_text(encoding="utf-8"), enrich=False)
    assert (record.source.encoding, record.source.encoding_source) == ("utf-8", "given")


@pytest.mark.parametrize("source", [b"", b"   \n\t ", "   "])
def test_empty_input_is_a_typed_error(source):
    with pytest.raises(EmptyInputError):
        zhenggai.normalize(source)


def test_missing_file_is_a_typed_error(tmp_path):
    with pytest.raises(InputError, match="nope.html"):
        zhenggai.normalize(tmp_path / "nope.html")


def test_unknown_forced_plugin_is_a_plugin_error():
    with pytest.raises(PluginError, match="no publisher plugin named 'atlantis'"):
        zhenggai.normalize(SEED_000, plugin="atlantis", enrich=False)


def test_forcing_generic_still_parses_the_seed():
    record = zhenggai.normalize(SEED_000, plugin="generic", enrich=False)
    assert record.publisher.plugin == "generic"
    assert record.issuer == "中共盘锦辽东湾新区工作委员会" and len(record.problems) >= 25


class _Greedy:
    """Claims everything with certainty, then fails in the way it is told to."""

    def __init__(self, fail):
        self.fail = fail

    @hookimpl
    def zhenggai_publisher_info(self):
        return PublisherInfo(label="greedy", priority=100)

    @hookimpl
    def zhenggai_claim(self, document):
        return Claim(score=1.0, reason="claims everything")

    @hookimpl
    def zhenggai_parse(self, document):
        if self.fail == "raise":
            raise KeyError("layout table missing")
        if self.fail == "wrong-type":
            return {"problems": []}
        return Parts()

    @hookimpl
    def zhenggai_enrich(self, record, document):
        if self.fail == "enrich":
            raise ValueError("enrichment exploded")
        return None


def _with(plugin) -> Registry:
    reg = Registry()
    reg.register(plugin, "greedy")
    return reg


@pytest.mark.parametrize("fail", ["raise", "wrong-type"])
def test_a_failing_parser_falls_back_to_the_next_candidate_with_a_warning(fail):
    record = zhenggai.normalize(SEED_000, registry=_with(_Greedy(fail)), enrich=False)
    assert record.publisher.plugin == "liaoning"
    assert any("'greedy'" in w and "zhenggai_parse" in w for w in record.warnings)
    assert len(record.problems) == 30


def test_a_failing_enrich_hook_is_skipped_with_a_warning():
    record = zhenggai.normalize(SEED_004, registry=_with(_Greedy("enrich")), enrich=False)
    assert any("enrichment exploded" in w for w in record.warnings)


def test_when_every_plugin_fails_the_error_names_them():
    reg = Registry(entry_points=False)
    reg.register(_Greedy("raise"), "greedy")
    with pytest.raises(PluginError, match="greedy"):
        zhenggai.normalize(SEED_000, registry=reg, enrich=False)


@pytest.mark.parametrize("path", ALL_INPUTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_each_fixture_is_claimed_by_its_province_with_a_margin_over_generic(path):
    from zhenggai.detect import rank
    from zhenggai.pipeline import prepare

    ranked = rank(prepare(path), default_registry())
    scores = {c.name: c.score for c in ranked}
    assert ranked[0].name == path.parent.parent.name
    assert ranked[0].score - scores["generic"] >= 0.5


def test_same_bytes_same_json_across_processes():
    code = ("import sys, zhenggai, pathlib; "
            "[sys.stdout.write(zhenggai.dumps(zhenggai.normalize(pathlib.Path(p))) + '\\n') for p in sys.argv[1:]]")
    args = [sys.executable, "-c", code, *map(str, ALL_INPUTS)]
    first = subprocess.run(args, capture_output=True, check=True).stdout
    second = subprocess.run(args, capture_output=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": "123", "LC_ALL": "C"}).stdout
    assert first == second and first.count(b"\n") == len(ALL_INPUTS)
