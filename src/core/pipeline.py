"""``normalize``: bytes in, one record out, through the steps in their one order.

load → decode → extract blocks → strip chrome → repair → frame → detect publisher →
publisher chrome → parse structure → metadata and figures → enrich → validate → emit.

Each step lives in its own module and knows nothing of the others; this module only
passes results along, and turns whatever a plugin does wrong into warnings. Only
``zhenggai.errors`` types leave ``normalize``.
"""

from __future__ import annotations

import bisect
import hashlib
import os
from typing import Optional, Sequence, Union

import attrs
from attrs import frozen

from . import blocks, chrome, contacts, decode, detect, figures, frame, inspection, load, metadata, repair
from . import validate as validation
from .errors import EmptyInputError, PluginError, ZhenggaiError
from .model import ChromeRule, Document, Parts
from .plugins import PluginFailure, Registry, default_registry
from .record import Counted, Heading, Problem, Publisher, Record, Removed, Source, duplicate_ids
from .serialize import from_dict, to_dict
from .text import fold

SourceLike = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]


def normalize(
    source: SourceLike,
    *,
    media_type: Optional[str] = None,
    encoding: Optional[str] = None,
    plugin: Optional[str] = None,
    enrich: bool = True,
    max_bytes: int = load.DEFAULT_MAX_BYTES,
    registry: Optional[Registry] = None,
) -> Record:
    """Normalize one report.

    ``source`` is a path (str or PathLike), the raw bytes, or the text itself (a str
    that is not the name of an existing file). ``media_type`` ("text/html" or
    "text/plain") is sniffed when not given; ``encoding`` overrides detection;
    ``plugin`` forces a publisher plugin by name instead of detection; ``enrich=False``
    skips keywords and topics (and never imports jieba).

    Raises only ``zhenggai.errors.ZhenggaiError`` subclasses.
    """
    registry = registry or default_registry()
    loaded = load.load(source, max_bytes=max_bytes)
    try:
        return _normalize(loaded, media_type=media_type, encoding=encoding, plugin=plugin,
                          enrich=enrich, registry=registry)
    except ZhenggaiError as exc:
        if exc.source is None:
            exc.source = loaded.name
        raise
    except RecursionError as exc:
        raise ZhenggaiError("input too deeply nested to process", source=loaded.name) from exc


def prepare(source: SourceLike, *, media_type: Optional[str] = None, encoding: Optional[str] = None,
            max_bytes: int = load.DEFAULT_MAX_BYTES) -> Document:
    """The document as plugins see it (the steps up to framing), e.g. for ``zhenggai detect``."""
    loaded = load.load(source, max_bytes=max_bytes)
    return _prepare(loaded, media_type=media_type, encoding=encoding).document


@frozen
class _Prepared:
    """The decoded text, its blocks (and their lines keyed for ``in_document_order``),
    and the document cleaned with the generic rules."""

    decoded: decode.Decoded
    extracted: blocks.Extracted
    lines: _LineIndex
    document: Document


def _prepare(loaded: load.Loaded, *, media_type: Optional[str], encoding: Optional[str]) -> _Prepared:
    """load → decode → extract blocks → (generic) strip chrome → repair → frame."""
    decoded = decode.decode(loaded.raw, encoding=encoding or ("utf-8" if loaded.text_given else None))
    decode.refuse_binary(decoded)
    media = media_type or blocks.sniff_media_type(decoded.text)
    extracted = blocks.extract(decoded.text, media)
    lines = _LineIndex.of([b.text for b in extracted.blocks])
    document = _clean(loaded.name, media, extracted, lines, chrome.GENERIC_RULES)
    return _Prepared(decoded, extracted, lines, document)


def _clean(name: str, media: str, extracted: blocks.Extracted, lines: _LineIndex,
           rules: Sequence[ChromeRule]) -> Document:
    """strip chrome → repair → frame with ``rules``: the generic ones, plus a publisher's
    once it is known (its rules see the same lines as the generic ones, before repair).
    ``lines`` indexes the blocks' lines, to put the removed lines in document order."""
    stripped = chrome.strip(extracted.blocks, rules)
    paragraphs = repair.repair(stripped.lines)
    meta = stripped.meta.merged(extracted.meta)  # what the page prints wins over its <meta>
    framed = frame.frame(paragraphs, meta, rules)
    if not framed.body and framed.title is None:
        raise EmptyInputError("no text found in the input", step="extract blocks")
    return Document(
        source_name=name,
        media_type=media,
        title=framed.title,
        paragraphs=framed.body,
        removed=in_document_order(lines, stripped.removed, framed.removed),
        meta=meta,
    )


