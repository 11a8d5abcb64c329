"""Cost of enrichment beside a bare ``jieba.analyse.extract_tags`` call on the same text.

    python benchmarks/enrich.py [FILE ...] [--repeat 7]

Each report (default: the five seeds, ``fixtures/*/*-text/*.txt``) is normalized once
without enrichment (``zhenggai.normalize(path, enrich=False)``); then, on the same
record, ``zhenggai.enrich.enrich(record)`` is timed beside
``jieba.analyse.extract_tags(body, topK=20)`` with jieba's global tokenizer, ``body``
being the record's paragraphs joined by newlines. The two calls alternate, ``--repeat``
times after a warm-up, and the fastest of each counts (the machine may be shared).
Printed: milliseconds per document, seconds per MB of body text (UTF-8) and the ratio
(target: at most 1.2). One-time initialization (dictionary load) is reported apart.
jieba's global dictionary cache is pointed at zhenggai's cache directory, so that the
benchmark writes nothing to /tmp.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path
from typing import Callable

import zhenggai
from zhenggai import enrich

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Print the comparison table; exit status 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    files = args.files or sorted(ROOT.glob("fixtures/*/*-text/*.txt"))
    records = [zhenggai.normalize(f, enrich=False) for f in files]

    start = time.perf_counter()
    enrich.keywords("")  # loads the tokenizer, the user dictionary and the lexicon
    init_ours = time.perf_counter() - start
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba's own import and idf loading warn
        import jieba
        import jieba.analyse
    jieba.setLogLevel(60)
    jieba.dt.tmp_dir = str(enrich.cache_dir())
    start = time.perf_counter()
    jieba.dt.initialize()
    init_bare = time.perf_counter() - start
    print(f"initialization (once per process): zhenggai {init_ours * 1000:.0f} ms, jieba {init_bare * 1000:.0f} ms")

    header = f"{'document':<28}{'chars':>8}{'problems':>9}{'enrich ms':>11}{'bare ms':>9}{'ratio':>7}"
    print(header)
    total_ours = total_bare = total_mb = 0.0
    for record, path in zip(records, files):
        body = "\n".join(record.paragraphs)
        enrich.enrich(record)
        jieba.analyse.extract_tags(body, topK=20)
        ours = bare = float("inf")
        for _ in range(args.repeat):
            ours = min(ours, timed(lambda: enrich.enrich(record)))
            bare = min(bare, timed(lambda: jieba.analyse.extract_tags(body, topK=20)))
        total_ours, total_bare = total_ours + ours, total_bare + bare
        total_mb += len(body.encode("utf-8")) / 1e6
        print(f"{path.name:<28}{len(body):>8}{len(record.problems):>9}{ours * 1000:>11.1f}{bare * 1000:>9.1f}"
              f"{ours / bare:>7.2f}")
    n = len(records)
    print(f"per document: enrich {total_ours / n * 1000:.1f} ms, extract_tags {total_bare / n * 1000:.1f} ms")
    print(f"per MB of text: enrich {total_ours / total_mb:.2f} s, extract_tags {total_bare / total_mb:.2f} s")
    print(f"ratio enrich / extract_tags: {total_ours / total_bare:.2f} (target <= 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
