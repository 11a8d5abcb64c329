"""Agreement of the topic tagger with the hand labels of the seeds' problems.

    python benchmarks/topic_agreement.py [CASE_DIR ...] [--errors]

A case directory (default: every ``fixtures/*/*-text`` holding a ``topics.gold.json``)
holds one report (``*.txt``) and its hand labels, problem id → sorted topic ids, written
by reading the problems (guidelines: ``fixtures/TOPICS.md``). Each report is normalized
with ``zhenggai.normalize(path)`` (enrichment on) and its problems' ``topics`` are
compared with the labels by ``zhenggai.topics.agreement``. Printed: per topic precision,
recall, F1 and counts, then micro and macro F1 and the exact-match rate; ``--errors``
also lists every problem whose predicted topics differ from its labels.

Macro F1 is the mean F1 over the topics present in the labels; a labelled topic the
tagger never predicts counts 0 there (``agreement`` leaves its F1 undefined). Topics
predicted but never labelled show in the table and weigh only on micro precision.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Mapping, Optional, Sequence

import zhenggai
from zhenggai.topics import agreement

ROOT = Path(__file__).resolve().parent.parent
GOLD_NAME = "topics.gold.json"

Labels = dict[str, list[str]]


def case_dirs() -> list[Path]:
    """The seed cases that carry hand labels, in path order."""
    return sorted(p.parent for p in ROOT.glob(f"fixtures/*/*-text/{GOLD_NAME}"))


def load_gold(case: Path) -> Labels:
    """A case's hand labels: problem id → topic ids."""
    with open(case / GOLD_NAME, encoding="utf-8") as f:
        return json.load(f)


def report_path(case: Path) -> Path:
    """The case's report: its one ``*.txt`` file."""
    (path,) = sorted(case.glob("*.txt"))
    return path


def predict(case: Path) -> Labels:
    """Problem id → topics, as zhenggai tags the case's report (in document order)."""
    record = zhenggai.normalize(report_path(case))
    return {p.id: list(p.topics) for p in record.problems}


def pooled(cases: Sequence[Path]) -> tuple[Labels, Labels]:
    """Predicted and gold labels of all cases, keyed ``<case>:<problem id>``."""
    predicted: Labels = {}
    gold: Labels = {}
    for case in cases:
        name = case.relative_to(ROOT).as_posix() if case.is_relative_to(ROOT) else str(case)
        predicted.update({f"{name}:{k}": v for k, v in predict(case).items()})
        gold.update({f"{name}:{k}": v for k, v in load_gold(case).items()})
    return predicted, gold


def macro_f1(result: Mapping) -> Optional[float]:
    """Mean F1 over the topics with at least one gold label (undefined F1 counts 0)."""
    scores = [row["f1"] or 0.0 for row in result["topics"].values() if row["gold"]]
    return sum(scores) / len(scores) if scores else None


def _fmt(value: Optional[float]) -> str:
    return "   -" if value is None else f"{value:.2f}"


def table(result: Mapping) -> str:
    """The agreement figures as a plain-text table."""
    lines = [f"{'topic':<15} {'gold':>4} {'pred':>4}  {'P':>4}  {'R':>4}  {'F1':>4}"]
    for topic, row in result["topics"].items():
        lines.append(f"{topic:<15} {row['gold']:>4} {row['predicted']:>4}  {_fmt(row['precision'])}  "
                     f"{_fmt(row['recall'])}  {_fmt(row['f1'])}")
    micro = result["micro"]
    lines.append(f"{'micro':<15} {'':>4} {'':>4}  {_fmt(micro['precision'])}  {_fmt(micro['recall'])}  "
                 f"{_fmt(micro['f1'])}")
    lines.append(f"macro F1 {_fmt(macro_f1(result))}   exact match {_fmt(result['exact_match'])}"
                 f"   problems {result['problems']}")
    return "\n".join(lines)


def disagreements(predicted: Labels, gold: Labels) -> list[str]:
    """One line per problem whose predicted topics differ from its labels."""
    return [f"{key}: gold {gold[key]} predicted {predicted.get(key, [])}"
            for key in gold if sorted(predicted.get(key, [])) != sorted(gold[key])]


def main(argv: list[str] | None = None) -> int:
    """Print the agreement table; exit status 0 (2 when no labelled case is found)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("cases", nargs="*", type=Path)
    parser.add_argument("--errors", action="store_true", help="list the problems tagged differently")
    args = parser.parse_args(argv)
    cases = [c.resolve() for c in args.cases] or case_dirs()
    if not cases:
        print(f"no case directory with a {GOLD_NAME}", file=sys.stderr)
        return 2
    predicted, gold = pooled(cases)
    result = agreement(predicted, gold)
    print(table(result))
    if args.errors:
        print()
        print("\n".join(disagreements(predicted, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
