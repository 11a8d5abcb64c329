"""Batch normalization: many inputs, worker processes, exactly one result per input, in order.

``normalize_many`` yields, for each input in turn, either its ``Record`` or an
``ErrorResult`` naming the input, the error type and the message. Nothing is dropped:
a library error, a bug, a document over its time limit and a worker process that died
all become an ``ErrorResult`` for that one input, and the batch goes on.

How the work is spread (why it looks the way it does):

* Worker processes are started with the ``spawn`` method (safe with threads, the same on
  every platform). Each initializes the plugins and, when enriching, jieba and the
  topic lexicon once, before its first document.
* Inputs are taken from ``sources`` lazily and sent in chunks; at most ``window`` inputs
  are in flight (sent, or finished but waiting for an earlier one), so memory stays
  bounded however long the input and however slow one document is.
* Records come back in their wire form (``wire.pack``): cheaper than a pickle, and
  much cheaper than ``to_dict``/``from_dict`` (no re-validation), and exact, so a
  record is byte-identical (``dumps``) to the one a serial run gives.
* ``timeout`` limits each document. A worker arms a one-shot timer (``SIGALRM``, where
  the platform has it) that raises ``DocumentTimeout`` into whatever is running: inside
  a plugin hook the registry charges that plugin with it like any other plugin failure
  (a warning naming it, the next candidate parses); elsewhere the input yields a
  ``TimeoutError`` result. A worker that still does not answer (stuck in C code, or a
  plugin that swallows the exception) is killed at ``2 × timeout + 1`` s, its input
  yields a ``TimeoutError`` result and a new worker takes its place.
"""

from __future__ import annotations

import inspect
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Union

from attrs import frozen

from . import wire
from .errors import InputError, ZhenggaiError
from .load import load
from .pipeline import SourceLike, normalize
from .plugins import Registry, default_registry
from .record import Record

__all__ = ["DEFAULT_CHUNKSIZE", "TIMEOUT_ERROR", "WORKER_DIED", "DocumentTimeout", "ErrorResult", "Result",
           "default_workers", "normalize_many"]

DEFAULT_CHUNKSIZE = 4
"""Inputs sent to a worker at a time. A document takes tens to hundreds of milliseconds,
so a small chunk already makes messaging negligible and keeps the workers balanced."""

TIMEOUT_ERROR = "TimeoutError"
"""``ErrorResult.error`` of an input that exceeded the per-document time limit."""

WORKER_DIED = "WorkerDied"
"""``ErrorResult.error`` of an input whose worker process died while normalizing it."""

_GRACE = 1.0  # seconds on top of the hard limit: messaging, a busy machine
_HAS_TIMER = hasattr(signal, "setitimer")


@frozen
class ErrorResult:
    """The result of an input that gave no record (a value that is yielded, not raised).

    ``input`` names the input as messages do (its path, ``<bytes>``, ``<str>``);
    ``error`` is the error's type name (``DecodeError``, ``EmptyInputError``,
    ``TimeoutError``, ``WorkerDied`` …); ``exit_code`` is what the command returns for it.
    """

    input: str
    error: str
    message: str
    exit_code: int = 1

    def to_dict(self) -> dict[str, str]:
        """The error line the command writes: input, error type, message."""
        return {"input": self.input, "error": self.error, "message": self.message}


Result = Union[Record, ErrorResult]


class DocumentTimeout(Exception):
    """A document's time limit expired in a worker (raised by the worker's timer).

    It is an ``Exception`` on purpose: raised inside a plugin hook, the plugin registry
    isolates it like any plugin failure, so the plugin that hung is named in the record's
    warnings and the next candidate parses the document.
    """


