"""Coverage-guided fuzzing of ``zhenggai.normalize`` with atheris (libFuzzer), on demand.

atheris is not a dependency of the project; install it where you fuzz::

    pip install atheris                      # wheels for CPython 3.8-3.12 on Linux x86_64
    python fuzz/fuzz_normalize.py --seed-corpus fuzz/corpus
    python fuzz/fuzz_normalize.py fuzz/corpus -max_total_time=600 -max_len=65536

The first command writes a seed corpus (the fixtures cut to 16 KB, and the hostile
inputs of ``tests/hostile``); the second fuzzes for ten minutes, adding the inputs that
reach new code to ``fuzz/corpus``. Any other libFuzzer option works (``-jobs=2``,
``-runs=N``, ``-dict=...``). A crash — an exception that is not a ``zhenggai.errors``
type, or a record that breaks the contract — stops the run and leaves the input in
``crash-<sha1>``; reproduce it with ``python fuzz/fuzz_normalize.py crash-<sha1>`` and
keep it as an ``@example`` or a file in ``tests/hostile`` once fixed.

The first byte of each input picks how the rest is read: as bytes, as a str (the text
path of ``normalize``), or as bytes with a forced media type; enrichment is off (jieba
is not what is being fuzzed, and it would slow each run tenfold).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["zhenggai", "zhenggai_publishers"]):
    import zhenggai
    from zhenggai.testing.conformance import invariants

ROOT = Path(__file__).resolve().parent.parent
SEED_BYTES = 16 * 1024
MEDIA_TYPES = (None, "text/html", "text/plain")


def test_one_input(data: bytes) -> None:
    """Normalize ``data`` one of three ways; fail on a foreign exception or a bad record."""
    if not data:
        return
    mode, body = data[0] % 4, data[1:]
    try:
        if mode == 3:
            record = zhenggai.normalize(body.decode("utf-8", "surrogatepass"), enrich=False)
        else:
            record = zhenggai.normalize(body, media_type=MEDIA_TYPES[mode], enrich=False)
    except UnicodeDecodeError:
        return  # not UTF-8: this input has no str form
    except zhenggai.ZhenggaiError:
        return
    problems = invariants(record)
    if problems:
        raise AssertionError("; ".join(problems))


def write_seed_corpus(folder: Path) -> int:
    """Fixtures (first 16 KB) and hostile inputs, each prefixed with a mode byte."""
    folder.mkdir(parents=True, exist_ok=True)
    inputs = sorted(p for p in ROOT.glob("fixtures/*/*/*") if p.suffix in (".txt", ".html"))
    inputs += sorted(p for p in (ROOT / "tests" / "hostile").iterdir() if p.suffix in (".txt", ".html"))
    for i, path in enumerate(inputs):
        (folder / f"seed-{i:03d}-{path.name}").write_bytes(bytes([0]) + path.read_bytes()[:SEED_BYTES])
    return len(inputs)


def main(argv: list[str]) -> None:
    if len(argv) == 3 and argv[1] == "--seed-corpus":
        print(f"wrote {write_seed_corpus(Path(argv[2]))} seed inputs to {argv[2]}")
        return
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
