"""Fuzzing ``normalize`` with hypothesis (issue 7): arbitrary bytes, arbitrary text, and
fixtures damaged the ways crawled pages are (byte flips, truncation inside a multi-byte
character, a wrong declared charset, text re-encoded under its old declaration, tags
removed or left open, the body repeated, stray bytes inserted).

Properties: only ``zhenggai.errors`` types escape, and every record satisfies the
contract's invariants (``zhenggai.testing.conformance.invariants``: the JSON Schema,
``from_dict(to_dict(r)) == r``, unique problem ids, counts). CI's share is bounded by
``max_examples`` and by mutating slices of at most 6 KB; the coverage-guided target for
long runs is ``fuzz/fuzz_normalize.py`` (see docs/errors.md).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

import zhenggai
from zhenggai import decode
from zhenggai.testing.conformance import invariants

ROOT = Path(__file__).resolve().parent.parent
WINDOW = 6 * 1024


def _slices() -> list[bytes]:
    """Bases to mutate: each fixture's head (title, charset, chrome) and a body window."""
    out = [(ROOT / "tests" / "hostile" / "control-report.html").read_bytes()]
    for path in sorted(ROOT.glob("fixtures/*/*/*")):
        if path.suffix not in (".txt", ".html"):
            continue
        raw = path.read_bytes()
        middle = len(raw) // 2
        out.append(raw[:1024] + raw[middle:middle + WINDOW - 1024])
    return out


BASES = _slices()

_CHARSET = re.compile(rb"charset\s*=\s*[\"']?[A-Za-z0-9_:.-]{1,40}", re.I)
LABELS = [b"utf-8", b"gbk", b"gb2312", b"big5", b"shift_jis", b"iso-8859-1", b"utf-16", b"euc-kr",
          b"x-user-defined", b"utf-7", b"base64", b"no-such-charset", b""]
CODECS = ["gb18030", "big5", "utf-16-le", "utf-16-be", "shift_jis", "latin-1"]
_TAG = re.compile(rb"</?[A-Za-z][A-Za-z0-9]{0,10}[^<>]{0,200}>")
INSERTS = [b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"<script>", b"<!--", b"<![CDATA[", b"<",
           "“".encode(), "一是".encode(), "（一）".encode(), b"\r", b"\x1a", b"&#0;", b"&#xD800;"]


def flip(data: bytes, at: float, mask: int) -> bytes:
    if not data:
        return data
    i = int(at * (len(data) - 1))
    return data[:i] + bytes([data[i] ^ mask]) + data[i + 1:]


def truncate(data: bytes, at: float, mid_char: bool) -> bytes:
    """Cut ``data``; with ``mid_char``, just after the first byte of the next multi-byte
    character (any encoding: a byte >= 0x80 followed by one)."""
    i = int(at * len(data))
    if mid_char:
        found = next((k for k in range(i, len(data) - 1) if data[k] >= 0x80 and data[k + 1] >= 0x40), None)
        i = found + 1 if found is not None else i
    return data[:i]


def recharset(data: bytes, label: bytes) -> bytes:
    """Declare another charset (in place of the declared one, or as a new <meta>)."""
    if _CHARSET.search(data):
        return _CHARSET.sub(b"charset=" + label, data, count=1)
    return b'<meta charset="' + label + b'">' + data


def reencode(data: bytes, codec: str) -> bytes:
    """The same text in another encoding, its declaration unchanged (a server's doing)."""
    text = decode.decode(data).text
    return text.encode(codec, "replace")


def untag(data: bytes, every: int, unclose: bool) -> bytes:
    """Remove every ``every``-th tag, or leave it open (its '>' dropped)."""
    count = 0

    def edit(m: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        if count % every:
            return m.group()
        return m.group()[:-1] if unclose else b""

    return _TAG.sub(edit, data)


def repeat(data: bytes, times: int) -> bytes:
    return data * times


def insert(data: bytes, at: float, what: bytes) -> bytes:
    i = int(at * len(data))
    return data[:i] + what + data[i:]


unit = st.floats(min_value=0, max_value=1)
MUTATIONS = st.one_of(
    st.tuples(st.just(flip), unit, st.integers(1, 255)),
    st.tuples(st.just(truncate), unit, st.booleans()),
    st.tuples(st.just(recharset), st.sampled_from(LABELS)),
    st.tuples(st.just(reencode), st.sampled_from(CODECS)),
    st.tuples(st.just(untag), st.integers(1, 5), st.booleans()),
    st.tuples(st.just(repeat), st.integers(2, 3)),
    st.tuples(st.just(insert), unit, st.sampled_from(INSERTS)),
)


def check(source: object, **kw: object) -> None:
    """``normalize`` raises only library errors; a record satisfies every invariant."""
    try:
        record = zhenggai.normalize(source, enrich=False, **kw)
    except zhenggai.ZhenggaiError:
        return
    assert invariants(record) == []
    raw = source if isinstance(source, bytes) else str(source).encode("utf-8")
    assert record.source.sha256 == hashlib.sha256(raw).hexdigest()


@settings(max_examples=100)
@given(st.binary(max_size=4096))
@example(b"\x00" * 64 + "一是".encode() * 10)
@example(b"<p>" + b"\xa1" * 100)
def test_arbitrary_bytes(raw: bytes) -> None:
    check(raw)


@settings(max_examples=60)
@given(st.text(alphabet=st.sampled_from("一二三是、（）()1.。，：“”关于整改巡察情况问题年月日 \n\u3000<>/p"), max_size=1500))
@example("1.")  # a bare marker is a heading with an empty title: the schema must allow it
def test_arbitrary_genre_text(text: str) -> None:
    check(text)


@settings(max_examples=80)
@given(st.sampled_from(range(len(BASES))), st.lists(MUTATIONS, min_size=1, max_size=3),
       st.sampled_from([None, "text/html", "text/plain"]))
@example(1, [(recharset, b"base64")], None)  # decode ran the declared codec's incremental decoder
@example(0, [(recharset, b"rot13")], None)
def test_damaged_fixtures(base: int, mutations: list[tuple], media_type: str | None) -> None:
    data = BASES[base]
    for fn, *args in mutations:
        data = fn(data, *args)
    check(data, media_type=media_type)
