"""``DeclaredPublisher``: a publisher plugin written as data.

Most publishers differ only in what identifies their pages, a few boilerplate lines
and small layout habits. A plugin module declares those and exposes the instance as
its entry point::

    plugin = DeclaredPublisher(
        label="Liaoning", province="辽宁省",
        hosts=("dljp.gov.cn",), site_names=("盘锦辽滨沿海经济技术开发区",),
        places=(*province_places("辽宁省"), "辽东湾", "金普"),  # zhenggai.places
        chrome=(ChromeRule(name="welcome", pattern=r"^欢迎访问"),),
        layout=GENRE,
    )

The hooks below turn the declaration into claims, chrome rules and parsed parts; all
machinery (patterns, numerals, dates, headings, statuses) stays in the core.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence
from urllib.parse import urlsplit

import attrs
from attrs import field, frozen

from .hookspecs import hookimpl
from .layout import GENRE, Layout
from .model import ChromeRule, Claim, Document, Parts, PublisherInfo
from .text import fold

_URL = re.compile(r"https?://([A-Za-z0-9.-]{1,253})")
_REPORT = re.compile(r"整改|巡视|巡察")
_NOT_A_REPORT = 0.3  # the most a publisher claims a page of its own that is not a report


def _tuple(value: object) -> tuple:
    return tuple(value) if value is not None else ()


def _folded(lines: Sequence[str]) -> str:
    """``fold("\\n".join(lines))``, folded line by line: the steps before and after
    detection fold the same paragraphs, so their folds are cached."""
    return "\n".join(fold(line) for line in lines)


def _hosts_in(document: Document) -> list[str]:
    """Hosts the page names for itself: canonical URL, 原文链接, and URLs in removed lines."""
    removed = "\n".join(r.text for r in document.removed)  # one search: a URL never spans a line
    urls = list(document.meta.urls) + [m.group(0) for m in _URL.finditer(removed)]
    hosts = []
    for url in urls:
        host = (urlsplit(url).hostname or "").lower()
        if host and host not in hosts:
            hosts.append(host)
    return hosts


@frozen(kw_only=True)
class DeclaredPublisher:
    """A publisher plugin from a declaration (see the module docstring).

    Claim tiers: a known host in the page's own URLs → 0.95; a known site name in the
    page's title, meta or chrome → 0.9; a place of the province in the title or the
    signature → 0.7 (0.75 when the place is the issuer's). Each matching layout
    ``signature`` pattern adds 0.02, up to 0.04.
    """

    label: str
    province: Optional[str] = None
    priority: int = 0
    hosts: tuple[str, ...] = field(factory=tuple, converter=_tuple)
    site_names: tuple[str, ...] = field(factory=tuple, converter=_tuple)
    places: tuple[str, ...] = field(factory=tuple, converter=_tuple)
    signatures: tuple[str, ...] = field(factory=tuple, converter=_tuple)
    chrome: tuple[ChromeRule, ...] = field(factory=tuple, converter=_tuple)
    layout: Layout = GENRE
    base_score: float = 0.0
    _signature_res: tuple[re.Pattern[str], ...] = field(init=False, repr=False, eq=False)
    _places_re: re.Pattern[str] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_signature_res", tuple(re.compile(s, re.MULTILINE) for s in self.signatures))
        object.__setattr__(self, "_places_re", re.compile("|".join(re.escape(p) for p in self.places)))

    @hookimpl
    def zhenggai_publisher_info(self) -> PublisherInfo:
        return PublisherInfo(label=self.label, province=self.province, priority=self.priority,
                             sites=(*self.site_names, *self.hosts))

    @hookimpl
    def zhenggai_claim(self, document: Document) -> Optional[Claim]:
        score, reasons = self.base_score, []
        host = next((h for h in _hosts_in(document) for known in self.hosts
                     if h == known or h.endswith("." + known)), None)
        if host:
            score, reasons = max(score, 0.95), [*reasons, f"host {host}"]
        evidence = fold(document.evidence)
        site = next((s for s in self.site_names if fold(s) in evidence), None)
        if site:
            score, reasons = max(score, 0.9), [*reasons, f"site {site}"]
        place, where = self._place(document)
        if place:
            score = max(score, 0.75 if where == "issuer" else 0.7)
            reasons.append(f"place {place} in the {where}")
        if score <= self.base_score and not reasons:
            return Claim(score=score, reason="fallback: no publisher-specific evidence") if score else None
        if not _REPORT.search(_folded((document.title or "", *document.paragraphs[:3]))):
            # its site or its places, but not a rectification report: nothing to parse
            reasons.append("but the page does not read as a rectification report")
            return Claim(score=min(score, _NOT_A_REPORT), reason="; ".join(reasons))
        body = _folded(document.paragraphs[:400])
        hits = [p.pattern for p in self._signature_res if p.search(body)]
        if hits:
            score = min(score + 0.02 * min(len(hits), 2), 0.99)
            reasons.append(f"layout signature {hits[0]}")
        return Claim(score=round(score, 4), reason="; ".join(reasons))

    def _place(self, document: Document) -> tuple[Optional[str], str]:
        if not self.places:
            return None, ""
        place = self._first_place(_folded(document.paragraphs[-4:]))
        if place is not None:
            return place, "issuer"
        place = self._first_place(fold(document.title or ""))
        return (place, "title") if place is not None else (None, "")

    def _first_place(self, text: str) -> Optional[str]:
        """The first of ``places``, in their declared order, that ``text`` names. One
        search per position where a place starts, rather than one scan per place: at
        each position the alternation reports the earliest declared place found there,
        so the first place ``text`` names is among those seen."""
        seen = set()
        pos = 0
        while pos <= len(text) and (match := self._places_re.search(text, pos)) is not None:
            seen.add(match.group())
            pos = match.start() + 1
        return next((p for p in self.places if p in seen), None)

    @hookimpl
    def zhenggai_chrome_rules(self, document: Document) -> Sequence[ChromeRule]:
        return self.chrome

    @hookimpl
    def zhenggai_parse(self, document: Document) -> Parts:
        from .structure import parse_document

        parts = parse_document(document, self.layout)
        site = next((s for s in self.site_names if s in document.evidence), None)
        return attrs.evolve(parts, publisher_name=parts.publisher_name or site)
