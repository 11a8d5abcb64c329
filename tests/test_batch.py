"""normalize_many: one result per input, in order; workers agree byte for byte; a plugin
that hangs, a worker that dies and a document over its time limit cost one input only.

Worker processes are spawned, so they import this module by name to find
``registry_with_test_plugins`` (pytest puts ``tests/`` on ``sys.path``, and spawned
workers inherit it): the misbehaving plugins below are module-level for that reason.
"""

import itertools
import os
import signal
import time
from pathlib import Path

import pytest

import zhenggai
from zhenggai import Claim, InputError, PublisherInfo, ZhenggaiError, hookimpl
from zhenggai import batch
from zhenggai.batch import TIMEOUT_ERROR, WORKER_DIED, ErrorResult, normalize_many
from zhenggai.plugins import Registry

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = sorted(FIXTURES.glob("*/*-text/*.txt"))
PAGES = sorted(FIXTURES.glob("*/*-html/page.html"))

needs_timer = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="per-document timer needs SIGALRM")


# --------------------------------------------------------------------------- plugins that misbehave


class _Misbehaving:
    """Claims documents whose file name starts with ``marker`` above every real plugin,
    then misbehaves in ``zhenggai_parse``."""

    def __init__(self, marker: str):
        self.marker = marker

    @hookimpl
    def zhenggai_publisher_info(self) -> PublisherInfo:
        return PublisherInfo(label=f"test plugin that {self.marker}s", province=None, priority=100)

    @hookimpl
    def zhenggai_claim(self, document):
        return Claim(score=0.99, reason="test") if Path(document.source_name).name.startswith(self.marker) else None


class _Sleepy(_Misbehaving):
    @hookimpl
    def zhenggai_parse(self, document):
        time.sleep(3600)


class _Stubborn(_Misbehaving):
    """Swallows the time limit's exception and goes on hanging: only a kill stops it."""

    @hookimpl
    def zhenggai_parse(self, document):
        while True:
            try:
                time.sleep(3600)
            except Exception:
                pass


class _Crashing(_Misbehaving):
    @hookimpl
    def zhenggai_parse(self, document):
        os._exit(3)


def registry_with_test_plugins() -> Registry:
    """The built-in plugins plus the three misbehaving ones (built in each worker)."""
    registry = Registry()
    registry.register(_Sleepy("sleep"), "sleepy")
    registry.register(_Stubborn("hang"), "stubborn")
    registry.register(_Crashing("crash"), "crashing")
    return registry


def failing_registry() -> Registry:
    raise RuntimeError("no registry today")


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def mixed(tmp_path):
    """Good reports (text and HTML), an empty file, binary junk, a blank file, a missing
    path and in-memory bytes, interleaved."""
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.html"
    junk.write_bytes(bytes(range(256)) * 40)
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \r\n\t\n")
    return [str(SEEDS[0]), str(empty), PAGES[1], str(junk), str(tmp_path / "missing.html"),
            SEEDS[2].read_bytes(), str(blank), str(SEEDS[4])]


def _dump(result):
    return zhenggai.dumps(result) if isinstance(result, zhenggai.Record) else result


def _copy(seed: Path, to: Path) -> str:
    to.write_bytes(seed.read_bytes())
    return str(to)


# --------------------------------------------------------------------------- the contract


def test_serial_yields_one_result_per_input_in_order(mixed, tmp_path):
    results = list(normalize_many(mixed, workers=1, enrich=False))
    assert len(results) == len(mixed)
    kinds = [type(r).__name__ if isinstance(r, zhenggai.Record) else r.error for r in results]
    assert kinds[:2] == ["Record", "EmptyInputError"]
    assert kinds[4] == "InputError" and kinds[6] == "EmptyInputError"
    assert kinds[5] == kinds[7] == "Record"
    with pytest.raises(zhenggai.EmptyInputError) as raised:
        zhenggai.normalize(mixed[1])
    assert results[1] == ErrorResult(mixed[1], "EmptyInputError", str(raised.value), 5)
    assert results[4].input == str(tmp_path / "missing.html") and results[4].exit_code == 3
    for source, result in zip(mixed, results):
        if isinstance(result, zhenggai.Record):
            assert zhenggai.dumps(result) == zhenggai.dumps(zhenggai.normalize(source, enrich=False))


def test_two_workers_give_the_bytes_of_a_serial_run(mixed):
    inputs = mixed + [PAGES[0], memoryview(PAGES[2].read_bytes()), 42]
    serial = [_dump(r) for r in normalize_many(inputs, workers=1)]
    pooled = [_dump(r) for r in normalize_many(inputs, workers=2, chunksize=2)]
    assert pooled == serial
    assert serial[-1] == ErrorResult("<int>", "InputError", serial[-1].message, 3)


def _plugin_and_title(record):
    return record.publisher.plugin, record.title