def default_workers() -> int:
    """Cores this process may use (its CPU affinity where the platform tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def normalize_many(
    sources: Iterable[SourceLike],
    *,
    workers: Optional[int] = None,
    enrich: bool = True,
    timeout: Optional[float] = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    registry_factory: Optional[Callable[[], Registry]] = None,
    then: Optional[Callable[[Record], Any]] = None,
    **normalize_kwargs: Any,
) -> Iterator[Any]:
    """Normalize every input of ``sources``; yield one ``Record`` or ``ErrorResult`` per
    input, in input order.

    ``workers`` processes (default: every core this process may use) share the work;
    ``workers=1`` runs in this process unless ``timeout`` (seconds per document, see the
    module docstring) asks for a worker that can be stopped. ``normalize_kwargs``
    (``media_type``, ``encoding``, ``plugin``, ``max_bytes``) go to ``normalize``.
    ``registry_factory`` builds the plugin registry each worker uses instead of the
    default one: a module-level function, so that spawned workers can import it.
    ``then`` is applied to each record in the process that made it, and what it returns
    is yielded instead of the record: work that would otherwise queue up in this one
    process (serializing each record, say) is shared by the workers, and less crosses
    back. It must pickle (a module-level function, or a ``functools.partial`` of one);
    when it raises, that input yields an ``ErrorResult``.
    ``sources`` is consumed lazily; stop iterating and the workers are stopped.

    Raises ``InputError`` for an unusable argument (``TypeError`` for an unknown
    keyword) before any work starts, and ``ZhenggaiError`` if worker processes cannot
    start; problems with individual inputs never raise.
    """
    if isinstance(sources, (str, bytes, bytearray, memoryview, os.PathLike)):
        raise InputError("normalize_many takes an iterable of sources; for one source use normalize",
                         step="batch")
    if "registry" in normalize_kwargs:
        raise TypeError("normalize_many() takes registry_factory (a function building the registry "
                        "in each worker), not registry")
    inspect.signature(normalize).bind(None, **normalize_kwargs)  # TypeError for unknown keywords
    workers = default_workers() if workers is None else workers
    for name, value in (("workers", workers), ("chunksize", chunksize)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InputError(f"{name} must be a positive int, got {value!r}", step="batch")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                or not timeout > 0):
        raise InputError(f"timeout must be a positive number of seconds, got {timeout!r}", step="batch")
    options = _Options(enrich=enrich, kwargs=normalize_kwargs, timeout=timeout, registry_factory=registry_factory,
                       then=then)
    if workers == 1 and timeout is None:
        return _serial(sources, options)
    return _pooled(sources, options, workers, chunksize)


# --------------------------------------------------------------------------- one document


@frozen
class _Options:
    """What every worker needs to normalize a document the same way (pickled to workers)."""

    enrich: bool
    kwargs: dict[str, Any]
    timeout: Optional[float]
    registry_factory: Optional[Callable[[], Registry]] = None
    then: Optional[Callable[[Record], Any]] = None


def _input_name(source: object) -> str:
    """What an error calls an input when the library did not say: the path, or the kind."""
    if isinstance(source, os.PathLike):
        return os.fsdecode(os.fspath(source))
    if isinstance(source, str):
        return source if "\n" not in source and len(source) < 4096 else "<str>"
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "<bytes>"
    return f"<{type(source).__name__}>"


def _name_of(function: Callable[..., Any]) -> str:
    """A function's qualified name, seen through ``functools.partial``."""
    inner = getattr(function, "func", function)
    return getattr(inner, "__qualname__", repr(inner))


def _describe(exc: BaseException) -> str:
    first = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {first[0]}" if first else type(exc).__name__


class _Clock:
    """A one-shot per-document timer that raises ``DocumentTimeout`` where the code is."""

    def __init__(self, limit: float):
        self.limit = limit
        self._armed = False
        signal.signal(signal.SIGALRM, self._expire)

    def start(self) -> None:
        self._armed = True
        signal.setitimer(signal.ITIMER_REAL, self.limit)

    def stop(self) -> None:
        self._armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)

    def _expire(self, _signum: int, _frame: object) -> None:
        if self._armed:
            self._armed = False
            raise DocumentTimeout(f"time limit of {self.limit:g} s per document exceeded")


def _can_interrupt() -> bool:
    """Whether this process can time documents itself (``SIGALRM`` in the main thread)."""
    return _HAS_TIMER and threading.current_thread() is threading.main_thread()


