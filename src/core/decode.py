"""Step 2, decode: raw bytes to text, saying which codec was used and why.

Order of evidence: the caller's ``encoding``; a byte-order mark; a charset declared in
the first 4 KB (``<meta charset>``, ``http-equiv`` Content-Type, XML declaration); strict
UTF-8; chardet; and finally GB18030 with replacement. Valid UTF-8 with a fair amount of
non-ASCII text comes before a declaration, being far stronger evidence than a
declared legacy codec that happens to decode the bytes. Declarations and guesses are
trusted only when the whole input decodes strictly with them (Chinese government sites
often declare one charset and serve another), allowing one character cut off at the
end: scraped pages are often truncated mid-character, and that must not send a UTF-8
page to the GB18030 fallback.

The GB2312/GBK labels decode as GB18030, a superset that reads every GBK byte sequence
the same way and more. Codec names are reported as Python's canonical lowercase names
with hyphens ('utf-8', 'gb18030', 'utf-16-le', 'big5').
"""

from __future__ import annotations

import codecs
import functools
import re
import threading

import chardet
from attrs import frozen

from .errors import DecodeError

_FALLBACK = "gb18030"
_DECLARATION_WINDOW = 4096
_CHARDET_WINDOW = 64 * 1024
_SURE = 0.5  # chardet confidence below which its guess yields to GB18030 (see _detect)
# Valid UTF-8 with this many continuation bytes (about 8 CJK characters) outweighs a
# declaration: GBK text of n hanzi is valid UTF-8 with odds of roughly 5**-n, while
# UTF-8 Chinese often decodes "strictly" as GB18030 (a template's stale
# <meta charset=gb2312> over a UTF-8 page).
_UTF8_EVIDENCE = 16

# Longest BOMs first: the UTF-32-LE BOM begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (b"\x84\x31\x95\x33", "gb18030"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Labels Python does not know, or knows as a narrower codec, that name GBK in practice.
_GBK_LABELS = frozenset({"gb2312", "gbk", "cp936", "x-gbk", "gb_2312-80", "gb_2312", "csgb2312"})
_GBK_CODECS = frozenset({"gb2312", "gbk"})
# Codecs that are not character sets a page can be written in: a declaration or a
# guess naming one is ignored (a caller may still ask for one explicitly).
_NOT_CHARSETS = frozenset({
    "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "undefined",
})
# A page whose charset declaration could be read as ASCII is not UTF-16/32 (WHATWG).
_WIDE_UNICODE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})

# Bounded quantifiers: the window is 4 KB, the match cannot run away.
_META_CHARSET = re.compile(
    rb"<meta\b[^>]{0,2048}?charset\s{0,16}=\s{0,16}[\"']?\s{0,16}([A-Za-z0-9._:-]{1,40})", re.I)
_XML_ENCODING = re.compile(
    rb"^\s{0,256}<\?xml\b[^>]{0,256}?encoding\s{0,16}=\s{0,16}[\"']([A-Za-z0-9._:-]{1,40})", re.I)


# Characters a text document holds only by accident: C0 and C1 controls other than
# whitespace, and U+FFFD put in for undecodable bytes. Binary files saved under a page's
# name (images, compressed pages, random bytes) decode to 20-60% of them; text pages,
# even damaged ones (cut mid-character, two encodings mixed), to under 3%.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
BINARY_SHARE = 0.1


@frozen
class Decoded:
    """Decoded text and how it was obtained.

    ``source`` is one of ``record.ENCODING_SOURCES`` ('bom', 'declared', 'detected',
    'given', 'fallback'); ``confidence`` is 1.0 for a BOM, a caller's choice,
    a verified declaration or valid UTF-8, chardet's figure for a guess and 0.0 for the
    fallback; ``replaced`` counts U+FFFD characters put in for undecodable bytes.
    """

    text: str
    encoding: str
    source: str
    confidence: float
    replaced: int


class _ReplaceCount(threading.local):
    count = 0


