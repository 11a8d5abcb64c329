"""Throughput and memory of batch normalization beside trafilatura and a bs4/lxml floor.

    python benchmarks/throughput.py [--pages 200] [--rows ROW,...] [--corpus DIR] [--no-memory]

The corpus is built by this script, deterministically (``random.Random`` seeded per
page): HTML pages in the five publishers' page templates
(``zhenggai.testing.pages.render_page``), each carrying a report assembled from the
seed reports' paragraphs — the opening and signature of the seed its template belongs
to, and between them runs of its problem paragraphs followed by runs taken from the
other seeds, until the page reaches a size drawn between 20 and 100 KB. Each paragraph
taken is varied (digits redrawn, neighbouring characters swapped) so that, as in a real
crawl, lines do not repeat from page to page. Half the pages are UTF-8, half GBK
(declared ``gbk`` or ``gb2312``).

Each row runs in a fresh process over the same pages, reading every file from disk:

* ``floor``: ``BeautifulSoup(page, "lxml").get_text()``, the least any extraction costs;
* ``trafilatura``: ``trafilatura.extract(page)`` (the ``bench`` extra; the row is skipped
  with a note when it is not installed);
* ``plain-1`` / ``plain-2``: ``zhenggai.normalize_many(paths, enrich=False)`` with 1
  (in-process) and 2 worker processes;
* ``enrich-1`` / ``enrich-2``: the same with enrichment (keywords, topics), the default;
* ``cli``: ``zhenggai normalize DIR --no-enrich --workers 2 -o … --errors …``, checking that
  output lines plus error lines equal the number of pages.

Times are wall-clock from the first file read to the last result, initialization
included (importing is not). Rows through ``normalize_many`` also give their steady
rate, over the last 90% of the results (from the arrival of the result at the 10% mark
to the last one), and the time the iterator takes to end after the last result
(stopping the worker processes): starting workers (Python, imports, plugins) costs a
fixed 0.3-0.4 s, and they do not all deliver their first result at once, which a
300-page run magnifies but a crawl does not see; the 2-worker speedup is printed both
ways. Peak RSS is the row's process (for worker rows: the largest worker). The speedup
of 2 workers is printed beside the ceiling the machine offers at that moment (two busy
loops side by side versus in turn), since a shared machine rarely gives a process two
whole cores. Then ``--memory`` normalizes single pages of 1, 2.5 and 5 MB, each in a
fresh process, and prints the RSS growth per MB of input.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

ROOT = Path(__file__).resolve().parent.parent
KB = 1024
MB = 1024 * 1024

# The template each seed was scraped from (see zhenggai.testing.pages).
SEED_KINDS = {"000": "liaoning_pj", "001": "liaoning_jp", "002": "fujian", "003": "hunan", "004": "zhejiang"}
CHARSETS = ("utf-8", "utf-8", "gbk", "gb2312")
ROWS = ("floor", "trafilatura", "plain-1", "plain-2", "enrich-1", "enrich-2", "cli")
MEMORY_SIZES_MB = (1.0, 2.5, 5.0)


# --------------------------------------------------------------------------- corpus


def seed_reports() -> dict[str, tuple[str, list[str]]]:
    """Title and cleaned paragraphs of each seed report, by the template it belongs to."""
    import zhenggai

    reports = {}
    for number, kind in SEED_KINDS.items():
        path = next(ROOT.glob(f"fixtures/*/{number}-text/*.txt"))
        record = zhenggai.normalize(path, enrich=False)
        reports[kind] = (record.title or "关于巡察整改情况的通报", list(record.paragraphs))
    return reports


def _encoded_size(paragraph: str, charset: str) -> int:
    from zhenggai.testing.pages import encode_page

    return len(encode_page(paragraph, charset)) + 16  # + the paragraph's tags


def _vary(paragraph: str, rng: random.Random) -> str:
    """``paragraph`` made unique to its page, as a real crawl's lines are: after its first
    eight characters (a heading's marker stays as it is), every digit is redrawn and two
    neighbouring characters swap places for every 40 characters. Repeated lines would
    flatter the per-line caches (``text.fold``, ``text.clean_line``)."""
    chars = list(paragraph)
    for k in range(8, len(chars)):
        if chars[k].isdigit() and chars[k].isascii():
            chars[k] = str(rng.randrange(10))
    for _ in range(len(chars) // 40):
        k = rng.randrange(8, len(chars) - 1)
        chars[k], chars[k + 1] = chars[k + 1], chars[k]
    return "".join(chars)


def build_page(i: int, reports: dict[str, tuple[str, list[str]]], *, low: int = 20 * KB,
               high: int = 100 * KB) -> tuple[str, bytes]:
    """Page ``i`` of the corpus (deterministic in ``i``), between ``low`` and ``high``
    bytes, and the charset it declares."""
    from zhenggai.testing.pages import KINDS, encode_page, render_page

    rng = random.Random(i)
    kind = KINDS[i % len(KINDS)]
    charset = rng.choice(CHARSETS)
    title, paragraphs = reports[kind]
    head, middle, tail = paragraphs[:2], paragraphs[2:-3], paragraphs[-3:]
    published = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    def render(body: list[str]) -> bytes:
        html = render_page(kind, title=title, paragraphs=[*head, *body, *tail], published_at=published,
                           charset=charset)
        return encode_page(html, charset)

    target = rng.randint(low + 2 * KB, high - 4 * KB)
    size = len(render([]))
    body: list[str] = []
    runs = [middle] + [reports[k][1][2:-3] for k in sorted(reports) if k != kind]
    source, start = middle, 0
    while size < target:
        if start >= len(source):  # next run: a stretch of another seed's problems
            source = rng.choice(runs)
            start = rng.randrange(len(source))
        paragraph = _vary(source[start], rng)
        start += 1
        body.append(paragraph)
        size += _encoded_size(paragraph, charset)
    page = render(body)
    while len(page) > high and body:
        body.pop()
        page = render(body)
    return charset, page


def build_corpus(folder: Path, pages: int) -> list[Path]:
    """Write the corpus into ``folder``; the pages' paths."""
    reports = seed_reports()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(pages):
        charset, page = build_page(i, reports)
        path = folder / f"page{i:06d}-{charset}.html"
        path.write_bytes(page)
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- one row (child process)


def _peak_rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / KB  # kilobytes on Linux


def run_row(row: str, paths: list[Path]) -> dict[str, Any]:
    """Run one row over ``paths`` in this process; figures as a dict."""
    if row in ("floor", "trafilatura"):
        if row == "floor":
            from bs4 import BeautifulSoup

            def extract(data: bytes) -> Optional[str]:
                return BeautifulSoup(data, "lxml").get_text()
        else:
            import trafilatura

            def extract(data: bytes) -> Optional[str]:
                return trafilatura.extract(data)
        start = time.perf_counter()
        outputs = [extract(p.read_bytes()) for p in paths]
        seconds = time.perf_counter() - start
        ok = sum(1 for o in outputs if o)
        return {"seconds": seconds, "records": ok, "errors": len(paths) - ok,
                "rss_mb": _peak_rss_mb(resource.RUSAGE_SELF)}
    import zhenggai
    from zhenggai.batch import ErrorResult, normalize_many

    workers = int(row.rsplit("-", 1)[1])
    start = time.perf_counter()
    arrivals = []
    records = errors = 0
    for result in normalize_many([str(p) for p in paths], workers=workers, enrich=row.startswith("enrich")):
        arrivals.append(time.perf_counter())
        if isinstance(result, ErrorResult):
            errors += 1
        else:
            records += 1
    stopped = time.perf_counter()
    rss = _peak_rss_mb(resource.RUSAGE_SELF if workers == 1 else resource.RUSAGE_CHILDREN)
    mark = len(arrivals) // 10
    steady = (len(arrivals) - 1 - mark) / (arrivals[-1] - arrivals[mark]) if arrivals[-1] > arrivals[mark] else None
    return {"seconds": arrivals[-1] - start, "steady": steady, "startup": arrivals[0] - start,
            "stopping": stopped - arrivals[-1], "records": records, "errors": errors, "rss_mb": rss,
            "version": zhenggai.__version__}


def run_cli(folder: Path) -> dict[str, Any]:
    """The command over the corpus folder: every page must give a record or an error line."""
    from zhenggai.cli import iter_inputs

    pages = sum(1 for _ in iter_inputs([str(folder)]))
    with tempfile.TemporaryDirectory() as out:
        records, errors = Path(out, "records.jsonl"), Path(out, "errors.jsonl")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "zhenggai.cli", "normalize", str(folder), "--no-enrich",
                               "--workers", "2", "-o", str(records), "--errors", str(errors)],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        n_records = sum(1 for _ in records.open(encoding="utf-8"))
        n_errors = sum(1 for _ in errors.open(encoding="utf-8"))
    return {"seconds": seconds, "records": n_records, "errors": n_errors, "exit": done.returncode,
            "complete": n_records + n_errors == pages, "summary": done.stderr.strip().splitlines()[-3:],
            "rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN)}


def run_memory(size_mb: float, folder: Path) -> dict[str, Any]:
    """Normalize one page of about ``size_mb`` MB (a report repeated) in this process."""
    import zhenggai
    from zhenggai.testing.pages import encode_page, render_page

    title, paragraphs = seed_reports()["liaoning_pj"]
    middle = paragraphs[2:-3]
    unit = sum(len(p.encode("utf-8")) + 16 for p in middle)
    body = middle * max(1, int(size_mb * MB / unit))
    page = encode_page(render_page("liaoning_pj", title=title, paragraphs=[*paragraphs[:2], *body,
                                                                            *paragraphs[-3:]]), "utf-8")
    path = folder / f"big-{size_mb:g}.html"
    path.write_bytes(page)
    zhenggai.normalize(next(ROOT.glob("fixtures/*/000-text/*.txt")))  # initialization, not the page's cost
    base = _peak_rss_mb(resource.RUSAGE_SELF)
    start = time.perf_counter()
    record = zhenggai.normalize(path, max_bytes=64 * MB)
    seconds = time.perf_counter() - start
    return {"bytes": len(page), "seconds": seconds, "base_mb": base, "rss_mb": _peak_rss_mb(resource.RUSAGE_SELF),
            "problems": record.counted.problems}


def _child(args: list[str]) -> Optional[dict[str, Any]]:
    """Run ``--child ARGS`` of this script in a fresh process; its JSON result or None."""
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-2000:])
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next(line.split(":", 1)[1].strip() for line in handle if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{time.strftime('%Y-%m-%d')}, {cpu}, {cores} cores, Python {platform.python_version()}, "
            f"load average {load:.1f} at start")


