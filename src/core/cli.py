"""The ``zhenggai`` command: normalize, plugins, detect, schema."""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Sequence, TextIO

from tqdm import tqdm

from . import errors, outputs
from .batch import ErrorResult, default_workers, normalize_many
from .load import DEFAULT_MAX_BYTES, INPUT_SUFFIXES
from .serialize import json_schema


EXIT_CODES = """\
exit codes:
  0  every input gave a record
  2  usage error (bad option, no input)
  3  an input could not be read (missing file, directory without reports, wrong type)
  4  an input could not be decoded
  5  an input was empty
  6  an input was larger than --max-bytes
  7  a plugin failed and no other plugin could parse, or --plugin names no plugin
  1  any other library error
When several inputs fail, the highest code is returned; the other inputs are still
normalized and written. Each failure is one JSON error line (input, type, message)
on stderr, or in the file given by --errors."""


def iter_inputs(paths: Sequence[str]) -> Iterator[str]:
    """Expand the command's PATH arguments: files as given, directories recursed (sorted,
    report files only), ``-`` for standard input."""
    for raw in paths:
        path = Path(raw)
        if raw != "-" and path.is_dir():
            found = sorted(
                str(p) for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith(".")
            )
            yield from found
        else:
            yield raw


def _read_input(name: str, max_bytes: int) -> object:
    """A path as given, or standard input's bytes (one byte past the limit at most, so an
    oversized stream is refused by ``load`` without being read whole)."""
    return sys.stdin.buffer.read(max_bytes + 1) if name == "-" else name


def _error_line(name: str, exc: errors.ZhenggaiError) -> str:
    return json.dumps({"input": name, "error": type(exc).__name__, "message": str(exc)}, ensure_ascii=False)


def cmd_normalize(args: argparse.Namespace) -> int:
    names = list(iter_inputs(args.paths))
    if not names:
        print("zhenggai: no input files found", file=sys.stderr)
        return 3
    if args.format == "parquet" and not args.output and not args.table:
        print("zhenggai: --format parquet writes a file: give -o FILE", file=sys.stderr)
        return 2
    workers = min(args.workers or default_workers(), len(names))
    with contextlib.ExitStack() as stack:
        try:
            main_writer = None if args.table else _main_writer(args, stack)
            problems = _problems_writer(args.problems, stack) if args.problems else None
            err: TextIO = stack.enter_context(open(args.errors, "w", encoding="utf-8")) if args.errors else sys.stderr
        except errors.ZhenggaiError as exc:
            print(f"zhenggai: {exc.message}", file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"zhenggai: cannot write {exc.filename}: {exc.strerror}", file=sys.stderr)
            return 2
        for writer in (main_writer, problems):
            if writer is not None:
                stack.callback(writer.close)  # before its stream closes (last in, first out)
        status, table_rows, summary = 0, [], outputs.Summary()
        started = time.perf_counter()
        forms = {w.form for w in (main_writer, problems) if w is not None} | ({"overview"} if args.table else set())
        results = normalize_many((_read_input(name, args.max_bytes) for name in names), workers=workers, enrich=args.enrich,
                                 timeout=args.timeout, plugin=args.plugin, encoding=args.encoding,
                                 media_type=args.media_type, max_bytes=args.max_bytes,
                                 then=functools.partial(outputs.render, forms=frozenset(forms)))
        bar = stack.enter_context(tqdm(total=len(names), file=sys.stderr, unit="doc", dynamic_ncols=True,
                                       disable=not sys.stderr.isatty()))
        try:
            for result, name in zip(results, names):
                summary.add(result)
                bar.update()
                if isinstance(result, ErrorResult):
                    status = max(status, result.exit_code)
                    line = json.dumps({**result.to_dict(), "input": name}, ensure_ascii=False)
                    if err is sys.stderr:
                        tqdm.write(line, file=sys.stderr)  # above the bar, not through it
                    else:
                        err.write(line + "\n")
                    continue
                if main_writer is None:
                    table_rows.append((name, *result.overview))
                else:
                    main_writer.write(result)
                if problems is not None:
                    problems.write(result)
        except errors.ZhenggaiError as exc:  # the worker processes could not start
            print(f"zhenggai: {exc}", file=sys.stderr)
            return exc.exit_code
    if args.table:
        sys.stdout.write(_table(table_rows))
    for line in summary.lines(time.perf_counter() - started):
        print(f"zhenggai: {line}", file=sys.stderr)
    return status


def _main_writer(args: argparse.Namespace, stack: contextlib.ExitStack) -> outputs.Writer:
    """The writer of ``--format``, to ``-o FILE`` or standard output."""
    if args.format == "parquet":
        return outputs.ParquetWriter(args.output, "reports")
    if args.format == "csv":
        if args.output:
            stream = stack.enter_context(outputs.open_csv(args.output))
        else:  # standard output, re-encoded: the BOM and CRLF rows belong to the CSV
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding=outputs.CSV_ENCODING, newline="")
            stack.callback(stream.detach)
            stack.callback(stream.flush)
        return outputs.CsvWriter(stream, "reports")
    stream = stack.enter_context(open(args.output, "w", encoding="utf-8")) if args.output else sys.stdout
    return outputs.JsonArrayWriter(stream) if args.format == "json" else outputs.JsonLinesWriter(stream)


def _problems_writer(path: str, stack: contextlib.ExitStack) -> outputs.Writer:
    """``--problems FILE``: Parquet when FILE ends in .parquet, CSV otherwise."""
    if path.lower().endswith(".parquet"):
        return outputs.ParquetWriter(path, "problems")
    return outputs.CsvWriter(stack.enter_context(outputs.open_csv(path)), "problems")


