"""Contact details a report prints for feedback from the public.

The genre ends its text with an invitation ("欢迎广大干部群众…进行监督。如有意见建议,
请及时向我们反映。") followed by labelled fields: 联系方式/联系电话, 邮政信箱/通信地址,
邮编, 电子邮箱. Only those fields, in the last paragraphs before the signature, are
read, so numbers of the body (1.8亿元, 〔2020〕15号, dates) never pass for a phone.

A label starts a field when a colon follows it (``电话:``) or when it stands at a field
boundary (``联系方式:电话0411…`` — after punctuation, a space or the paragraph's
start); a field's value runs to the next field, ``;`` or ``。``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Sequence
from itertools import islice

from .record import Contacts
from .text import fold

# Field labels by what their value holds; longer labels first where they share a start.
_LABEL = re.compile(
    r"(?:(?P<phone>联系电话|举报电话|监督电话|咨询电话|电话|手机|热线)"
    r"|(?P<mixed>联系方式)"
    r"|(?P<email>电子(?:邮箱|信箱|邮件)(?:地址)?|邮箱(?:地址)?|e-?mail)"
    r"|(?P<address>邮政信箱|(?:通信|通讯|联系|来信|邮寄|办公)?地址)"
    r"|(?P<postcode>邮政编码|邮编)"
    r"|(?P<other>传真|联系人|网址|网站))"
    r"(?P<colon>[ \u3000]*:)?",
    re.IGNORECASE,
)
_BOUNDARY = frozenset(";。,:、()[] \u3000\u00a0\t")
_VALUE_END = re.compile(r"[;。]")
# A phone number as printed: optional (area code), digit groups joined by a dash of any
# width, or an area code and a space before a 7-8 digit number.
_PHONE = re.compile(
    r"(?<!\d)(?:\(\d{3,4}\)[ ]?|0\d{2,3}[ ](?=\d{7,8}(?!\d)))?\d+(?:[-—–‐]\d+)*(?!\d)",
    re.ASCII,
)
_PHONE_DIGITS = range(5, 17)
_POSTCODE = re.compile(r"(?<!\d)\d{6}(?!\d)", re.ASCII)
_TAIL_PARAGRAPHS = 8
_ADDRESS_EDGE = frozenset(" \u3000\u00a0,;:.。、(")
_LOCAL = frozenset(string.ascii_letters + string.digits + "._%+-")
_DOMAIN = frozenset(string.ascii_letters + string.digits + ".-")


def _fields(folded: str) -> Iterator[tuple[str, int, int]]:
    """(kind, value start, value end) of each labelled field of a folded paragraph."""
    starts: list[tuple[str, int, int]] = []
    for m in _LABEL.finditer(folded):
        at_boundary = m.start() == 0 or folded[m.start() - 1] in _BOUNDARY
        if m.group("colon") or at_boundary:
            starts.append((_kind(m), m.start(), m.end()))
    for i, (kind, _start, value_start) in enumerate(starts):
        limit = starts[i + 1][1] if i + 1 < len(starts) else len(folded)
        end = _VALUE_END.search(folded, value_start, limit)
        yield kind, value_start, _unbalanced_close(folded, value_start, end.start() if end else limit)


def _unbalanced_close(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` meets a ``)`` it did not open (a field printed inside
    parentheses, ``(地址:…)``), else ``end``."""
    depth = 0
    for i in range(start, end):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if depth == 0:
                return i
            depth -= 1
    return end


def _strip(folded: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` narrowed past spaces and punctuation at both ends."""
    while start < end and folded[start] in _ADDRESS_EDGE:
        start += 1
    while end > start and folded[end - 1] in _ADDRESS_EDGE:
        end -= 1
    return start, end


def _kind(m: re.Match[str]) -> str:
    """The label kind of a match (the named group that matched, colon aside)."""
    return next(k for k in ("phone", "mixed", "email", "address", "postcode", "other") if m.group(k))


def _emails(text: str) -> Iterator[str]:
    """Email addresses in ``text`` (folded), lower-cased; scanned outward from each ``@``."""
    at = text.find("@")
    while at >= 0:
        a = at
        while a > 0 and text[a - 1] in _LOCAL:
            a -= 1
        b = at + 1
        while b < len(text) and text[b] in _DOMAIN:
            b += 1
        local, domain = text[a:at].strip("."), text[at + 1: b].rstrip(".-")
        tld = domain.rpartition(".")[2]
        if local and "." in domain and len(tld) >= 2 and tld.isalpha():
            yield f"{local}@{domain}".lower()
        at = text.find("@", b)


def _contact_paragraphs(body: Sequence[str]) -> list[str]:
    """The last paragraphs that hold at least one labelled field with a colon."""
    tail = list(islice((p for p in reversed(body) if p.strip()), _TAIL_PARAGRAPHS))[::-1]
    return [p for p in tail if _has_colon_field(fold(p))]


def _has_colon_field(folded: str) -> bool:
    """True when a label followed by a colon is in ``folded`` (no ``:``, no scan)."""
    return ":" in folded and any(m.group("colon") for m in _LABEL.finditer(folded))


def contacts(body: Sequence[str]) -> Contacts:
    """Phones (as printed), addresses (as printed, without label and edge punctuation)
    and postcodes of the report's contact fields, and the emails (lower-cased) of its
    contact paragraphs; each in order of appearance, without duplicates."""
    found: dict[str, dict[str, None]] = {k: {} for k in ("phones", "emails", "addresses", "postcodes")}
    for paragraph in _contact_paragraphs(body):
        folded = fold(paragraph)
        for email in _emails(folded):
            found["emails"][email] = None
        for kind, start, end in _fields(folded):
            value = folded[start:end]
            if kind in ("phone", "mixed"):
                for m in _PHONE.finditer(value):
                    if sum(c in string.digits for c in m.group()) in _PHONE_DIGITS:
                        found["phones"][paragraph[start + m.start(): start + m.end()]] = None
            elif kind == "postcode":
                code = _POSTCODE.search(value)
                if code:
                    found["postcodes"][code.group()] = None
            elif kind == "address" and "@" not in value:
                a, b = _strip(folded, start, end)
                if a < b:
                    found["addresses"][paragraph[a:b]] = None
    return Contacts(**{k: tuple(v) for k, v in found.items()})