class _Runner:
    """Normalizes documents one by one with plugins (and jieba) initialized once."""

    def __init__(self, options: _Options):
        self.options = options
        self.registry = options.registry_factory() if options.registry_factory else default_registry()
        self.registry.entries()
        if options.enrich:
            from . import enrich

            enrich.keywords("")  # loads the tokenizer, the user dictionary, the IDF table and the topic tagger
        self.clock = _Clock(options.timeout) if options.timeout and _can_interrupt() else None

    def run(self, source: SourceLike) -> Result:
        """The record of ``source`` or the ``ErrorResult`` saying why there is none."""
        try:
            return self._timed(source)
        except DocumentTimeout as exc:  # expired outside any plugin hook
            return ErrorResult(_input_name(source), TIMEOUT_ERROR, str(exc))

    def _timed(self, source: SourceLike) -> Result:
        if self.clock is None:
            return self._attempt(source)
        self.clock.start()
        try:
            return self._attempt(source)
        finally:
            self.clock.stop()

    def _attempt(self, source: SourceLike) -> Result:
        try:
            record = normalize(source, enrich=self.options.enrich, registry=self.registry, **self.options.kwargs)
        except ZhenggaiError as exc:
            return ErrorResult(exc.source or _input_name(source), type(exc).__name__, str(exc), exc.exit_code)
        except DocumentTimeout:
            raise
        except Exception as exc:  # a bug: report it for this input, keep the batch going
            return ErrorResult(_input_name(source), type(exc).__name__,
                               f"internal error, please report it: {_describe(exc)} (input {_input_name(source)})")
        if self.options.then is None:
            return record
        try:
            return self.options.then(record)
        except DocumentTimeout:
            raise
        except Exception as exc:  # the caller's function failed on this record
            return ErrorResult(_input_name(source), type(exc).__name__,
                               f"then={_name_of(self.options.then)} failed on this record: {_describe(exc)}")


def _serial(sources: Iterable[SourceLike], options: _Options) -> Iterator[Result]:
    runner: Optional[_Runner] = None
    for source in sources:
        runner = runner or _Runner(options)
        yield runner.run(source)


# --------------------------------------------------------------------------- worker processes


def _worker_main(options: _Options, tasks: Any, results: Connection) -> None:
    """A worker's life: initialize, say so, then normalize chunks until told to stop.

    Messages to the parent (``_message``): ``_READY``, ``_FAILED`` with the reason
    (initialization raised; the worker exits), and each input's index with its result,
    in the order the inputs were given.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        runner = _Runner(options)
    except BaseException as exc:
        results.send_bytes(_message(_FAILED, _describe(exc)))
        return
    results.send_bytes(_message(_READY, None))
    while True:
        chunk = tasks.get()
        if chunk is None:
            return
        for index, source in chunk:
            results.send_bytes(_message(index, runner.run(source)))


_READY = -1
_FAILED = -2


def _message(index: int, payload: Any) -> bytes:
    """What a worker sends: an input's index (or ``_READY``, ``_FAILED``), then the
    payload in its wire form (``wire.pack``: a record goes in a form the parent reads
    in about half the time of a pickle)."""
    return index.to_bytes(8, "little", signed=True) + wire.pack(payload)


def _read(message: bytes) -> tuple[int, Any]:
    """The index and payload of a worker's ``_message``."""
    return int.from_bytes(message[:8], "little", signed=True), wire.unpack(memoryview(message)[8:])


# A record's message is about 60 KB for a 60 KB page (150 KB pickled); the default 64 KB
# pipe would make a worker wait, mid-send, until the parent has read each 64 KB.
_PIPE_BYTES = 1 << 20


