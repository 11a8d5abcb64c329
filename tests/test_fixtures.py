"""Every fixture case against its hand-written expected.json, through the conformance
kit that third-party plugin authors use (zhenggai.testing.conformance)."""

from pathlib import Path

import pytest

import zhenggai
from zhenggai.testing.conformance import check_case, expected_of, input_of, match

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CASES = sorted(p for p in FIXTURES.glob("*/*") if p.is_dir() and (p / "expected.json").exists())


def test_there_are_ten_seed_cases():
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_case_conforms(case):
    assert check_case(case) == []


GENERIC_KEYS = ("title", "issuer", "addressees", "signed_date", "published_at", "editor", "origin",
                "original_url", "inspection", "contacts", "stated", "accountability", "paragraphs")


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_generic_alone_still_gives_the_metadata_and_most_problems(case):
    record = zhenggai.normalize(input_of(case), plugin="generic", enrich=False)
    expected = expected_of(case)
    data = zhenggai.to_dict(record)
    assert match({k: expected[k] for k in GENERIC_KEYS}, data) == []
    expected_ids = [p["id"] for p in expected["problems"]]
    found = {p.id for p in record.problems}
    assert sum(i in found for i in expected_ids) >= 0.8 * len(expected_ids)