def main(argv: Optional[list[str]] = None) -> int:
    """Build the corpus, run the rows, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--pages", type=int, default=200, help="pages in the corpus (default 200)")
    parser.add_argument("--rows", default=",".join(ROWS), help=f"rows to run, of {','.join(ROWS)}")
    parser.add_argument("--corpus", type=Path, help="build (or reuse) the corpus here instead of a temp dir")
    parser.add_argument("--no-memory", dest="memory", action="store_false", help="skip the big-page check")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:  # a row in a fresh process: print its figures as JSON
        kind, *rest = args.child
        if kind == "memory":
            result = run_memory(float(rest[0]), Path(rest[1]))
        elif kind == "cli":
            result = run_cli(Path(rest[0]))
        else:
            result = run_row(kind, sorted(Path(rest[0]).glob("page*.html"))[:int(rest[1])])
        print(json.dumps(result, ensure_ascii=False))
        return 0

    rows = [r for r in args.rows.split(",") if r]
    unknown = set(rows) - set(ROWS)
    if unknown:
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.corpus or Path(tmp, "corpus")
        print(f"machine: {_machine()}")
        start = time.perf_counter()
        paths = build_corpus(folder, args.pages)
        total = sum(p.stat().st_size for p in paths)
        sizes = sorted(p.stat().st_size for p in paths)
        gbk = sum(1 for p in paths if "-gb" in p.name)
        print(f"corpus: {len(paths)} pages, {total / MB:.1f} MB, {sizes[0] / KB:.0f}-{sizes[-1] / KB:.0f} KB "
              f"(median {sizes[len(sizes) // 2] / KB:.0f} KB), {gbk} GBK / {len(paths) - gbk} UTF-8; "
              f"built in {time.perf_counter() - start:.1f} s\n")
        figures: dict[str, dict[str, Any]] = {}
        for row in rows:
            if row == "trafilatura":
                try:
                    import trafilatura  # noqa: F401
                except ImportError as exc:
                    print(f"trafilatura: skipped, not importable ({exc}); pip install 'zhenggai[bench]'")
                    continue
            result = _child(["cli", str(folder)] if row == "cli" else [row, str(folder), str(len(paths))])
            if result is None:
                print(f"{row}: failed (see above)")
                continue
            result["rate"] = len(paths) / result["seconds"]
            figures[row] = result
            print(_line(row, result, len(paths), total), flush=True)
        _ratios(figures)
        if args.memory:
            _memory(Path(tmp))
    return 0


_SPIN = "s = 0\nfor i in range(20_000_000):\n    s += i\n"


def parallelism() -> float:
    """How much faster two CPU-bound processes finish side by side than one after the
    other, right now: the ceiling for any 2-worker speedup on a shared machine."""
    def spin(count: int) -> float:
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(count)]
        for proc in procs:
            proc.wait()
        return time.perf_counter() - start

    return 2 * spin(1) / spin(2)


def _line(row: str, r: dict[str, Any], pages: int, total: int) -> str:
    rate = pages / r["seconds"]
    text = (f"{row:<12} {rate:8.1f} docs/s {total / MB / r['seconds']:7.2f} MB/s  peak RSS {r['rss_mb']:6.0f} MB  "
            f"{r['records']} ok, {r['errors']} errors")
    if r.get("steady"):
        text += (f"; steady {r['steady']:.1f} docs/s (first result after {r['startup']:.2f} s, "
                 f"stopped {r['stopping']:.2f} s after the last)")
    if row == "cli":
        text += f"; exit {r['exit']}; {'complete' if r['complete'] else 'INCOMPLETE'}: {' | '.join(r['summary'])}"
    return text


def _ratios(figures: dict[str, dict[str, Any]]) -> None:
    seconds = {row: r["seconds"] for row, r in figures.items()}
    times = [(what, seconds[a] / seconds[b]) for what, a, b in (
        ("zhenggai without enrichment / trafilatura", "plain-1", "trafilatura"),
        ("zhenggai with enrichment / trafilatura", "enrich-1", "trafilatura"),
        ("zhenggai without enrichment / bs4 floor", "plain-1", "floor"),
        ("with enrichment / without", "enrich-1", "plain-1")) if a in seconds and b in seconds]
    speedups = [(f"2 workers / 1 worker ({mode}{label})", figures[f"{mode}-2"][key] / figures[f"{mode}-1"][key])
                for mode in ("plain", "enrich") if f"{mode}-1" in figures and f"{mode}-2" in figures
                for key, label in (("rate", ", whole run"), ("steady", ", steady"))
                if figures[f"{mode}-1"].get(key) and figures[f"{mode}-2"].get(key)]
    if times:
        print("\ntime ratios (below 1: the first is faster)")
        for what, value in times:
            print(f"{what:<44} {value:6.2f}")
    if speedups:
        print("throughput ratios (higher is better)")
        for what, value in speedups:
            print(f"{what:<44} {value:6.2f}")
        print(f"{'ceiling: 2 busy loops side by side / in turn':<44} {parallelism():6.2f}")


def _memory(folder: Path) -> None:
    print("\nbig pages (one page each, fresh process, enrichment on)")
    for size in MEMORY_SIZES_MB:
        r = _child(["memory", str(size), str(folder)])
        if r is None:
            print(f"{size:g} MB: failed (see above)")
            continue
        growth = r["rss_mb"] - r["base_mb"]
        print(f"{r['bytes'] / MB:5.2f} MB page: {r['seconds']:6.1f} s, RSS {r['base_mb']:.0f} -> {r['rss_mb']:.0f} MB "
              f"(+{growth:.0f} MB, {growth / (r['bytes'] / MB):.1f} MB per MB of page), "
              f"{r['problems']} problems")


if __name__ == "__main__":
    sys.exit(main())
