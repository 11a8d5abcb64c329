"""The topic taxonomy, the lexicon tagger and the agreement figure.

A topic is a lexicon of words and phrases (``data/topics.txt``, human-readable, see
``docs/topics.md``). The tagger matches lexicon terms against *segmented* text: each
term is segmented by the same tokenizer as the text and matches only the same tokens in
sequence, so a term never matches part of a word (一 does not fire inside 统一).

This module knows nothing of jieba: the tagger is given the segmentation function.
``zhenggai.enrich`` builds it lazily with the genre-tuned tokenizer.
"""

from __future__ import annotations

import configparser
import re
from importlib import resources
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Optional, Sequence

from attrs import field, frozen

from .errors import InputError

# How hits become topics (docs/topics.md). A topic scores TEXT_WEIGHT for each distinct
# term of its lexicon found in the problem's text and not in its heading (title, quoted
# feedback), plus PARENT_WEIGHT, once, when a term is in the heading of the group the
# problem sits in (``Problem.path[-1]``); a term in the heading scores HEADING_WEIGHT.
# It is given when its score reaches THRESHOLD and SHARE of the best score: measures
# touching on many subjects add only those they dwell on. A problem no topic qualifies
# for gets its best-scoring topic(s) when that score reaches FALLBACK (a group heading's
# term alone does: every problem should say what it is about when anything does); at
# most MAX_TOPICS topics, the best-scoring ones.
HEADING_WEIGHT = 3
PARENT_WEIGHT = 2
TEXT_WEIGHT = 1
THRESHOLD = 3
SHARE = 0.5
FALLBACK = 2  # least score that still tags a problem no topic clears THRESHOLD for
MAX_TOPICS = 3

_TOPIC_ID = re.compile(r"[a-z][a-z0-9_]*")


@frozen
class Topic:
    """One topic of the taxonomy: its id, labels and lexicon (terms as written)."""

    id: str
    label: str
    label_zh: str
    terms: tuple[str, ...] = field(converter=tuple)


def load_taxonomy(text: str, *, source: str = "topics") -> Mapping[str, Topic]:
    """Parse a taxonomy file's text (the format of ``data/topics.txt``) into id → Topic.

    Sections keep their order in the file; a term listed twice in one topic counts once.
    Raises ``InputError`` for a malformed file (bad id, missing label, empty lexicon).
    """
    if not isinstance(text, str):
        raise InputError(f"taxonomy text must be a str, not {type(text).__name__}", source=source)
    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",), inline_comment_prefixes=("#",))
    try:
        parser.read_string(text, source=source)
    except configparser.Error as exc:
        raise InputError(f"malformed taxonomy: {exc}", source=source) from exc
    topics: dict[str, Topic] = {}
    for section in parser.sections():
        entry = parser[section]
        if not _TOPIC_ID.fullmatch(section):
            raise InputError(f"topic id {section!r} is not lower_snake_case", source=source)
        missing = [key for key in ("label", "label_zh", "terms") if not entry.get(key, "").strip()]
        if missing:
            raise InputError(f"topic {section!r} has no {', '.join(missing)}", source=source)
        terms = tuple(dict.fromkeys(entry["terms"].split()))
        topics[section] = Topic(section, entry["label"].strip(), entry["label_zh"].strip(), terms)
    if not topics:
        raise InputError("taxonomy defines no topic", source=source)
    return MappingProxyType(topics)


TAXONOMY: Mapping[str, Topic] = load_taxonomy(
    resources.files(__package__).joinpath("data", "topics.txt").read_text(encoding="utf-8"),
    source="zhenggai/data/topics.txt",
)
"""The shipped taxonomy: topic id → ``Topic`` (documented in ``docs/topics.md``)."""

Hits = dict[str, frozenset[str]]


