"""What plugins see and return: the document in flight, claims, chrome rules, parts.

These are the types named in ``hookspecs.py``. They are frozen attrs classes so that a
plugin cannot change the document under the feet of the next one.
"""

from __future__ import annotations

import re
from typing import Optional

import attrs
from attrs import field, frozen

from .record import Heading, Problem, Removed


def _tuple(value: object) -> tuple:
    return tuple(value) if value is not None else ()


@frozen(kw_only=True)
class PageMeta:
    """Metadata read from the page itself (``<meta>``, ``<title>``, canonical link) and
    from chrome lines before they were removed (发布时间, 来源, 责任编辑, 原文链接)."""

    html_title: Optional[str] = None
    article_title: Optional[str] = None
    published_at: Optional[str] = None
    origin: Optional[str] = None
    editor: Optional[str] = None
    site_name: Optional[str] = None
    canonical_url: Optional[str] = None
    original_url: Optional[str] = None
    description: Optional[str] = None
    keywords: Optional[str] = None
    author: Optional[str] = None

    def merged(self, other: "PageMeta") -> "PageMeta":
        """Fill this meta's missing fields from ``other`` (this one wins)."""
        changes = {
            a.name: getattr(other, a.name)
            for a in attrs.fields(PageMeta)
            if getattr(self, a.name) is None and getattr(other, a.name) is not None
        }
        return attrs.evolve(self, **changes) if changes else self

    @property
    def urls(self) -> tuple[str, ...]:
        """Every URL the page names for itself, canonical first."""
        return tuple(u for u in (self.canonical_url, self.original_url) if u)


@frozen(kw_only=True)
class Document:
    """The document as plugins see it when claiming and parsing.

    ``paragraphs`` is the cleaned body (after the title, through the signature block);
    ``removed`` the lines taken out so far — among them the site banners, breadcrumbs and
    footers, useful evidence for claims, never body text.
    """

    source_name: str
    media_type: str
    title: Optional[str]
    paragraphs: tuple[str, ...] = field(converter=_tuple)
    removed: tuple[Removed, ...] = field(factory=tuple, converter=_tuple)
    meta: PageMeta = field(factory=PageMeta)

    @property
    def evidence(self) -> str:
        """Title, page meta, removed lines and the first body paragraphs as one string:
        what a claim is usually judged on."""
        parts = [self.title or "", *(r.text for r in self.removed)]
        parts += [v for v in attrs.astuple(self.meta) if isinstance(v, str)]
        parts += list(self.paragraphs[:3]) + list(self.paragraphs[-4:])
        return "\n".join(parts)


@frozen(kw_only=True)
class Claim:
    """A plugin's answer to "is this document yours?": a score in 0..1 and why."""

    score: float = field(validator=attrs.validators.and_(
        attrs.validators.instance_of((int, float)), attrs.validators.ge(0), attrs.validators.le(1)))
    reason: str = field(validator=attrs.validators.instance_of(str))


@frozen(kw_only=True)
class PublisherInfo:
    """What a plugin says about itself. ``priority`` breaks ties between equal claims
    (higher wins); ``generic`` declares the lowest."""

    label: str
    province: Optional[str] = None
    priority: int = 0
    sites: tuple[str, ...] = field(factory=tuple, converter=_tuple)


@frozen(kw_only=True, cache_hash=True)  # hashed whenever a rule set is looked up (chrome.py)
class ChromeRule:
    """A named boilerplate rule. ``pattern`` is a regex matched (``re.search``) against the
    folded line (full-width punctuation as ASCII, see ``zhenggai.text.fold``); a match
    removes the whole line. ``max_len`` keeps a rule from eating a body paragraph that
    merely mentions its words. ``where`` limits it to lines before the title ("head"),
    after the signature ("tail") or anywhere ("any")."""

    name: str = field(validator=attrs.validators.instance_of(str))
    pattern: str = field(validator=attrs.validators.instance_of(str))
    max_len: int = field(default=120, validator=attrs.validators.instance_of(int))
    where: str = field(default="any", validator=attrs.validators.in_(("any", "head", "tail")))
    _compiled: re.Pattern[str] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_compiled", re.compile(self.pattern))

    def matches(self, folded_line: str) -> bool:
        """True when this rule removes the (folded) line."""
        return len(folded_line) <= self.max_len and self._compiled.search(folded_line) is not None


@frozen(kw_only=True)
class Parts:
    """What a plugin's parse returns: the report's structure, and notes for ``warnings``.
    ``publisher_name`` is the site or publisher name when the plugin recognizes it."""

    outline: tuple[Heading, ...] = field(factory=tuple, converter=_tuple)
    problems: tuple[Problem, ...] = field(factory=tuple, converter=_tuple)
    warnings: tuple[str, ...] = field(factory=tuple, converter=_tuple)
    publisher_name: Optional[str] = None
