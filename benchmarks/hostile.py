"""Time growth of every public text function, and of ``normalize``, on pathological input.

    python benchmarks/hostile.py [--sizes 6250,25000,100000] [--only NAME] [--pipeline-only]

Issue 7 asks that pathological text (100,000-char lines, runs of punctuation or heading
markers, thousands of 一是) be processed in time linear in its size. Unit tests must not
time anything (CI machines are noisy), so the figures live here.

Part 1 runs each public function of the text modules (dates, numerals, money, outline,
statuses, repair, chrome, blocks, figures, metadata, inspection, contacts, frame,
structure, text) on adversarial strings: one *unit* (a heading marker, a date fragment,
a quote, an organ suffix, …) repeated to ``n`` characters, as one line (``line``) and as
lines of about 20 characters (``lines``, for the functions that take paragraphs). For
each (function, unit, shape) it prints the seconds at the largest size and the growth
factor per 4x size (1 to ~5 is linear, 16 quadratic). Each function's worst case is
printed, then the flagged cases: slow (over ``--slow`` seconds at the largest size),
superlinear (a factor over 6 from the last two sizes *and* again at 4x the largest,
since small timings on a shared machine are noisy), over 5 s at some size (not run at the
next) or raising something other than a ``zhenggai.errors`` type.

Part 2 normalizes whole hostile documents at n and 4n characters (n = a quarter of the
largest size) and prints seconds, seconds per MB and the growth factor (4 is linear).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from typing import Callable, Sequence

import zhenggai
from zhenggai import blocks, chrome, contacts, dates, figures, frame, inspection, metadata, money, numerals
from zhenggai import outline, repair, statuses, structure, text
from zhenggai.model import PageMeta

# Pieces of the genre a pattern may loop on: markers, dates, quotes, organ names,
# figures, labels, chrome, markup.
UNITS: tuple[str, ...] = (
    "一是", "第一是", "（一）", "(一)", "(", "（", "1.", "1.1.", "1、", "一、", "(1)", "①", "一二三",
    "十", "百分之", "，", "。", "、", "；", "：", ":", "“", "”", "关于“", "关于", "“问题”",
    "2023年", "2023年1月", "2023.", "2023-01-", "1月1日至", "年月日", "至", "底前", "季度",
    "0", "1-", "12", "1,", "万元", "清退", "挽回损失", "已完成整改", "正在整改", "长期坚持",
    "中共", "委员会", "委", "党组", "县委", "巡察", "整改", "巡察组", "市委第一巡察组对", "进行了巡察",
    "个问题", "3个方面", "处理", "问责3人", "联系电话：", "电话", "0000-", "@", "a@b.", "http://a",
    "邮箱", "《", "》", "《规定》", "制度", "建立", "a", "A", " ", "\u3000", "\u00a0", "\t",
    "<", "<!--", "<div>", "<p>", "&nbsp;", "发布时间：", "来源：", "【", "】", "[", "]", "…",
)

LineFn = Callable[[str], object]
ParasFn = Callable[[Sequence[str]], object]

ON_TEXT: dict[str, LineFn] = {
    "text.fold": text.fold,
    "text.clean_line": text.clean_line,
    "text.close_cjk_spaces": text.close_cjk_spaces,
    "dates.parse_date": dates.parse_date,
    "dates.find_dates": dates.find_dates,
    "dates.parse_timestamp": dates.parse_timestamp,
    "numerals.cn_to_int": numerals.cn_to_int,
    "numerals.parse_count": numerals.parse_count,
    "numerals.parse_percent": numerals.parse_percent,
    "money.parse_yuan": money.parse_yuan,
    "outline.read_marker": outline.read_marker,
    "outline.quote_spans": outline.quote_spans,
    "outline.sentence_end": outline.sentence_end,
    "outline.split_title": outline.split_title,
    "outline.lead_ins": outline.lead_ins,
    "statuses.periods": statuses.periods,
    "statuses.deadline": statuses.deadline,
    "statuses.planned_deadline": statuses.planned_deadline,
    "statuses.classify": statuses.classify,
    "repair.looks_like_title": repair.looks_like_title,
    "repair.starts_heading": repair.starts_heading,
    "repair.is_date_line": repair.is_date_line,
    "chrome.looks_like_report_text": chrome.looks_like_report_text,
    "blocks.sniff_media_type": blocks.sniff_media_type,
    "blocks.extract(plain)": lambda s: blocks.extract(s, blocks.PLAIN),
    "blocks.extract(html)": lambda s: blocks.extract(s, blocks.HTML),
}
ON_PARAGRAPHS: dict[str, ParasFn] = {
    "figures.stated": figures.stated,
    "figures.accountability": figures.accountability,
    "metadata.issuer": lambda p: metadata.issuer(p[0][:200], p),
    "metadata.signed_date": metadata.signed_date,
    "metadata.addressees": metadata.addressees,
    "metadata.opening": metadata.opening,
    "metadata.context_year": lambda p: metadata.context_year(p[0][:200], p, None),
    "inspection.inspection": lambda p: inspection.inspection(p[0][:200], p),
    "contacts.contacts": contacts.contacts,
    "repair.repair": repair.repair,
    "frame.frame": lambda p: frame.frame(p, PageMeta()),
    "outline.build": outline.build,
    "structure.parse": structure.parse,
    "chrome.strip": lambda p: chrome.strip([blocks.Block(x) for x in p]),
}


def repeated(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def mixture(n: int, units: Sequence[str] = UNITS) -> str:
    """``n`` characters of ``units`` in a fixed pseudo-random order (no newlines)."""
    out, total, i = [], 0, 0
    while total < n:
        pick = units[hashlib.sha256(str(i).encode()).digest()[0] % len(units)]
        out.append(pick)
        total += len(pick)
        i += 1
    return "".join(out)[:n]


TEXT_UNITS = tuple(u for u in UNITS if "<" not in u and "&" not in u)


def as_lines(s: str, width: int = 20) -> list[str]:
    """``s`` cut into lines of ``width`` characters."""
    return [s[i:i + width] for i in range(0, len(s), width)]


def seconds(fn: Callable[[], object], repeat: int = 1) -> float:
    """The fastest of ``repeat`` calls of ``fn`` (the machine may be shared)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def growth(times: list[float]) -> float:
    """Time ratio per 4x size between the two largest sizes measured (floored at 1 ms)."""
    if len(times) < 2:
        return float("nan")
    return max(times[-1], 1e-3) / max(times[-2], 1e-3)


