"""Agreement of the topic tagger with the hand labels of the seeds' problems.

The labels (``fixtures/<plugin>/NNN-text/topics.gold.json``, guidelines in
``fixtures/TOPICS.md``) were written by reading the problems, before the tagger's output
was looked at. The measuring code is ``benchmarks/topic_agreement.py`` (one copy for the
test and the script); ``pytest -s`` shows the per-topic table.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from zhenggai.topics import TAXONOMY, agreement

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("topic_agreement", ROOT / "benchmarks" / "topic_agreement.py")
ta = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ta)

CASES = ta.case_dirs()
CASE_IDS = [case.name for case in CASES]

# Measured micro-F1 over the 145 seed problems: 0.815 (P 0.77, R 0.86). The floor sits a
# little below, so that a lexicon or tagger change that loses agreement fails here.
MICRO_F1_FLOOR = 0.80


@pytest.fixture(scope="module")
def predicted() -> dict[Path, dict[str, list[str]]]:
    """Each labelled seed's problems and their topics as zhenggai tags them."""
    return {case: ta.predict(case) for case in CASES}


def test_every_seed_is_labelled():
    assert len(CASES) == 5
    assert len({case.parent.name for case in CASES}) == 4  # liaoning, fujian, hunan, zhejiang


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_gold_labels_are_well_formed(case):
    gold = ta.load_gold(case)
    with open(case / "expected.json", encoding="utf-8") as f:
        expected_ids = [p["id"] for p in json.load(f)["problems"]]
    assert list(gold) == expected_ids  # one entry per expected problem, in document order
    for problem, topics in gold.items():
        assert 1 <= len(topics) <= 3, problem
        assert topics == sorted(set(topics)), problem
        assert set(topics) <= set(TAXONOMY), problem


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_gold_ids_match_the_record(case, predicted):
    gold, record = set(ta.load_gold(case)), set(predicted[case])
    assert gold - record == set(), "labelled problems the parser does not produce"
    assert record - gold == set(), "parsed problems without a label"


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_every_problem_has_a_topic(case, predicted):
    untagged = [problem for problem, topics in predicted[case].items() if not topics]
    assert untagged == []


def test_micro_f1_stays_above_the_floor(predicted):
    pred, gold = {}, {}
    for case in CASES:
        pred.update({f"{case.name}:{k}": v for k, v in predicted[case].items()})
        gold.update({f"{case.name}:{k}": v for k, v in ta.load_gold(case).items()})
    result = agreement(pred, gold)
    print()
    print(ta.table(result))
    assert result["problems"] == 145
    assert result["micro"]["f1"] >= MICRO_F1_FLOOR


def test_table_and_macro_f1():
    result = agreement({"a": ["x"], "b": ["y"], "c": ["z"]}, {"a": ["x"], "b": ["x"], "c": ["w"]})
    # x: P 1/1, R 1/2 → F1 2/3; w: never predicted → counts 0; y, z: predicted only, left out.
    assert ta.macro_f1(result) == pytest.approx((2 / 3 + 0) / 2)
    lines = ta.table(result).splitlines()
    assert lines[0].split() == ["topic", "gold", "pred", "P", "R", "F1"]
    assert lines[1].split() == ["w", "1", "0", "-", "0.00", "-"]
    assert lines[-1].startswith("macro F1 0.33")
    assert ta.disagreements({"a": ["x"]}, {"a": ["x"], "b": ["y"]}) == ["b: gold ['y'] predicted []"]
