"""Enrichment: a report's keywords and its problems' topics, from genre-tuned jieba.

* Segmentation: a private ``jieba.Tokenizer`` (never jieba's global one) with the user
  dictionary ``data/userdict.txt`` of genre terms jieba would cut apart (四个意识,
  三重一大, 营商环境 …). It is built once per process, on first use: importing
  ``zhenggai`` or this module does not import jieba, so ``normalize(..., enrich=False)``
  never does. jieba's dictionary cache goes to ``$ZHENGGAI_CACHE_DIR`` or, by default,
  ``platformdirs.user_cache_dir("zhenggai")`` (created private, mode 0700), never to
  jieba's shared ``/tmp/jieba.cache``.
* Keywords: TF-IDF over the tokens of the body (``record.paragraphs``) with the shipped
  IDF table and stop lists (``data/idf.txt``, ``data/stopwords.txt``,
  ``data/stopwords-derived.txt``; rebuilt by ``scripts/build_lexicon.py``), so that the
  genre's boilerplate (切实, 进一步, 整改 …) never crowds out what the report is about.
* Topics: the lexicon tagger of ``zhenggai.topics`` on each problem's tokens.

Cost: segmentation is jieba's, computed faster (``zhenggai.segmenter``, same tokens);
each paragraph is segmented once per record; a problem's title, group heading and
text lines are read off the tokens of the paragraphs that hold them (``_Body``), so
enrichment costs about one segmentation of the body, close to a bare
``jieba.analyse.extract_tags`` call (``benchmarks/enrich.py``).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import warnings
from bisect import bisect_left, bisect_right
from collections import Counter
from importlib import resources
from itertools import accumulate
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence, TypeVar

import attrs

from .errors import InputError, ZhenggaiError
from .record import Problem, Record
from .segmenter import lcut_with
from .text import fold
from .topics import TAXONOMY, Tagger, Topic, agreement, decide, load_taxonomy

__all__ = [
    "CACHE_ENV", "DEFAULT_TOP_K", "TAXONOMY", "Topic", "USER_WORD_FREQ", "agreement", "cache_dir",
    "enrich", "is_candidate", "keywords", "load_taxonomy", "segment", "stop_words", "topics_of",
]

CACHE_ENV = "ZHENGGAI_CACHE_DIR"
"""Environment variable naming the directory for jieba's dictionary cache."""

DEFAULT_TOP_K = 20
"""How many keywords ``enrich`` gives a record."""

USER_WORD_FREQ = 2000
"""Least frequency of a user-dictionary term: that of a common word in jieba's dictionary
(采购 1843, 党员 1873 of 60 million), so that the term stays whole next to words that
would absorb one of its characters (巡察组对 -> 巡察组/对, not 巡察/组对)."""

_CACHE_FILE = "jieba.cache"
_DATA = resources.files(__package__).joinpath("data")

# A keyword holds an ideograph, no ASCII digit, and is not a bare number or ordinal
# (一是, 两个, 第三, 十三五, 万元).
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_DIGIT = re.compile(r"[0-9]")
_NUMERAL = re.compile(r"第?[〇零一二三四五六七八九十百千万亿两几]+[是个项条次年月日号批轮家名人位种类些元]?")
_IDF_UNSEEN = re.compile(r"#\s*unseen:\s*([0-9]+(?:\.[0-9]+)?)\s*$")

T = TypeVar("T")


def cache_dir() -> Path:
    """The directory for jieba's dictionary cache: ``$ZHENGGAI_CACHE_DIR`` when set,
    else the platform's user cache directory for zhenggai."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("zhenggai"))


def _data_words(name: str) -> list[str]:
    """Words of a shipped word list: '#' starts a comment, words are separated by spaces."""
    text = _DATA.joinpath(name).read_text(encoding="utf-8")
    return [w for line in text.splitlines() for w in line.split("#", 1)[0].split()]


def _import_jieba() -> Any:
    """Import jieba with the warnings of its own import silenced, and only those: the
    invalid escape sequences in its sources (DeprecationWarning, SyntaxWarning from 3.12,
    reported against jieba's files when they are compiled) and what ``pkg_resources``,
    which it imports, warns against the importing module (deprecation, "already imported")."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r".*[\\/]jieba[\\/]")  # compile time: module = file path
        warnings.filterwarnings("ignore", module=r"jieba(\.|$)")  # run time: module = jieba, jieba._compat
        import jieba
    return jieba


def _new_tokenizer() -> Any:
    """A private jieba tokenizer, initialized, with the genre's user dictionary."""
    jieba = _import_jieba()
    tokenizer = jieba.Tokenizer()
    directory = cache_dir()
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        # No usable cache directory: jieba then builds its dictionary in memory (about
        # a second) and its attempt to write the cache fails, silently (logger below).
        pass
    tokenizer.tmp_dir = str(directory)
    tokenizer.cache_file = str(directory / _CACHE_FILE)
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)  # "Building prefix dict …", "Dump cache file failed"
    try:
        tokenizer.initialize()
    finally:
        logger.setLevel(level)
    for term in _data_words("userdict.txt"):
        tokenizer.add_word(term, max(tokenizer.suggest_freq(term, False), USER_WORD_FREQ))
    return tokenizer


