"""The plugin's fixtures conform: zhenggai's pytest plugin provides ``zhenggai_conformance``."""

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_qingchuan_conforms(zhenggai_conformance):
    zhenggai_conformance("qingchuan", FIXTURES)