def _refuse(record):
    raise RuntimeError(f"no thanks: {record.doc_id}")


def test_then_runs_in_the_workers_and_its_result_is_yielded(mixed):
    records = [r for r in normalize_many(mixed, workers=1, enrich=False) if isinstance(r, zhenggai.Record)]
    pooled = [r for r in normalize_many(mixed, workers=2, enrich=False, then=_plugin_and_title)
              if not isinstance(r, ErrorResult)]
    assert pooled == [_plugin_and_title(r) for r in records]
    refused = list(normalize_many(mixed, workers=2, enrich=False, then=_refuse))
    assert len(refused) == len(mixed) and all(isinstance(r, ErrorResult) for r in refused)
    assert sum(r.message.startswith("then=_refuse failed on this record: RuntimeError: no thanks")
               for r in refused) == len(records)


def test_inputs_are_taken_lazily_and_closing_stops_the_workers():
    taken = []

    def endless():
        for i in itertools.count():
            taken.append(i)
            yield str(SEEDS[i % len(SEEDS)])

    serial = normalize_many(endless(), workers=1, enrich=False)
    next(serial)
    assert taken == [0]
    serial.close()

    taken.clear()
    pooled = normalize_many(endless(), workers=2, chunksize=2, enrich=False)
    first = list(itertools.islice(pooled, 3))
    assert [r.source.path for r in first] == [str(p) for p in SEEDS[:3]]
    assert len(taken) <= 2 * 2 * 4 + 3  # the window: workers x chunk x 4, plus those yielded
    pooled.close()


@needs_timer
def test_hangs_and_crashes_cost_one_input_each(tmp_path):
    good = _copy(SEEDS[1], tmp_path / "good.txt")  # the shortest seeds: far below the limit
    inputs = [good, _copy(SEEDS[4], tmp_path / "sleep.txt"), good, _copy(SEEDS[1], tmp_path / "hang.txt"),
              good, _copy(SEEDS[1], tmp_path / "crash.txt"), good]
    started = time.monotonic()
    results = list(normalize_many(inputs, workers=1, timeout=2, chunksize=2, enrich=False,
                                  registry_factory=registry_with_test_plugins))
    assert time.monotonic() - started < 60
    assert len(results) == len(inputs)
    reference = zhenggai.dumps(zhenggai.normalize(good, enrich=False))
    assert [zhenggai.dumps(results[i]) for i in (0, 2, 4, 6)] == [reference] * 4, results
    # A plugin that sleeps is interrupted in its hook: charged with it, the next candidate parses.
    slept = results[1]
    assert slept.publisher.plugin == zhenggai.normalize(inputs[1], enrich=False).publisher.plugin
    assert any("'sleepy'" in w and "zhenggai_parse" in w and "time limit of 2 s" in w for w in slept.warnings)
    # A plugin that swallows the interruption is killed with its worker; so is one that crashes.
    assert results[3] == ErrorResult(inputs[3], TIMEOUT_ERROR, results[3].message, 1)
    assert "stopped and replaced" in results[3].message
    assert results[5] == ErrorResult(inputs[5], WORKER_DIED, results[5].message, 1)
    assert "exit code 3" in results[5].message


@needs_timer
def test_a_document_over_its_limit_outside_any_plugin_is_a_timeout_result(monkeypatch):
    """Where no plugin runs, the interruption ends the document: a TimeoutError result."""
    monkeypatch.setattr(batch, "normalize", lambda source, **kwargs: time.sleep(30))
    previous = signal.getsignal(signal.SIGALRM)
    try:
        runner = batch._Runner(batch._Options(enrich=False, kwargs={}, timeout=0.2))
        started = time.monotonic()
        result = runner.run("slow.html")
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 5
    assert result == ErrorResult("slow.html", TIMEOUT_ERROR, "time limit of 0.2 s per document exceeded", 1)


def test_a_worker_that_cannot_start_is_an_error():
    with pytest.raises(ZhenggaiError, match="could not start: RuntimeError: no registry today"):
        list(normalize_many([str(SEEDS[0])], workers=2, registry_factory=failing_registry, enrich=False))


@pytest.mark.parametrize("kwargs, error", [
    ({"workers": 0}, InputError),
    ({"workers": True}, InputError),
    ({"chunksize": -1}, InputError),
    ({"timeout": 0}, InputError),
    ({"timeout": "5"}, InputError),
    ({"registry": Registry()}, TypeError),
    ({"colour": "blue"}, TypeError),
])
def test_bad_arguments_fail_before_any_work(kwargs, error):
    with pytest.raises(error):
        normalize_many([str(SEEDS[0])], **kwargs)


def test_one_source_instead_of_many_is_refused():
    with pytest.raises(InputError, match="iterable of sources"):
        normalize_many(str(SEEDS[0]))
