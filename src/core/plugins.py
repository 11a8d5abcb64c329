"""The plugin registry: pluggy, entry points loaded lazily, every call isolated.

Plugins are registered under the entry-point group ``zhenggai.publishers`` (built-in
ones included) and loaded on first use, not at import. Each hook is called on one
plugin at a time, so that one plugin's exception, wrong return type or bad data is
charged to that plugin alone: the caller gets a ``PluginFailure`` naming plugin, hook
and error, and decides what to do next (usually: skip the plugin, warn, go on).
"""

from __future__ import annotations

import functools
import threading
from typing import Any, Callable, Iterable, Mapping, Optional

import pluggy
from attrs import frozen

from . import hookspecs
from .model import PublisherInfo


@frozen
class PluginEntry:
    """A loaded plugin: its entry-point name, what it says of itself, where it comes from."""

    name: str
    info: PublisherInfo
    version: Optional[str]
    distribution: Optional[str]


class PluginFailure(Exception):
    """A plugin raised or returned something invalid from a hook (internal; the pipeline
    turns it into a warning or, when no plugin is left, into ``errors.PluginError``)."""

    def __init__(self, plugin: str, hook: str, error: str):
        self.plugin, self.hook, self.error = plugin, hook, error
        super().__init__(f"plugin {plugin!r} failed in {hook}: {error}")


# What a plugin may raise and be skipped for. SystemExit too (a plugin module that calls
# sys.exit() at import or in a hook must not end the batch); KeyboardInterrupt is the user's.
_PLUGIN_ERRORS = (Exception, SystemExit)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


class Registry:
    """Publisher plugins known to this process, ordered by priority then name."""

    def __init__(self, *, entry_points: bool = True):
        self._pm = pluggy.PluginManager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._use_entry_points = entry_points
        self._loaded = False
        self._lock = threading.Lock()
        self._entries: dict[str, PluginEntry] = {}
        self.load_errors: list[str] = []

    # ------------------------------------------------------------------ loading

    def register(self, plugin: object, name: str) -> PluginEntry:
        """Register a plugin object under ``name`` (what an entry point does; for tests
        and for applications that build plugins at run time)."""
        self.load()
        self._pm.register(plugin, name=name)
        entry = self._describe(name, plugin, None)
        if entry is None:
            self._pm.unregister(name=name)
            raise ValueError(self.load_errors[-1])
        self._entries[name] = entry
        return entry

    def unregister(self, name: str) -> None:
        """Forget a plugin registered with ``register``."""
        self._pm.unregister(name=name)
        self._entries.pop(name, None)

    def load(self) -> None:
        """Load the entry-point plugins, once (later calls do nothing)."""
        if self._loaded:
            return
        with self._lock:
            if self._loaded:
                return
            if self._use_entry_points:
                self._load_entry_points()
            self._loaded = True

    def _load_entry_points(self) -> None:
        from importlib.metadata import entry_points

        for ep in sorted(entry_points(group=hookspecs.ENTRY_POINT_GROUP), key=lambda e: e.name):
            if self._pm.has_plugin(ep.name):
                continue
            try:
                plugin = ep.load()
                self._pm.register(plugin, name=ep.name)
            except _PLUGIN_ERRORS as exc:  # a broken third-party package must not break the rest
                self.load_errors.append(f"plugin {ep.name!r} could not be loaded: {_describe(exc)}")
                continue
            dist = getattr(ep, "dist", None)
            entry = self._describe(
                ep.name, plugin, (dist.metadata["Name"], dist.version) if dist is not None else None
            )
            if entry is None:
                self._pm.unregister(name=ep.name)
            else:
                self._entries[ep.name] = entry

    def _describe(self, name: str, plugin: object, dist: Optional[tuple[str, str]]) -> Optional[PluginEntry]:
        try:
            info = self.call(name, "zhenggai_publisher_info", check=PublisherInfo.__instancecheck__)
        except PluginFailure as failure:
            self.load_errors.append(f"plugin {name!r} could not be loaded: {failure.error}")
            return None
        if info is None:
            self.load_errors.append(f"plugin {name!r} could not be loaded: no zhenggai_publisher_info hook")
            return None
        if dist is None:
            module = getattr(plugin, "__module__", None) or getattr(plugin, "__name__", None)
            dist = _distribution_of(module)
        return PluginEntry(name=name, info=info, distribution=dist[0] if dist else None,
                           version=dist[1] if dist else None)

    # ------------------------------------------------------------------ queries

    def entries(self) -> list[PluginEntry]:
        """Loaded plugins, highest priority first, then by name."""
        self.load()
        return sorted(self._entries.values(), key=lambda e: (-e.info.priority, e.name))

    def get(self, name: str) -> Optional[PluginEntry]:
        """The plugin called ``name``, or None."""
        self.load()
        return self._entries.get(name)

    # ------------------------------------------------------------------ calling

    def call(self, name: str, hook: str, *, check: Optional[Callable[[Any], bool]] = None,
             **kwargs: Any) -> Any:
        """Call ``hook`` on plugin ``name`` alone; ``None`` if it does not implement it.

        Anything the implementation raises, and a result that fails ``check``, becomes a
        ``PluginFailure``; so does a ``check`` that raises (its message says why).
        ``None`` results are always allowed (they mean "nothing").
        """
        caller = getattr(self._pm.hook, hook)
        for impl in caller.get_hookimpls():
            if impl.plugin_name != name:
                continue
            try:
                result = impl.function(**{arg: kwargs[arg] for arg in impl.argnames})
            except _PLUGIN_ERRORS as exc:
                raise PluginFailure(name, hook, _describe(exc)) from exc
            if result is None or check is None:
                return result
            try:
                valid = check(result)
            except Exception as exc:  # a check may say why the result is invalid
                raise PluginFailure(name, hook, f"returned an invalid {type(result).__name__}: {_describe(exc)}") from exc
            if not valid:
                raise PluginFailure(name, hook, f"returned {type(result).__name__}, not what {hook} expects")
            return result
        return None

    def each(self, names: Iterable[str], hook: str, **kwargs: Any) -> Iterable[tuple[str, Any, Optional[PluginFailure]]]:
        """Call ``hook`` on each named plugin in turn: yields (name, result, failure)."""
        for name in names:
            try:
                yield name, self.call(name, hook, **kwargs), None
            except PluginFailure as failure:
                yield name, None, failure


@functools.lru_cache(maxsize=1)
def _packages_distributions() -> Mapping[str, list[str]]:
    """Top-level package → distributions, read once: it scans every installed
    distribution's file list (a fifth of a second), and plugins registered at run time
    (tests, batch workers) would pay it on every registration."""
    from importlib.metadata import packages_distributions

    return packages_distributions()


def _distribution_of(module: Optional[str]) -> Optional[tuple[str, str]]:
    """(distribution name, version) of the installed package that provides ``module``."""
    if not module:
        return None
    from importlib.metadata import version

    top = module.split(".")[0]
    for dist_name in _packages_distributions().get(top, []):
        try:
            return dist_name, version(dist_name)
        except Exception:
            continue
    return None


_default: Optional[Registry] = None
_default_lock = threading.Lock()


def default_registry() -> Registry:
    """The process-wide registry, created (not loaded) on first call."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Registry()
    return _default