def _widen(conn: Connection) -> None:
    """Make the pipe behind ``conn`` hold a whole record (Linux; elsewhere a no-op), so
    that a worker's send returns at once and it goes on to its next document."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or over the system's limit
        pass


class _Worker:
    """The parent's handle on one worker process and the inputs it has been given."""

    def __init__(self, ctx: Any, options: _Options):
        self.tasks = ctx.Queue()  # a feeder thread: putting never blocks the parent
        self.results, sender = ctx.Pipe(duplex=False)
        _widen(self.results)
        self.process = ctx.Process(target=_worker_main, args=(options, self.tasks, sender), daemon=True,
                                   name="zhenggai-worker")
        self.process.start()
        sender.close()  # the worker holds the only writing end: its death reads as EOF
        self.assigned: deque[tuple[int, SourceLike]] = deque()
        self.ready = False
        self.retired = False
        self.since = 0.0  # when the worker could start its first assigned input

    def send(self, chunk: list[tuple[int, SourceLike]]) -> None:
        if not self.assigned:
            self.since = time.monotonic()
        self.assigned.extend(chunk)
        self.tasks.put(chunk)

    def retire(self) -> None:
        """Ask the worker to exit once it has done what it was given."""
        if not self.retired:
            self.retired = True
            self.tasks.put(None)

    def stop(self, *, wait_s: float) -> None:
        """Ask the worker to exit (``wait_s`` > 0) or kill it; release its pipe and queue."""
        if wait_s > 0 and self.process.is_alive():
            self.retire()
            self.process.join(wait_s)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.tasks.cancel_join_thread()
        self.tasks.close()
        self.results.close()
        self.process.close()