def measure(call: Callable[[str], object], unit_text: Callable[[int], str], sizes: list[int],
            give_up: float, repeat: int) -> list[float]:
    """Seconds per size, up to the first size that takes over ``give_up`` seconds."""
    times: list[float] = []
    for n in sizes:
        s = unit_text(n)
        times.append(seconds(lambda: call(s), repeat))
        if times[-1] > give_up:
            break
    return times


def part_functions(sizes: list[int], only: str | None, slow: float, repeat: int) -> list[tuple]:
    """Run every (function, input, shape); print each function's worst case; return the
    flagged rows (slow, superlinear, gave up, or raised something not ours)."""
    inputs: list[tuple[str, Callable[[int], str]]] = [(repr(u), (lambda n, u=u: repeated(u, n))) for u in UNITS]
    inputs.append(("mixture", mixture))
    cases: list[tuple[str, str, Callable[[str], object]]] = []
    for name, fn in ON_TEXT.items():
        cases.append((name, "line", fn))
    for name, pfn in ON_PARAGRAPHS.items():
        cases.append((name, "line", lambda s, pfn=pfn: pfn([s])))
        cases.append((name, "lines", lambda s, pfn=pfn: pfn(as_lines(s))))
    flagged = []
    worst: dict[str, tuple[float, str]] = {}
    for name, shape, call in cases:
        if only and only not in name:
            continue
        for label, make in inputs:
            try:
                times = measure(call, make, sizes, give_up=5.0, repeat=repeat)
            except zhenggai.ZhenggaiError:
                continue
            except Exception as exc:  # a crash is a finding too
                flagged.append((name, shape, label, float("nan"), float("nan"), f"{type(exc).__name__}: {exc}"[:80]))
                continue
            g = growth(times)
            if times[-1] > worst.get(name, (0.0, ""))[0]:
                worst[name] = (times[-1], f"{label} {shape}")
            if len(times) < len(sizes):
                flagged.append((name, shape, label, times[-1], g, f"gave up after {sizes[len(times) - 1]}"))
            elif g > 6 and times[-1] > 0.02:
                # Small timings on a shared machine are noisy: a growth is only reported
                # when it holds for the next 4x too.
                again = measure(call, make, [sizes[-1] * 4], give_up=60.0, repeat=repeat)[0]
                if again / times[-1] > 6:
                    flagged.append((name, shape, label, again, again / times[-1], f"at {sizes[-1] * 4}"))
            elif times[-1] > slow:
                flagged.append((name, shape, label, times[-1], g, "slow"))
        print(f"  {name:<28} {shape:<5} worst {worst.get(name, (0.0, ''))[0]:7.3f} s ({worst.get(name, (0, ''))[1]})",
              flush=True)
    return flagged


