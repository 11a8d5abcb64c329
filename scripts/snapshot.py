"""Snapshot every output, to prove a refactoring or a speed-up changes nothing.

    python scripts/snapshot.py write SNAPSHOT.json [--pages 200]
    ... change the code ...
    python scripts/snapshot.py check SNAPSHOT.json      # exit 1 and the first differences

Inputs: the fixtures (also forced through ``generic``), ``tests/corpus``, the hostile
inputs in ``tests/hostile`` and ``--pages`` pages of the benchmark corpus
(``benchmarks/throughput.py``, built deterministically into a temporary folder). Each
gives its record as ``zhenggai.dumps`` (no enrichment) or its error's type and message.
Session 2 used this to make the pipeline 3.4× faster without changing a byte.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import zhenggai  # noqa: E402
from throughput import build_corpus  # noqa: E402
from zhenggai.errors import ZhenggaiError  # noqa: E402


def outputs(pages: int) -> dict[str, str]:
    """Every input's output, keyed by its name (relative to the repository or corpus)
    and the options it was run with."""
    fixtures = sorted(ROOT.glob("fixtures/*/*/*.txt")) + sorted(ROOT.glob("fixtures/*/*/*.html"))
    others = sorted(p for p in (ROOT / "tests" / "corpus").rglob("*") if p.suffix in (".html", ".txt"))
    hostile = sorted(p for p in (ROOT / "tests" / "hostile").iterdir() if p.suffix != ".py")
    runs = [(p, p.relative_to(ROOT), {}) for p in [*fixtures, *others, *hostile]]
    runs += [(p, p.relative_to(ROOT), {"plugin": "generic"}) for p in fixtures]
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        pages_made = build_corpus(Path(tmp), pages) if pages else []
        runs += [(p, Path("bench", p.name), {}) for p in pages_made]
        for path, name, options in runs:
            key = f"{name.as_posix()} {json.dumps(options)}"
            # repository files by their relative path, benchmark pages as bytes: no
            # output may depend on where the checkout or the temporary folder is
            source = path.read_bytes() if name.parts[0] == "bench" else name.as_posix()
            try:
                out[key] = zhenggai.dumps(zhenggai.normalize(source, enrich=False, **options))
            except ZhenggaiError as exc:
                out[key] = f"{type(exc).__name__}: {exc.message}"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("action", choices=("write", "check"))
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("--pages", type=int, default=200, help="benchmark pages to include (default 200)")
    args = parser.parse_args(argv)
    args.snapshot = args.snapshot.resolve()
    os.chdir(ROOT)
    if args.action == "write":
        now = outputs(args.pages)
        args.snapshot.write_text(json.dumps({"pages": args.pages, "outputs": now}, ensure_ascii=False),
                                 encoding="utf-8")
        print(f"{len(now)} outputs written to {args.snapshot}")
        return 0
    saved = json.loads(args.snapshot.read_text(encoding="utf-8"))
    now = outputs(saved["pages"])
    differ = [k for k in saved["outputs"] if saved["outputs"][k] != now.get(k)]
    print(f"{len(saved['outputs']) - len(differ)}/{len(saved['outputs'])} identical")
    for key in differ[:5]:
        old, new = saved["outputs"][key], now.get(key, "")
        at = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
        print(f"{key}\n  was: …{old[max(0, at - 120):at + 120]}\n  now: …{new[max(0, at - 120):at + 120]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