class _Pool:
    """Worker processes fed in chunks from a bounded window; results put back in order."""

    def __init__(self, sources: Iterable[SourceLike], options: _Options, workers: int, chunksize: int):
        self.ctx = multiprocessing.get_context("spawn")
        self.options = options
        self.size = workers
        self.chunksize = chunksize
        self.window = workers * chunksize * 4
        self.feed = iter(sources)
        self.exhausted = False
        self.taken = 0  # inputs taken from the feed (the next one's index)
        self.next_out = 0  # index of the next result to yield
        self.retry: deque[tuple[int, SourceLike]] = deque()  # inputs of a lost worker, to send again
        self.done: dict[int, Result] = {}
        self.workers: list[_Worker] = []
        timeout = options.timeout
        self.hard_limit = None if timeout is None else (2 if _HAS_TIMER else 1) * timeout + _GRACE

    def results(self) -> Iterator[Result]:
        finished = False
        try:
            while True:
                self._dispatch()
                while self.next_out in self.done:
                    yield self.done.pop(self.next_out)
                    self.next_out += 1
                if self.exhausted and not self.retry and self.next_out == self.taken:
                    finished = True
                    return
                self._collect()
        finally:
            if finished:  # all at once: each then exits while the others do
                for worker in self.workers:
                    worker.retire()
            for worker in self.workers:
                worker.stop(wait_s=5.0 if finished else 0)
            self.workers.clear()

    # ------------------------------------------------------------------ dispatch

    def _take(self) -> list[tuple[int, SourceLike]]:
        """Up to a chunk of inputs: those of a lost worker first, then new ones in the window."""
        chunk: list[tuple[int, SourceLike]] = []
        while self.retry and len(chunk) < self.chunksize:
            chunk.append(self.retry.popleft())
        while len(chunk) < self.chunksize and not self.exhausted and self.taken - self.next_out < self.window:
            try:
                source = next(self.feed)
            except StopIteration:
                self.exhausted = True
                break
            portable = _portable(source)
            if isinstance(portable, ErrorResult):
                self.done[self.taken] = portable
            else:
                chunk.append((self.taken, portable))
            self.taken += 1
        return chunk

    def _dispatch(self) -> None:
        """Give work to idle workers, start new ones while below ``size``, then top up
        each worker to two chunks so that none waits for the parent between chunks."""
        while True:
            worker = next((w for w in self.workers if not w.assigned), None)
            if worker is None and len(self.workers) < self.size:
                chunk = self._take()
                if not chunk:
                    return
                worker = _Worker(self.ctx, self.options)
                self.workers.append(worker)
                worker.send(chunk)
                continue
            worker = worker or next((w for w in self.workers if len(w.assigned) <= self.chunksize), None)
            if worker is None:
                return
            chunk = self._take()
            if not chunk:
                return
            worker.send(chunk)

    # ------------------------------------------------------------------ collect

    def _collect(self) -> None:
        """Wait for messages, a worker's death or a deadline; handle what happened."""
        deadline = self._next_deadline()
        pause = None if deadline is None else max(0.0, deadline - time.monotonic())
        # Each worker's result pipe, and its sentinel, which is ready once the process has
        # ended (``wait`` takes both kinds on every platform).
        handles: dict[Any, tuple[_Worker, bool]] = {w.results: (w, False) for w in self.workers}
        handles.update((w.process.sentinel, (w, True)) for w in self.workers)
        ready: dict[_Worker, bool] = {}  # worker: whether only its sentinel is ready
        for handle in wait(list(handles), timeout=pause):
            worker, ended = handles[handle]
            ready[worker] = ready.get(worker, True) and ended
        for worker, ended in ready.items():
            alive = self._drain(worker) if ended else self._receive(worker)
            if not alive:
                self._lose(worker, WORKER_DIED,
                           f"the worker process died (exit code {worker.process.exitcode}) while normalizing "
                           "this input; a new worker took its place")
        now = time.monotonic()
        for worker in list(self.workers):
            if self.hard_limit is not None and worker.ready and worker.assigned \
                    and now - worker.since >= self.hard_limit:
                self._lose(worker, TIMEOUT_ERROR,
                           f"no result within {self.hard_limit:g} s (time limit {self.options.timeout:g} s "
                           "per document); its worker process was stopped and replaced")

    def _next_deadline(self) -> Optional[float]:
        if self.hard_limit is None:
            return None
        busy = [w.since for w in self.workers if w.ready and w.assigned]
        return min(busy) + self.hard_limit if busy else None

    def _receive(self, worker: _Worker) -> bool:
        """Read one message from ``worker`` (one at a time: the next ``wait`` returns at
        once if there is more); False when it is gone."""
        try:
            index, payload = _read(worker.results.recv_bytes())
        except (EOFError, OSError):
            return False
        if index == _READY:
            worker.ready = True
        elif index == _FAILED:
            raise ZhenggaiError(f"a worker process could not start: {payload}", step="batch")
        else:  # inputs are answered in the order they were sent
            worker.assigned.popleft()
            self.done[index] = payload
        worker.since = time.monotonic()
        return True

    def _drain(self, worker: _Worker) -> bool:
        """Read what a worker that has exited wrote before it went; False (it is gone).

        Its last results are read before its current input is declared lost."""
        while worker.results.poll() and self._receive(worker):
            pass
        return False

    def _lose(self, worker: _Worker, error: str, message: str) -> None:
        """Stop ``worker``: its current input gets ``error``, the rest are sent again."""
        self.workers.remove(worker)
        code = worker.process.exitcode
        worker.stop(wait_s=0)
        if not worker.ready:
            raise ZhenggaiError(f"a worker process died while starting (exit code {code})", step="batch")
        if worker.assigned:
            index, source = worker.assigned.popleft()
            self.done[index] = ErrorResult(_input_name(source), error, message)
            self.retry = deque(sorted([*worker.assigned, *self.retry], key=lambda item: item[0]))


def _portable(source: object) -> Union[SourceLike, ErrorResult]:
    """``source`` in a form that pickles to a worker (a path stays a path), or, for a
    type ``load`` refuses, the ``ErrorResult`` the worker would have given."""
    if isinstance(source, (str, bytes)):
        return source
    if isinstance(source, (bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, os.PathLike):
        return Path(os.fsdecode(os.fspath(source)))
    try:
        load(source)  # type: ignore[arg-type]
    except InputError as exc:
        return ErrorResult(_input_name(source), type(exc).__name__, str(exc), exc.exit_code)
    return source  # type: ignore[return-value]


def _pooled(sources: Iterable[SourceLike], options: _Options, workers: int, chunksize: int) -> Iterator[Result]:
    return _Pool(sources, options, workers, chunksize).results()
