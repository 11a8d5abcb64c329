"""The registry: lazy entry points, declared priorities, isolation of failing plugins."""

import subprocess
import sys

import pytest

from zhenggai import Claim, Document, PublisherInfo, hookimpl
from zhenggai.detect import rank
from zhenggai.plugins import PluginFailure, Registry, default_registry

DOC = Document(source_name="<test>", media_type="text/plain", title="关于巡察整改情况的通报",
               paragraphs=("根据市委统一部署,市委第二巡察组对新区进行了巡察。",))


class Fixed:
    """A plugin that claims every document with a fixed score."""

    def __init__(self, score, priority=0, label="fixed"):
        self.score, self.priority, self.label = score, priority, label

    @hookimpl
    def zhenggai_publisher_info(self):
        return PublisherInfo(label=self.label, priority=self.priority)

    @hookimpl
    def zhenggai_claim(self, document):
        return Claim(score=self.score, reason=f"always {self.score}")


class Raising(Fixed):
    @hookimpl
    def zhenggai_claim(self, document):
        raise RuntimeError("boom")


class WrongType(Fixed):
    @hookimpl
    def zhenggai_claim(self, document):
        return 0.9


def _registry(**plugins):
    reg = Registry(entry_points=False)
    for name, plugin in plugins.items():
        reg.register(plugin, name)
    return reg


def test_highest_claim_wins():
    ranked = rank(DOC, _registry(low=Fixed(0.2), high=Fixed(0.8)))
    assert [c.name for c in ranked] == ["high", "low"]


@pytest.mark.parametrize("order", [("a", "b"), ("b", "a")])
def test_ties_are_broken_by_declared_priority_not_registration_order(order):
    plugins = {"a": Fixed(0.5, priority=0), "b": Fixed(0.5, priority=10)}
    reg = _registry(**{name: plugins[name] for name in order})
    assert rank(DOC, reg)[0].name == "b"


@pytest.mark.parametrize("order", [("x", "y"), ("y", "x")])
def test_full_ties_are_ordered_by_name(order):
    reg = _registry(**{name: Fixed(0.5) for name in order})
    assert [c.name for c in rank(DOC, reg)] == ["x", "y"]


def test_a_raising_claim_is_isolated_and_reported():
    ranked = rank(DOC, _registry(bad=Raising(0.9), good=Fixed(0.3)))
    assert ranked[0].name == "good"
    bad = next(c for c in ranked if c.name == "bad")
    assert bad.score == 0 and "RuntimeError: boom" in bad.failure


def test_a_wrong_return_type_is_a_failure():
    reg = _registry(wrong=WrongType(0.9))
    with pytest.raises(PluginFailure, match="returned float"):
        reg.call("wrong", "zhenggai_claim", check=Claim.__instancecheck__, document=DOC)


def test_a_plugin_without_publisher_info_is_refused():
    class Nameless:
        @hookimpl
        def zhenggai_claim(self, document):
            return None

    reg = Registry(entry_points=False)
    with pytest.raises(ValueError, match="no zhenggai_publisher_info"):
        reg.register(Nameless(), "nameless")
    assert reg.get("nameless") is None


def test_claim_scores_are_validated():
    with pytest.raises(ValueError):
        Claim(score=1.5, reason="too sure")


def test_builtin_plugins_come_from_entry_points_with_their_distribution():
    entries = {e.name: e for e in default_registry().entries()}
    assert {"generic", "liaoning", "fujian", "hunan", "zhejiang"} <= set(entries)
    assert entries["liaoning"].distribution == "zhenggai" and entries["liaoning"].version
    assert entries["liaoning"].info.province == "辽宁省"
    assert min(entries.values(), key=lambda e: e.info.priority).name == "generic"


def test_entry_points_are_loaded_lazily_not_at_import():
    code = ("import sys, zhenggai; "
            "assert not any(m.startswith('zhenggai_publishers') for m in sys.modules), 'loaded at import'; "
            "zhenggai.plugins.default_registry().entries(); "
            "assert 'zhenggai_publishers.liaoning' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
