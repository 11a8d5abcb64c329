"""Step 1, load: turn what the caller handed us (a path, bytes, or text) into raw bytes.

Nothing is decoded here; the bytes go to ``decode`` untouched so that its BOM and
charset detection see exactly what was on disk. Size is checked with ``stat`` before a
file is read, so a 5 GB file is refused without being read.
"""

from __future__ import annotations

import os
import stat

from attrs import frozen

from .errors import EmptyInputError, InputError, InputTooLargeError

#: File suffixes taken as reports when a directory is given (the command, fixtures).
INPUT_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".txt")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# A str longer than this, or holding a newline, is content, never a path.
_MAX_PATH_CHARS = 4096
# Suffixes of the documents this library reads: a one-word str ending so that names no
# existing file is a mistyped path, not a report that says "page.html".
_DOCUMENT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".shtml", ".xhtml", ".xml")
# Bytes that carry no text whatever the encoding: ASCII whitespace and NUL (the high
# half of UTF-16/32 whitespace), once any BOM is set aside.
_BLANK_BYTES = b" \t\r\n\f\v\x00"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x84\x31\x95\x33")


@frozen
class Loaded:
    """Raw input bytes and where they came from.

    ``name`` is what messages call the input: the path, or ``<bytes>`` / ``<str>``.
    ``text_given`` is true when the caller passed text: its bytes are UTF-8 by
    construction, so the pipeline decodes them as 'utf-8' with source 'given'.
    """

    raw: bytes
    path: str | None
    name: str
    text_given: bool = False


def load(
    source: str | os.PathLike[str] | os.PathLike[bytes] | bytes | bytearray | memoryview,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Loaded:
    """Read ``source`` into bytes, refusing missing, oversized or empty input.

    A PathLike is always a path; bytes are always content. A str is a path when it has
    no newline, is shorter than 4096 chars and names an existing file system entry (or
    is one word ending in .txt/.html/..., so that a mistyped file name is reported, not
    parsed); otherwise it is the document's text (encoded as UTF-8). Raises
    ``InputError`` (missing, unreadable, directory, wrong type), ``InputTooLargeError``
    or ``EmptyInputError``.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise InputError(f"max_bytes must be a positive int, got {max_bytes!r}")
    if isinstance(source, os.PathLike):
        return _load_path(os.fsdecode(os.fspath(source)), max_bytes)
    if isinstance(source, str):
        if _names_path(source):
            return _load_path(source, max_bytes)
        return _load_text(source, max_bytes)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _checked(bytes(source), path=None, name="<bytes>", max_bytes=max_bytes)
    raise InputError(
        f"cannot read input of type {type(source).__name__}: "
        "give a path, bytes or the document's text as str"
    )


def _names_path(text: str) -> bool:
    """True when a str is to be read as a path (see ``load``).

    A one-word str ending in a document suffix counts as a path even when nothing is
    there, so that a mistyped file name is reported instead of parsed as a report.
    """
    if "\n" in text or len(text) >= _MAX_PATH_CHARS or not text.strip():
        return False
    try:
        if os.path.lexists(text):
            return True
    except (ValueError, UnicodeError):  # NUL or unencodable chars: not a path
        return False
    return not any(c.isspace() for c in text) and text.lower().endswith(_DOCUMENT_SUFFIXES)


def _load_path(path: str, max_bytes: int) -> Loaded:
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a file", source=path)
        if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
            raise InputTooLargeError(
                f"file is {info.st_size} bytes, over the limit of {max_bytes} bytes", source=path
            )
        with open(path, "rb") as handle:
            # Read one byte past the limit: catches files that are not regular (pipes,
            # devices) or that grew since stat, without reading them whole.
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except PermissionError:
        raise InputError("permission denied", source=path) from None
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the file: {getattr(exc, 'strerror', None) or exc}", source=path) from None
    return _checked(raw, path=path, name=path, max_bytes=max_bytes)


def _load_text(text: str, max_bytes: int) -> Loaded:
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"str input holds an unpaired surrogate at position {exc.start}; it is not valid text",
            source="<str>",
        ) from None
    return _checked(raw, path=None, name="<str>", max_bytes=max_bytes, text_given=True)


def _checked(raw: bytes, *, path: str | None, name: str, max_bytes: int,
             text_given: bool = False) -> Loaded:
    if len(raw) > max_bytes:
        raise InputTooLargeError(
            f"input is over the limit of {max_bytes} bytes", source=name)
    body = raw
    for bom in _BOMS:
        if body.startswith(bom):
            body = body[len(bom):]
            break
    if not body.strip(_BLANK_BYTES):
        what = "empty (zero bytes)" if not raw else "only whitespace"
        raise EmptyInputError(f"input is {what}", source=name)
    return Loaded(raw=raw, path=path, name=name, text_given=text_given)