def _load_idf() -> tuple[dict[str, float], float]:
    """The shipped IDF table (word → idf) and the idf of a word it does not list."""
    table: dict[str, float] = {}
    unseen: Optional[float] = None
    for line in _DATA.joinpath("idf.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            found = _IDF_UNSEEN.match(line)
            if found:
                unseen = float(found.group(1))
        elif line.strip():
            word, value = line.split("\t")[:2]
            table[word] = float(value)
    if unseen is None:
        raise ZhenggaiError("data/idf.txt has no '# unseen:' line; rebuild it with scripts/build_lexicon.py",
                            step="enrich")
    return table, unseen


def _once(factory: Callable[[], T]) -> Callable[[], T]:
    """``factory()`` called on first use only, once per process even across threads."""
    lock = threading.Lock()
    box: list[T] = []

    def get() -> T:
        if not box:
            with lock:
                if not box:
                    box.append(factory())
        return box[0]

    return get


_cut: Callable[[], Callable[[str], list[str]]] = _once(lambda: lcut_with(_new_tokenizer()))


def _tokens(text: str) -> list[str]:
    """All tokens of the folded text, whitespace included: their lengths add up to the
    text's, so a token's offset is the sum of the lengths before it."""
    return _cut()(fold(text))


def _segment(text: str) -> list[str]:
    """Tokens of the folded text, whitespace dropped."""
    return [t for t in _tokens(text) if not t.isspace()]


def is_candidate(word: str) -> bool:
    """Whether a token may be a keyword at all: two characters or more, an ideograph,
    no digit, not a bare numeral or ordinal. (Stop words are checked separately.)"""
    return (len(word) >= 2 and _IDEOGRAPH.search(word) is not None and _DIGIT.search(word) is None
            and _NUMERAL.fullmatch(word) is None)


@attrs.frozen
class _Lexicon:
    """Stop words, IDF table and topic tagger, loaded once per process (see ``_lexicon``)."""

    stop: frozenset[str]
    idf: Mapping[str, float]
    unseen_idf: float
    tagger: Tagger

    def top(self, counts: Mapping[str, int], k: int) -> list[str]:
        """The ``k`` candidates of highest tf·idf; ties go to the smaller string."""
        idf, unseen, stop = self.idf, self.unseen_idf, self.stop
        scored = [(-n * idf.get(w, unseen), w) for w, n in counts.items() if w not in stop and is_candidate(w)]
        scored.sort()
        return [w for _, w in scored[:k]]


def _load_lexicon() -> _Lexicon:
    idf, unseen = _load_idf()
    return _Lexicon(
        stop=frozenset(_data_words("stopwords.txt") + _data_words("stopwords-derived.txt")),
        idf=idf,
        unseen_idf=unseen,
        tagger=Tagger(TAXONOMY, _segment),
    )


_lexicon: Callable[[], _Lexicon] = _once(_load_lexicon)


def _check_text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{name} must be a str, not {type(value).__name__}", step="enrich")
    return value


def stop_words() -> frozenset[str]:
    """The stop words in force: the curated list and the derived one."""
    return _lexicon().stop


def segment(text: str) -> list[str]:
    """Segment text with zhenggai's tokenizer (genre user dictionary); whitespace dropped.
    Full-width letters, digits and punctuation are folded to ASCII first."""
    return _segment(_check_text(text, "text"))


def keywords(text: str, k: int = DEFAULT_TOP_K) -> list[str]:
    """The ``k`` words of highest TF-IDF in ``text`` (shipped IDF table and stop lists),
    best first; ties in order of the words themselves."""
    _check_text(text, "text")
    if isinstance(k, bool) or not isinstance(k, int) or k < 0:
        raise InputError(f"k must be a non-negative int, not {k!r}", step="enrich")
    return _lexicon().top(Counter(_tokens(text)), k)


def topics_of(text: str, heading: str = "", parent: str = "") -> tuple[str, ...]:
    """Topic ids of one problem, sorted: ``text`` is its full text, ``heading`` its
    title and quoted feedback, ``parent`` the heading of the group it sits in (terms in
    headings weigh more; the rule is in ``docs/topics.md``)."""
    tagger = _lexicon().tagger
    lines = _check_text(text, "text").split("\n")
    return decide(tagger.hits([_tokens(_check_text(heading, "heading"))]),
                  tagger.hits([_tokens(_check_text(parent, "parent"))]),
                  tagger.hits(_tokens(line) for line in lines))


class _Body:
    """A record's paragraphs, each segmented once, and the tokens of any part of them.

    Problem texts, titles and group headings are slices of the paragraphs (a marker
    dropped, a paragraph split): ``span`` finds the paragraph that holds a part and
    returns the tokens lying wholly inside it, so that the part is never segmented a
    second time. Problems come in document order, so the search starts where the last
    one succeeded. A part found in no paragraph is segmented on its own.
    """

    def __init__(self, paragraphs: Sequence[str]):
        self.paragraphs = paragraphs
        self.tokens = [_tokens(p) for p in paragraphs]
        self._first = {p: i for i, p in reversed(list(enumerate(paragraphs)))}
        self._bounds: dict[int, tuple[list[int], list[int]]] = {}
        self._cursor = 0
        self._alone: dict[str, list[str]] = {}

    def span(self, part: str) -> list[str]:
        """Tokens of ``part`` (a non-empty string), read off the paragraph that holds it."""
        i = self._first.get(part)
        if i is not None:
            return self.tokens[i]
        n = len(self.paragraphs)
        for k in range(n):
            i = (self._cursor + k) % n
            start = self.paragraphs[i].find(part)
            if start >= 0:
                self._cursor = i
                starts, ends = self._offsets(i)
                return self.tokens[i][bisect_left(starts, start):bisect_right(ends, start + len(part))]
        found = self._alone.get(part)
        if found is None:
            found = self._alone[part] = _tokens(part)
        return found

    def _offsets(self, i: int) -> tuple[list[int], list[int]]:
        """Start and end offsets of paragraph ``i``'s tokens (their lengths add up)."""
        bounds = self._bounds.get(i)
        if bounds is None:
            ends = list(accumulate(len(t) for t in self.tokens[i]))
            bounds = self._bounds[i] = ([0, *ends[:-1]], ends)
        return bounds


def _problem_topics(problem: Problem, body: _Body, tagger: Tagger) -> tuple[str, ...]:
    """Topics of a parsed problem: its title and feedback (when the title does not
    already quote it) as heading, ``path[-1]`` as parent, its text (or measures) as text."""
    heading = [problem.title]
    if problem.feedback and fold(problem.feedback) not in fold(problem.title):
        heading.append(problem.feedback)
    lines = (problem.text or "\n".join(problem.measures)).split("\n")
    return decide(tagger.hits(body.span(h) for h in heading if h),
                  tagger.hits(body.span(p) for p in problem.path[-1:] if p),
                  tagger.hits(body.span(line) for line in lines if line))


def enrich(record: Record) -> Record:
    """A new record with ``keywords`` (top ``DEFAULT_TOP_K`` TF-IDF terms of the body),
    each problem's ``topics`` and the record's ``topics`` (topic id → problems tagged)."""
    if not isinstance(record, Record):
        raise InputError(f"enrich expects a Record, not {type(record).__name__}", step="enrich")
    lexicon = _lexicon()
    body = _Body(record.paragraphs)
    counts: Counter[str] = Counter()
    for tokens in body.tokens:
        counts.update(tokens)
    problems = tuple(attrs.evolve(p, topics=_problem_topics(p, body, lexicon.tagger)) for p in record.problems)
    tally = Counter(topic for p in problems for topic in p.topics)
    return attrs.evolve(record, keywords=lexicon.top(counts, DEFAULT_TOP_K), problems=problems, topics=tally)