def _squash(text: str) -> str:
    """``text`` folded, without whitespace: how a removed line is recognized among the
    input lines whatever repair did to its spaces."""
    return "".join(fold(text).split())


@frozen
class _LineIndex:
    """A document's input lines by their ``_squash`` key, built once per document and
    shared by both cleaning passes: where each key stands, and for each first character
    the lengths of the keys that start with it (the only prefixes worth looking up)."""

    positions: dict[str, list[int]]  # key → line numbers, ascending
    lengths: dict[str, list[int]]  # first character → lengths of keys, ascending

    @classmethod
    def of(cls, lines: Sequence[str]) -> "_LineIndex":
        """The index of ``lines`` (the blocks' texts, in document order)."""
        positions: dict[str, list[int]] = {}
        for i, line in enumerate(lines):
            key = _squash(line)
            if key:
                positions.setdefault(key, []).append(i)
        lengths: dict[str, set[int]] = {}
        for key in positions:
            lengths.setdefault(key[0], set()).add(len(key))
        return cls(positions, {first: sorted(ls) for first, ls in lengths.items()})

    def find(self, key: str, start: int) -> Optional[int]:
        """The first line at or after ``start`` whose (non-empty) key begins ``key``."""
        found = None
        for length in self.lengths.get(key[:1], ()):
            if length > len(key):
                break
            at = self.positions.get(key[:length], ())
            k = bisect.bisect_left(at, start)
            if k < len(at) and (found is None or at[k] < found):
                found = at[k]
        return found


def in_document_order(lines: _LineIndex, *groups: Sequence[Removed]) -> tuple[Removed, ...]:
    """Merge lists of removed lines (each already in document order) into one list in the
    order the lines stand in the input (indexed by ``lines``): each is placed at the
    first input line, at or after the previous one of its list, that it equals or starts
    with (a removed paragraph may be several input lines re-joined)."""
    keyed = []
    for group_no, group in enumerate(groups):
        pos = 0
        for seq, item in enumerate(group):
            found = lines.find(_squash(item.text), pos)
            if found is not None:
                pos = found + 1
            keyed.append((found if found is not None else pos, group_no, seq, item))
    return tuple(item for *_, item in sorted(keyed, key=lambda k: k[:3]))


def _normalize(loaded: load.Loaded, *, media_type: Optional[str], encoding: Optional[str],
               plugin: Optional[str], enrich: bool, registry: Registry) -> Record:
    registry.load()
    warnings: list[str] = list(registry.load_errors)
    prepared = _prepare(loaded, media_type=media_type, encoding=encoding)
    decoded, document = prepared.decoded, prepared.document
    if decoded.replaced:
        warnings.append(f"{decoded.replaced} undecodable byte sequence(s) replaced (decoded as {decoded.encoding})")
    candidates = _candidates(document, registry, plugin, warnings)
    chosen, document, parts = _parse(prepared, candidates, registry, warnings)

    body = document.paragraphs
    signed = metadata.signed_date(body)
    stated, accountability = figures.read(body)
    problems = parts.problems
    record = Record(
        doc_id=hashlib.sha256("\n".join(body).encode("utf-8")).hexdigest()[:16],
        source=Source(
            path=loaded.path,
            media_type=document.media_type,
            encoding=decoded.encoding,
            encoding_source=decoded.source,
            encoding_confidence=decoded.confidence,
            sha256=hashlib.sha256(loaded.raw).hexdigest(),
        ),
        publisher=Publisher(
            plugin=chosen.name,
            plugin_version=chosen.plugin.version,
            detect_score=chosen.score,
            name=parts.publisher_name or document.meta.site_name,
            province=chosen.plugin.info.province,
        ),
        title=document.title,
        issuer=metadata.issuer(document.title, body),
        addressees=metadata.addressees(body),
        signed_date=signed,
        published_at=document.meta.published_at,
        editor=document.meta.editor,
        origin=document.meta.origin,
        original_url=document.meta.original_url,
        inspection=inspection.inspection(document.title, body, signed=signed),
        stated=stated,
        accountability=accountability,
        outline=parts.outline,
        problems=problems,
        counted=Counted.of(problems),
        contacts=contacts.contacts(body),
        paragraphs=body,
        removed=document.removed,
        warnings=(*warnings, *parts.warnings),
    )
    if enrich:
        from . import enrich as enrichment

        record = enrichment.enrich(record)
    record = _plugin_enrich(record, document, registry)
    extra = validation.validate(record)
    return attrs.evolve(record, warnings=(*record.warnings, *extra)) if extra else record