_REPLACED = _ReplaceCount()


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    """The 'replace' error handler, counting its replacements (per thread)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _REPLACED.count += 1
    return "\ufffd", error.end


_HANDLER = "zhenggai.count-replace"
codecs.register_error(_HANDLER, _count_and_replace)


def decode(raw: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode ``raw`` to text; never fails on the bytes themselves.

    ``encoding``, when given, wins: bytes it cannot decode are replaced and counted.
    An unknown or non-text codec name raises ``DecodeError``.
    """
    raw = bytes(raw)
    if encoding is not None:
        return _decode_given(raw, encoding)
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            text, replaced = _decode_counting(raw[len(bom):], codec)
            return Decoded(text, codec, "bom", 1.0, replaced)
    utf8 = _verified(raw, "utf-8")
    if utf8 is not None and len(raw) - len(utf8[0]) >= _UTF8_EVIDENCE:
        return Decoded(utf8[0], "utf-8", "detected", 1.0, utf8[1])
    for codec in _declared(raw):
        verified = _verified(raw, codec)
        if verified is not None:
            return Decoded(verified[0], codec, "declared", 1.0, verified[1])
    if utf8 is not None:
        return Decoded(utf8[0], "utf-8", "detected", 1.0, utf8[1])
    guess = _detect(raw)
    if guess is not None:
        return guess
    text, replaced = _decode_counting(raw, _FALLBACK)
    return Decoded(text, _FALLBACK, "fallback", 0.0, replaced)


def refuse_binary(decoded: Decoded) -> None:
    """Raise ``DecodeError`` when ``decoded`` is no text at all: ``BINARY_SHARE`` or more
    of its characters are controls or replacements for undecodable bytes.

    ``decode`` gives text for any bytes; this is the pipeline's judgement that the text
    is the reading of a binary file (an image or archive saved as .html), for which a
    record would be a row of noise and an error line tells the user what to fetch again.
    """
    text = decoded.text
    bad = len(_NOT_TEXT.findall(text))
    if text and bad / len(text) >= BINARY_SHARE:
        raise DecodeError(f"input looks binary, not text: {bad / len(text):.0%} of its characters are "
                          f"control characters or undecodable bytes (read as {decoded.encoding})", step="decode")


def canonical_codec(label: str) -> str | None:
    """Python's canonical name for a charset label, hyphenated ('GBK' -> 'gb18030',
    'UTF8' -> 'utf-8', 'euc_kr' -> 'euc-kr'); None when no codec has that name."""
    name = label.strip().lower()
    if name in _GBK_LABELS:
        return _FALLBACK
    try:
        name = codecs.lookup(name).name.replace("_", "-")
    except (LookupError, ValueError):  # ValueError: a NUL in the label
        return None
    return _FALLBACK if name in _GBK_CODECS else name


def _decode_given(raw: bytes, encoding: str) -> Decoded:
    codec = canonical_codec(encoding) if isinstance(encoding, str) else None
    if codec is None:
        raise DecodeError(f"unknown encoding {encoding!r}", step="decode")
    try:
        text, replaced = _decode_counting(raw, codec)
    except LookupError:  # a codec such as base64 that does not decode bytes to text
        raise DecodeError(f"{encoding!r} is not a text encoding", step="decode") from None
    return Decoded(text, codec, "given", 1.0, replaced)


def _decode_counting(raw: bytes, codec: str) -> tuple[str, int]:
    """Decode with replacement; the text (a leading BOM character dropped) and how many
    replacement characters were introduced."""
    _REPLACED.count = 0
    text = raw.decode(codec, _HANDLER)
    return _drop_bom(text), _REPLACED.count


def _verified(raw: bytes, codec: str) -> tuple[str, int] | None:
    """Text and replacement count when ``raw`` decodes strictly with ``codec``, but for a
    character cut off at the very end (scraped pages are often truncated; that one is
    replaced and counted). None when the codec does not fit the bytes."""
    try:
        return _drop_bom(raw.decode(codec)), 0
    except (UnicodeError, LookupError):
        pass
    if not _fits_but_for_tail(raw, codec):
        return None
    return _decode_counting(raw, codec)


