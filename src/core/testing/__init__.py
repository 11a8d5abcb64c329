"""Tools for plugin authors and for this project's own tests.

- ``zhenggai.testing.conformance``: ``check_plugin(name, fixtures_dir)``, ``check_case``,
  ``match`` (expected-JSON projections) and ``invariants`` (RECORD.md's invariants).
- ``zhenggai.testing.pytest_plugin``: the ``zhenggai_conformance`` fixture (registered
  through the ``pytest11`` entry point, so it is there in any pytest session).
- ``zhenggai.testing.strategies``: hypothesis strategies for whole reports (``reports``).
- ``zhenggai.testing.render``: renderers of a report in the five seed layouts, as text
  or as an HTML page, and the record they should give back (``expected``).
- ``zhenggai.testing.pages``: the page templates of the publishers' kinds of site.
- ``zhenggai.testing.records``: hypothesis strategies for valid ``Record`` objects.

These modules need the ``test`` extra (hypothesis, pytest, jsonschema).
"""
