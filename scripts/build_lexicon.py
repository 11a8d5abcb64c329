"""Rebuild the keyword IDF table and the derived stop list from folders of reports.

    python scripts/build_lexicon.py FOLDER [FOLDER ...] [--out DIR] [--stop-share 0.6]

Every ``*.txt`` file under the folders (recursively; ``--glob`` to change) is one
report. Files are read as UTF-8, else GB18030. Each report is segmented with zhenggai's
own tokenizer (``zhenggai.enrich.segment``: jieba + the genre user dictionary), and the
keyword candidates (``zhenggai.enrich.is_candidate``, not in the curated
``data/stopwords.txt``) are counted once per report. Two files are written to ``--out``
(default: the package's ``data`` directory):

* ``stopwords-derived.txt`` — candidates found in at least ``--stop-share`` of the
  reports: the genre's own vocabulary (党工委, 巡察 …), which says nothing about one report;
* ``idf.txt`` — ``word<TAB>idf<TAB>df`` for every other candidate, with the smoothed
  ``idf = ln((N + 1) / (df + 1)) + 1``, and ``# unseen:`` the idf of a word found in no
  report (df = 0), which zhenggai gives to every word the table does not list.

The shipped tables were built from the only reports the project has: the five seeds and
the ten corpus openings (about 700 characters each, so their words are under-counted)::

    python scripts/build_lexicon.py fixtures/*/*-text /work/shared/corpus

Rebuild them from a larger folder of reports whenever one is available. Raw pages are
fine: site chrome words are in the curated stop list. Output is deterministic.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

from zhenggai import enrich

DATA = Path(enrich.__file__).resolve().parent / "data"


def read_report(path: Path) -> str:
    """The text of one report file: UTF-8 (BOM allowed), else GB18030 with replacement."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def document_frequencies(paths: list[Path], curated: frozenset[str]) -> Counter[str]:
    """How many of the reports each keyword candidate occurs in."""
    df: Counter[str] = Counter()
    for path in paths:
        words = {w for w in enrich.segment(read_report(path)) if w not in curated and enrich.is_candidate(w)}
        df.update(words)
    return df


def curated_stop_words() -> frozenset[str]:
    """The hand-edited stop list shipped in ``data/stopwords.txt``."""
    text = (DATA / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


def write_tables(df: Counter[str], n: int, share: float, out: Path, sources: list[str]) -> tuple[int, int]:
    """Write ``stopwords-derived.txt`` and ``idf.txt``; return their sizes."""
    cutoff = max(2, math.ceil(share * n))
    derived = sorted(w for w, c in df.items() if c >= cutoff)
    origin = f"# Built by scripts/build_lexicon.py from {n} reports in: {', '.join(sources)}\n"
    (out / "stopwords-derived.txt").write_text(
        "# Derived stop words: keyword candidates found in at least "
        f"{cutoff} of {n} reports (share {share:g}). Generated: do not edit;\n"
        "# add words to stopwords.txt instead.\n" + origin + "".join(f"{w}\n" for w in derived),
        encoding="utf-8",
    )
    stop = set(derived)
    rows = sorted((w, c) for w, c in df.items() if w not in stop)
    (out / "idf.txt").write_text(
        "# IDF table for zhenggai's keywords: word<TAB>idf<TAB>df, idf = ln((N + 1) / (df + 1)) + 1.\n"
        "# Generated: do not edit.\n" + origin + f"# documents: {n}\n"
        f"# unseen: {math.log(n + 1) + 1:.6f}\n"
        + "".join(f"{w}\t{math.log((n + 1) / (c + 1)) + 1:.6f}\t{c}\n" for w, c in rows),
        encoding="utf-8",
    )
    return len(derived), len(rows)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders holding one report per file")
    parser.add_argument("--glob", default="*.txt", help="file pattern, matched recursively (default *.txt)")
    parser.add_argument("--out", type=Path, default=DATA, help=f"output directory (default {DATA})")
    parser.add_argument("--stop-share", type=float, default=0.6,
                        help="share of reports a word must occur in to become a stop word (default 0.6)")
    args = parser.parse_args(argv)
    if not 0 < args.stop_share <= 1:
        parser.error("--stop-share must be in (0, 1]")
    missing = [str(f) for f in args.folders if not f.is_dir()]
    if missing:
        parser.error(f"not a folder: {', '.join(missing)}")
    paths = sorted({p for folder in args.folders for p in folder.rglob(args.glob) if p.is_file()})
    if not paths:
        parser.error(f"no {args.glob} file under {', '.join(map(str, args.folders))}")
    df = document_frequencies(paths, curated_stop_words())
    sources = sorted({f.resolve().name for f in args.folders})
    n_stop, n_idf = write_tables(df, len(paths), args.stop_share, args.out, sources)
    print(f"{len(paths)} reports: {n_stop} derived stop words, {n_idf} IDF entries -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