def numbered(block: str, n: int) -> str:
    """Repetitions of ``block`` (``{i}`` is the repetition's number) up to ``n`` chars."""
    out, total, i = [], 0, 0
    while total < n:
        i += 1
        out.append(block.format(i=i))
        total += len(out[-1])
    return "".join(out)[:n]


def part_pipeline(n: int) -> None:
    """Print normalize's seconds on whole hostile documents of n and 4n characters."""
    title = "中共青山县委员会关于巡察整改进展情况的通报\n"
    docs: dict[str, tuple[Callable[[int], str], bool]] = {
        "一是 run, one line": (lambda k: repeated("一是", k), False),
        "一是加强。 lines": (lambda k: "\n".join(as_lines(repeated("一是加强管理。", k), 7)), False),
        "（一） run": (lambda k: repeated("（一）", k), False),
        "1.1.1. run": (lambda k: repeated("1.", k), False),
        "punctuation run": (lambda k: repeated("，。、；：“”（）《》…—", k), False),
        "report sentence, one line": (lambda k: repeated("县委第一巡察组对县农业农村局党组开展了常规巡察，已完成整改3个问题。", k),
                                      False),
        "headings + status lines": (lambda k: title + repeated(
            "（一）方面\n1.问题不够深入。\n整改情况：一是制定计划。已完成整改。\n", k), False),
        "genre mixture, one line": (lambda k: mixture(k, TEXT_UNITS), False),
        "genre mixture, lines": (lambda k: "\n".join(as_lines(mixture(k, TEXT_UNITS), 40)), False),
        "nested <div>": (lambda k: "<html><body>" + "<div>" * (k // 5) + "正文" + "</div>" * (k // 5), False),
        "unclosed <font>": (lambda k: "<html><body>" + "<font size=3>" * (k // 13) + "正文", False),
        "sibling headings 1. 2. …": (lambda k: title + numbered("{i}.问题不够深入。\n整改情况：已完成整改。\n", k), False),
        "关于“…” items": (lambda k: title + numbered("关于“问题{i}”问题的整改落实情况\n整改进展情况：已完成整改。\n", k),
                        False),
        "headings + status, enrich": (lambda k: title + repeated(
            "（一）方面\n1.问题不够深入。\n整改情况：一是制定计划。已完成整改。\n", k), True),
        "genre mixture lines, enrich": (lambda k: "\n".join(as_lines(mixture(k, TEXT_UNITS), 40)), True),
    }
    print(f"\nnormalize at n and 4n characters (n = {n}; enrich=False unless the label says):")
    print(f"  {'input':<30} {'n s':>7} {'4n s':>7} {'s/MB at 4n':>10} {'growth':>7}")
    for label, (make, enrich) in docs.items():
        small, big = make(n), make(4 * n)

        def run(s: str) -> None:
            try:
                zhenggai.normalize(s, enrich=enrich)
            except zhenggai.ZhenggaiError:
                pass

        t1, t4 = seconds(lambda: run(small), 3), seconds(lambda: run(big), 3)
        mb = len(big.encode("utf-8")) / 1e6
        print(f"  {label:<30} {t1:7.3f} {t4:7.3f} {t4 / mb:10.2f} {t4 / max(t1, 1e-3):7.1f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--sizes", default="6250,25000,100000")
    parser.add_argument("--only", help="only functions whose name contains this")
    parser.add_argument("--slow", type=float, default=0.5, help="flag calls slower than this at the largest size")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest counts")
    parser.add_argument("--pipeline-only", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    zhenggai.normalize("预热\n巡察整改")  # load plugins and the tokenizer once
    if not args.pipeline_only:
        print(f"public functions on {len(UNITS) + 1} adversarial inputs at sizes {sizes}:")
        flagged = part_functions(sizes, args.only, args.slow, args.repeat)
        print(f"\n{len(flagged)} flagged (over {args.slow} s at {sizes[-1]}, superlinear, gave up, raised):")
        for name, shape, label, t, g, note in flagged:
            print(f"  {name:<28} {shape:<5} {label:<22} {t:8.3f} s  growth {g:5.1f}  {note}")
    part_pipeline(sizes[-1] // 4)
    return 0


if __name__ == "__main__":
    sys.exit(main())