class Tagger:
    """Matches a taxonomy's lexicons against token sequences and scores topics."""

    def __init__(self, taxonomy: Mapping[str, Topic], segment: Callable[[str], list[str]]):
        """Segment every term once with ``segment``; index the terms by their first token."""
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for topic in taxonomy.values():
            for term in topic.terms:
                tokens = tuple(segment(term))
                if tokens:
                    index.setdefault(tokens[0], []).append((tokens, topic.id, term))
        self._index = index

    def hits(self, chunks: Iterable[Sequence[str]]) -> Hits:
        """Topic id → the distinct terms found in the token chunks (a term never spans two chunks)."""
        found: dict[str, set[str]] = {}
        index = self._index
        for tokens in chunks:
            for i, token in enumerate(tokens):
                candidates = index.get(token)
                if candidates is None:
                    continue
                for seq, topic, term in candidates:
                    n = len(seq)
                    if n == 1 or tuple(tokens[i:i + n]) == seq:
                        found.setdefault(topic, set()).add(term)
        return {topic: frozenset(terms) for topic, terms in found.items()}


def decide(heading: Hits, parent: Hits, text: Hits) -> tuple[str, ...]:
    """The topics given by the hits in a problem's heading, its group's heading and its
    text, sorted by id (rule and weights above)."""
    scores = {}
    for topic in heading.keys() | parent.keys() | text.keys():
        in_heading = heading.get(topic, frozenset())
        scores[topic] = (HEADING_WEIGHT * len(in_heading) + (PARENT_WEIGHT if topic in parent else 0)
                         + TEXT_WEIGHT * len(text.get(topic, frozenset()) - in_heading))
    best = max(scores.values(), default=0)
    floor = max(THRESHOLD, SHARE * best)
    chosen = [t for t, score in scores.items() if score >= floor]
    if not chosen and best >= FALLBACK:
        # nothing clears the threshold: the problem is still about *something* — its
        # best-scoring topic(s), when the evidence is more than one stray word
        chosen = [t for t, score in scores.items() if score == best]
    ranked = sorted(chosen, key=lambda t: (-scores[t], t))[:MAX_TOPICS]
    return tuple(sorted(ranked))


def _ratio(num: int, den: int) -> Optional[float]:
    return num / den if den else None


def agreement(predicted: Mapping[str, Sequence[str]], gold: Mapping[str, Sequence[str]]) -> dict:
    """Agreement of predicted topics with hand labels, both problem id → topic ids.

    Problems are those of ``gold``; a gold problem missing from ``predicted`` counts as
    tagged with nothing, predicted problems absent from ``gold`` are ignored. Returns
    ``{"problems": n, "exact_match": share of problems with exactly the gold topics,
    "topics": {topic: {"precision", "recall", "f1", "gold", "predicted"}},
    "micro": {"precision", "recall", "f1"}}``; a ratio with a zero denominator is
    ``None`` (e.g. precision of a topic never predicted).
    """
    for name, labels in (("predicted", predicted), ("gold", gold)):
        if not isinstance(labels, Mapping) or not all(
                isinstance(k, str) and isinstance(v, (list, tuple, set, frozenset)) and all(isinstance(t, str) for t in v)
                for k, v in labels.items()):
            raise InputError(f"{name} must map problem ids to lists of topic ids", step="agreement")
    ids = sorted(gold)
    pairs = [(frozenset(predicted.get(i, ())), frozenset(gold[i])) for i in ids]
    topics = sorted(set().union(*(p | g for p, g in pairs)))
    per_topic = {}
    tp_all = fp_all = fn_all = 0
    for topic in topics:
        tp = sum(1 for p, g in pairs if topic in p and topic in g)
        fp = sum(1 for p, g in pairs if topic in p and topic not in g)
        fn = sum(1 for p, g in pairs if topic not in p and topic in g)
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        per_topic[topic] = {**_prf(tp, fp, fn), "gold": tp + fn, "predicted": tp + fp}
    return {
        "problems": len(ids),
        "exact_match": _ratio(sum(1 for p, g in pairs if p == g), len(ids)),
        "topics": per_topic,
        "micro": _prf(tp_all, fp_all, fn_all),
    }


def _prf(tp: int, fp: int, fn: int) -> dict[str, Optional[float]]:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    if precision is None or recall is None:
        f1 = None
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}