def _fits_but_for_tail(raw: bytes, codec: str) -> bool:
    try:
        codecs.getincrementaldecoder(codec)().decode(raw, final=False)
    except (UnicodeError, LookupError):
        return False
    return True


def _drop_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _declared(raw: bytes) -> list[str]:
    """Codecs the document declares in its first 4 KB, in order, usable ones only."""
    window = raw[:_DECLARATION_WINDOW]
    labels = [m.group(1) for m in _XML_ENCODING.finditer(window)]
    labels += [m.group(1) for m in _META_CHARSET.finditer(window)]
    found: list[str] = []
    for label in labels:
        codec = canonical_codec(label.decode("ascii"))
        if codec is None or codec in _NOT_CHARSETS or codec in _WIDE_UNICODE or codec in found:
            continue
        if not _text_codec(codec):  # base64, hex, zlib, rot13…: bytes-to-bytes transforms
            continue
        if _single_byte(codec) and _multibyte_reading(raw):
            continue
        found.append(codec)
    return found


def _detect(raw: bytes) -> Decoded | None:
    """chardet's guess, kept only when the whole input decodes strictly with it.

    The sample ends at a line break so that no multi-byte character is cut in two.
    The genre's publishers write GB18030/GBK when they do not write UTF-8, and chardet
    is unsure on short or damaged Chinese text (it reads GBK as CP949 or Big5, a
    truncated GBK page as Cyrillic). So a guess other than GB18030 is dropped when
    chardet is under 50% sure and GB18030 reads the bytes, or when it is a single-byte
    code page (which decodes anything, so decoding proves nothing) and either chardet
    is unsure or GB18030 reads the bytes. If chardet itself fails, there is no guess.
    """
    sample = raw[:_CHARDET_WINDOW]
    if len(raw) > _CHARDET_WINDOW:
        cut = sample.rfind(b"\n")
        if cut > 0:
            sample = sample[:cut + 1]
    try:
        result = chardet.detect(sample)
    except Exception:  # a bug in chardet (7.0.0 raised RuntimeError on some short inputs): no guess
        return None
    label, confidence = result.get("encoding"), float(result.get("confidence") or 0.0)
    codec = canonical_codec(label) if label else None
    if codec is None or codec in _NOT_CHARSETS:
        return None
    if codec != _FALLBACK:
        unsure, single_byte = confidence < _SURE, _single_byte(codec)
        if single_byte and unsure:
            return None
        if (single_byte or unsure) and _fits_but_for_tail(raw, _FALLBACK):
            return None
    verified = _verified(raw, codec)
    if verified is None:
        return None
    return Decoded(verified[0], codec, "detected", min(max(confidence, 0.0), 1.0), verified[1])


def _multibyte_reading(raw: bytes) -> bool:
    """True when UTF-8 or GB18030 decodes ``raw`` strictly, but for a character cut
    off at the end (scraped pages are often truncated).

    A single-byte code page decodes any bytes, so a declaration or guess naming one
    proves nothing when such a reading exists: template pages declare iso-8859-1 over
    GBK text, and chardet follows the declaration.
    """
    return any(_fits_but_for_tail(raw, codec) for codec in ("utf-8", _FALLBACK))


def _text_codec(codec: str) -> bool:
    """True for a codec that decodes bytes to text (what ``bytes.decode`` accepts); its
    incremental decoder is not guarded that way, so a declared 'hex' would run."""
    return getattr(codecs.lookup(codec), "_is_text_encoding", True)


@functools.lru_cache(maxsize=64)
def _single_byte(codec: str) -> bool:
    """True for a code page mapping (nearly) every high byte alone to one character."""
    mapped = 0
    for byte in range(0x80, 0x100):
        try:
            mapped += len(bytes([byte]).decode(codec)) == 1
        except (UnicodeError, LookupError):
            continue
    return mapped > 96