def _positive(kind: type) -> Callable[[str], Any]:
    """An argparse type: a positive ``kind`` (int or float)."""
    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
        return value

    return parse


def _table(rows: list[tuple[str, ...]]) -> str:
    """The ``--table`` overview: each input's name and its ``outputs.overview_row``."""
    lines = [("input", *outputs.OVERVIEW_COLUMNS)]
    for name, *cells in rows:
        lines.append((os.path.relpath(name) if os.path.exists(name) else name, *cells))
    widths = [max(_width(row[i]) for row in lines) for i in range(len(lines[0]) - 1)]
    out = []
    for row in lines:
        cells = [cell + " " * (w - _width(cell)) for cell, w in zip(row, widths)]
        out.append("  ".join([*cells, row[-1]]))
    return "\n".join(out) + "\n"


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def cmd_plugins(args: argparse.Namespace) -> int:
    from .plugins import default_registry

    registry = default_registry()
    entries = registry.entries()
    if args.json:
        print(json.dumps([{"name": e.name, "version": e.version, "distribution": e.distribution,
                           "label": e.info.label, "province": e.info.province, "priority": e.info.priority}
                          for e in entries], ensure_ascii=False, indent=2))
    else:
        for e in entries:
            print(f"{e.name:<12} {e.version or '-':<10} {e.distribution or '-':<20} "
                  f"priority {e.info.priority:>4}  {e.info.label}")
    for problem in registry.load_errors:
        print(f"zhenggai: {problem}", file=sys.stderr)
    return 0


def cmd_detect(args: argparse.Namespace) -> int:
    from .detect import rank
    from .pipeline import prepare
    from .plugins import default_registry

    try:
        document = prepare(_read_input(args.path, DEFAULT_MAX_BYTES), encoding=args.encoding, media_type=args.media_type)
    except errors.ZhenggaiError as exc:
        print(_error_line(args.path, exc), file=sys.stderr)
        return exc.exit_code
    ranked = rank(document, default_registry())
    for i, cand in enumerate(ranked):
        mark = "*" if i == 0 else " "
        note = f"  [failed: {cand.failure}]" if cand.failure else ""
        print(f"{mark} {cand.name:<12} {cand.score:5.2f}  {cand.reason}{note}")
    return 0


def cmd_schema(_args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help as Python 3.13 prints it on every version: ``-o, --output FILE``, not
    ``-o FILE, --output FILE``, so that ``zhenggai --help`` and docs/cli.md (generated
    from it) read the same whichever Python runs them."""

    def _format_action_invocation(self, action: argparse.Action) -> str:
        if not action.option_strings or action.nargs == 0:
            return super()._format_action_invocation(action)
        metavar = self._format_args(action, self._get_default_metavar_for_optional(action))
        return f"{', '.join(action.option_strings)} {metavar}"


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser (also used to generate docs/cli.md)."""
    parser = argparse.ArgumentParser(
        prog="zhenggai",
        description="Normalize Chinese inspection rectification reports (巡视/巡察整改情况的通报) into records.",
        epilog=EXIT_CODES,
        formatter_class=_HelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("normalize", help="normalize reports to JSON records", epilog=EXIT_CODES,
                       formatter_class=_HelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursed) or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    p.add_argument("--format", choices=("jsonl", "json", "csv", "parquet"), default="jsonl",
                   help="jsonl: one record per line (default); json: one array; csv: one row per report "
                        "(UTF-8 with BOM); parquet: the same table (needs pyarrow, and -o)")
    p.add_argument("--problems", metavar="FILE",
                   help="also write one row per problem here: Parquet if FILE ends in .parquet, else CSV")
    p.add_argument("--table", action="store_true", help="print a short table instead of --format output")
    p.add_argument("--errors", metavar="FILE", help="write error lines here instead of stderr")
    p.add_argument("--workers", type=_positive(int), metavar="N",
                   help="worker processes (default: every core); 1 runs in this process")
    p.add_argument("--timeout", type=_positive(float), metavar="SECONDS",
                   help="time limit per document: a plugin that hangs is skipped for the next one; "
                        "a document that still takes longer gives a TimeoutError line (exit code 1)")
    p.add_argument("--plugin", metavar="NAME", help="force a publisher plugin instead of detection")
    p.add_argument("--no-enrich", dest="enrich", action="store_false", help="skip keywords and topics")
    p.add_argument("--encoding", metavar="CODEC", help="decode inputs with this codec")
    p.add_argument("--media-type", choices=("text/html", "text/plain"), help="instead of sniffing")
    p.add_argument("--max-bytes", type=_positive(int), default=DEFAULT_MAX_BYTES, metavar="N",
                   help="refuse inputs larger than N bytes (default 50 MiB)")
    p.set_defaults(func=cmd_normalize)

    p = sub.add_parser("plugins", help="list publisher plugins with version and distribution")
    p.add_argument("--json", action="store_true", help="as JSON")
    p.set_defaults(func=cmd_plugins)

    p = sub.add_parser("detect", help="show every plugin's claim on a page, best first")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--encoding", metavar="CODEC")
    p.add_argument("--media-type", choices=("text/html", "text/plain"))
    p.set_defaults(func=cmd_detect)

    p = sub.add_parser("schema", help="print the JSON Schema of a record")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point of the ``zhenggai`` command."""
    args = build_parser().parse_args(argv)
    # Records are UTF-8 JSON whatever the locale says; messages never crash on a character.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="backslashreplace")
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