def _candidates(document: Document, registry: Registry, forced: Optional[str],
                warnings: list[str]) -> list[detect.Candidate]:
    ranked = detect.rank(document, registry)
    for cand in ranked:
        if cand.failure:
            warnings.append(f"plugin {cand.name!r} failed in zhenggai_claim: {cand.failure}")
    if forced is None:
        return ranked
    chosen = [c for c in ranked if c.name == forced]
    if not chosen:
        known = ", ".join(e.name for e in registry.entries()) or "none"
        raise PluginError(f"no publisher plugin named {forced!r} (installed: {known})", plugin=forced,
                          step="detect publisher")
    return chosen + [c for c in ranked if c.name != forced]


def _parse(prepared: _Prepared, candidates: list[detect.Candidate], registry: Registry,
           warnings: list[str]) -> tuple[detect.Candidate, Document, Parts]:
    """Chrome rules and parse by the best candidate; on failure, the next one."""
    failures = []
    for cand in candidates:
        try:
            doc = _publisher_chrome(prepared, cand.name, registry)
            parts = registry.call(cand.name, "zhenggai_parse", check=_valid_parts, document=doc)
        except PluginFailure as failure:
            failures.append(str(failure))
            warnings.append(f"{failure}; trying the next plugin")
            continue
        if parts is None:
            continue
        return cand, doc, parts
    raise PluginError("no publisher plugin could parse the document: " + ("; ".join(failures) or "none installed"),
                      step="parse structure")


def _publisher_chrome(prepared: _Prepared, name: str, registry: Registry) -> Document:
    """The document cleaned again with the generic rules and plugin ``name``'s own."""
    rules = registry.call(name, "zhenggai_chrome_rules", document=prepared.document,
                          check=lambda r: isinstance(r, (list, tuple)) and all(isinstance(x, ChromeRule) for x in r))
    if not rules:
        return prepared.document
    own = tuple(attrs.evolve(rule, name=f"{name}:{rule.name}") for rule in rules)
    if not chrome.removes_any(prepared.extracted.blocks, own):
        return prepared.document  # nothing for its rules to take: the same document
    document = prepared.document
    try:
        return _clean(document.source_name, document.media_type, prepared.extracted, prepared.lines,
                      (*chrome.GENERIC_RULES, *own))
    except ZhenggaiError as exc:  # e.g. its rules removed every line
        raise PluginFailure(name, "zhenggai_chrome_rules", exc.message) from exc


def _valid_parts(parts: object) -> bool:
    """``zhenggai_parse``'s result is usable: Parts of the right types, unique problem ids.
    Raises ValueError with the reason (charged to the plugin) otherwise."""
    if not isinstance(parts, Parts):
        return False
    wrong = next((x for x in parts.problems if not isinstance(x, Problem)), None)
    if wrong is not None:
        raise ValueError(f"problems holds a {type(wrong).__name__}, not a Problem")
    stack = list(parts.outline)
    while stack:
        node = stack.pop()
        if not isinstance(node, Heading):
            raise ValueError(f"outline holds a {type(node).__name__}, not a Heading")
        stack.extend(node.children)
    if not all(isinstance(w, str) for w in parts.warnings):
        raise ValueError("warnings must be strings")
    if parts.publisher_name is not None and (not isinstance(parts.publisher_name, str) or not parts.publisher_name):
        raise ValueError("publisher_name must be a non-empty string or None")
    dup = duplicate_ids(parts.problems)
    if dup:
        raise ValueError(f"duplicate problem ids {dup}")
    return True


def _valid_record(record: object) -> bool:
    """``zhenggai_enrich``'s result is a record that survives its own JSON round trip."""
    if not isinstance(record, Record):
        return False
    if from_dict(to_dict(record)) != record:
        raise ValueError("the record does not survive to_dict/from_dict")
    return True


def _plugin_enrich(record: Record, document: Document, registry: Registry) -> Record:
    names = [e.name for e in registry.entries()]
    for name, result, failure in registry.each(names, "zhenggai_enrich", check=_valid_record,
                                               record=record, document=document):
        if failure is not None:
            record = attrs.evolve(record, warnings=(*record.warnings, f"{failure}; its enrichment was skipped"))
        elif result is not None:
            record = result
    return record

