"""The ``zhenggai`` command: normalize, plugins, detect, schema."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Iterator, Optional, Sequence, TextIO

from . import errors
from .pipeline import normalize
from .serialize import dumps, json_schema

INPUT_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")

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


def _read_input(name: str) -> object:
    return sys.stdin.buffer.read() if name == "-" else name


def _error_line(name: str, exc: errors.ZhenggaiError) -> str:
    return json.dumps({"input": name, "error": type(exc).__name__, "message": str(exc)}, ensure_ascii=False)


def cmd_normalize(args: argparse.Namespace) -> int:
    inputs = list(iter_inputs(args.paths))
    if not inputs:
        print("zhenggai: no input files found", file=sys.stderr)
        return 3
    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    err: TextIO = open(args.errors, "w", encoding="utf-8") if args.errors else sys.stderr
    status, records, failures = 0, [], 0
    try:
        if args.format == "json":
            out.write("[")
        for name in inputs:
            try:
                record = normalize(_read_input(name), plugin=args.plugin, enrich=args.enrich,
                                   encoding=args.encoding, media_type=args.media_type,
                                   max_bytes=args.max_bytes)
            except errors.ZhenggaiError as exc:
                failures += 1
                status = max(status, exc.exit_code)
                err.write(_error_line(name, exc) + "\n")
                continue
            if args.table:
                records.append((name, record))
                continue
            text = dumps(record)
            if args.format == "json":
                out.write(("," if len(records) else "") + "\n" + text)
                records.append((name, None))
            else:
                out.write(text + "\n")
        if args.format == "json":
            out.write("\n]\n")
        if args.table:
            out.write(_table(records))
    finally:
        if out is not sys.stdout:
            out.close()
        if err is not sys.stderr:
            err.close()
    print(f"zhenggai: {len(inputs)} input(s), {len(inputs) - failures} record(s), {failures} error(s)",
          file=sys.stderr)
    return status


def _table(rows: list) -> str:
    header = ("input", "plugin", "signed", "group", "problems", "done/prog/long", "title")
    lines = [header]
    for name, r in rows:
        c = r.counted
        lines.append((
            os.path.relpath(name) if os.path.exists(name) else name,
            r.publisher.plugin,
            r.signed_date.isoformat() if r.signed_date else "-",
            r.inspection.group or "-",
            str(c.problems),
            f"{c.completed}/{c.in_progress}/{c.long_term}",
            (r.title or "-")[:28],
        ))
    widths = [max(_width(row[i]) for row in lines) for i in range(len(header) - 1)]
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
        document = prepare(_read_input(args.path), encoding=args.encoding, media_type=args.media_type)
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


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser (also used to generate docs/cli.md)."""
    parser = argparse.ArgumentParser(
        prog="zhenggai",
        description="Normalize Chinese inspection rectification reports (巡视/巡察整改情况的通报) into records.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("normalize", help="normalize reports to JSON records", epilog=EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (recursed) or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write records here instead of stdout")
    p.add_argument("--format", choices=("jsonl", "json"), default="jsonl",
                   help="one record per line (default) or one JSON array")
    p.add_argument("--table", action="store_true", help="print a short table instead of JSON")
    p.add_argument("--errors", metavar="FILE", help="write error lines here instead of stderr")
    p.add_argument("--plugin", metavar="NAME", help="force a publisher plugin instead of detection")
    p.add_argument("--no-enrich", dest="enrich", action="store_false", help="skip keywords and topics")
    p.add_argument("--encoding", metavar="CODEC", help="decode inputs with this codec")
    p.add_argument("--media-type", choices=("text/html", "text/plain"), help="instead of sniffing")
    p.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, metavar="N",
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
    try:
        return args.func(args)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
