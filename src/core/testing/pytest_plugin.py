"""pytest plugin (entry point ``pytest11``: ``zhenggai``) for publisher-plugin authors.

It gives every test session a ``zhenggai_conformance`` fixture::

    def test_my_plugin_conforms(zhenggai_conformance):
        zhenggai_conformance("myplugin", "fixtures")

which normalizes every case in ``fixtures/myplugin/*/`` and fails with a readable list
of differences from ``expected.json`` and of violated record invariants.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Union

import pytest


@pytest.fixture
def zhenggai_conformance() -> Callable[[str, Union[str, Path]], None]:
    """A checker: ``zhenggai_conformance(plugin, fixtures_dir)`` fails the test on any difference."""
    from .conformance import check_plugin

    def check(plugin: str, fixtures: Union[str, Path]) -> None:
        failures = check_plugin(plugin, fixtures)
        if failures:
            lines = [f"{case}: {problem}" for case, problems in failures.items() for problem in problems[:20]]
            pytest.fail(f"{plugin} does not conform:\n  " + "\n  ".join(lines), pytrace=False)

    return check
