"""``Layout``: how a publisher lays out its problems, declared as a few lists of patterns.

The structure parser (``zhenggai.structure``) knows the genre's machinery — GB/T 9704
heading levels, quotes, 一是/二是 lead-ins, the status vocabulary, deadlines — and reads
everything publisher-specific from a ``Layout``: which headings are problems, which
paragraphs open a problem item, which labels introduce a status, a deadline or the
measures, which sections never hold problems and which paragraphs close the body.
``GENRE`` declares the genre's own conventions; a plugin whose pages differ adds a few
patterns with ``GENRE.extend(...)`` (or replaces a list with ``attrs.evolve``). See
``docs/layouts.md``.

Every pattern is a regular expression matched against *folded* text
(``zhenggai.text.fold``: full-width punctuation as ASCII, so ``:`` stands for both ``:``
and ``：``, ``(`` for ``(`` and ``（``; ``“”`` stay typographic). Patterns are compiled
once, when the layout is built; an invalid one raises ``ValueError`` there.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

import attrs
from attrs import field, frozen


def _patterns(value: Iterable[str]) -> tuple[str, ...]:
    """A list of patterns as a tuple, each checked to compile (ValueError otherwise)."""
    if isinstance(value, str):
        raise ValueError(f"expected a sequence of patterns, got the single string {value!r}")
    patterns = tuple(value)
    for p in patterns:
        if not isinstance(p, str):
            raise ValueError(f"pattern {p!r} is not a string")
        try:
            re.compile(p)
        except re.error as exc:
            raise ValueError(f"invalid pattern {p!r}: {exc}") from None
    return patterns


def _compile_each(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each pattern compiled on its own."""
    return tuple(re.compile(p) for p in patterns)


_LABEL_KINDS = ("status", "deadline", "measure")


def _label(name: str) -> str:
    """A label as printed: the name followed by ``:``, or enclosed as ``[…]`` (``【…】``
    folded), a ``:`` after the bracket optional; spaces around."""
    return rf"\s*(\[\s*)?(?:{name})\s*(?(1)\]\s*:?|:)\s*"


_STOP = re.compile("[。;]")


def _found_in(text: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """True when one of ``patterns`` matches somewhere in ``text``. (A loop rather than
    ``any`` over a generator: the parser asks for every heading and paragraph.)"""
    for pattern in patterns:
        if pattern.search(text):
            return True
    return False


def _opens(text: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    """True when one of ``patterns`` matches at the start of ``text``."""
    for pattern in patterns:
        if pattern.match(text):
            return True
    return False


def _may_hold_label(paragraph: str) -> bool:
    """False when no label can match in the (folded) paragraph: every label ends with a
    ``:`` or a ``]``. Most paragraphs have neither, and the test is much cheaper than the
    patterns."""
    return ":" in paragraph or "]" in paragraph


@frozen(kw_only=True)
class Layout:
    """A publisher's layout of problems, as regex patterns over folded text.

    Headings are the GB/T 9704 headings the outline finds (一、 (一) 1. (1)); their
    *title* is the heading text without marker and without the text that follows the
    first ``。`` on the heading's line.

    - ``problem_headings`` (searched in a heading's title): the heading is a problem
      item, unless finer items sit inside it (then it only groups them).
    - ``weak_problem_headings`` (searched in a heading's title): weaker evidence, a title
      that merely ends like a problem (``…学习不够深入问题``). Such a heading is a problem
      item as above, except inside a heading that ``problem_headings`` matches: there it
      is one of that problem's measures (``(一)…,切实解决群众反映强烈的突出问题。`` under
      ``一、关于“…”问题的整改情况``).
    - ``problem_parents`` (searched in a heading's title): the heading's child headings
      are problem items (Hunan's ``(一)反馈问题:…`` categories).
    - ``problem_items`` (matched at the start of a body paragraph): the paragraph opens a
      paragraph-level item inside the current heading (001's ``关于“…”问题的整改落实情况``,
      002's unnumbered ``针对…的问题``). A named group ``marker`` (``一是``, ``问题3``) is left
      out of the item's title.
    - ``status_labels``, ``deadline_labels``, ``measure_labels``: label names; a body
      paragraph that starts with one followed by ``:`` (or enclosed as ``[…]``/``【…】``)
      is a status line, a deadline line or the start of the measures. A status label
      may also follow a ``。`` inside a paragraph when what follows reads as a status.
    - ``no_problem_sections`` (searched in the title of an outermost heading that is not
      itself a problem): the section never holds problems (organization and leadership
      summaries, closing 巩固/下一步 sections, case-handling sections).
    - ``closers`` (matched at the start of a body paragraph): the paragraph and all that
      follow it under the same heading stand outside any item (下一步…, 欢迎广大干部群众…,
      the signature), unless a later paragraph there opens an item or carries a label.
    """

    problem_headings: tuple[str, ...] = field(default=(), converter=_patterns)
    weak_problem_headings: tuple[str, ...] = field(default=(), converter=_patterns)
    problem_parents: tuple[str, ...] = field(default=(), converter=_patterns)
    problem_items: tuple[str, ...] = field(default=(), converter=_patterns)
    status_labels: tuple[str, ...] = field(default=(), converter=_patterns)
    deadline_labels: tuple[str, ...] = field(default=(), converter=_patterns)
    measure_labels: tuple[str, ...] = field(default=(), converter=_patterns)
    no_problem_sections: tuple[str, ...] = field(default=(), converter=_patterns)
    closers: tuple[str, ...] = field(default=(), converter=_patterns)
    _headings: tuple[re.Pattern[str], ...] = field(init=False, repr=False, eq=False)
    _weak_headings: tuple[re.Pattern[str], ...] = field(init=False, repr=False, eq=False)
    _parents: tuple[re.Pattern[str], ...] = field(init=False, repr=False, eq=False)
    _items: tuple[re.Pattern[str], ...] = field(init=False, repr=False, eq=False)
    _labels: tuple[tuple[str, re.Pattern[str]], ...] = field(init=False, repr=False, eq=False)
    _status: tuple[re.Pattern[str], ...] = field(init=False, repr=False, eq=False)
    _sections: tuple[re.Pattern[str], ...] = field(init=False, repr=False, eq=False)
    _closers: tuple[re.Pattern[str], ...] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Each pattern is compiled on its own, so that named groups may repeat across
        # patterns.
        labels = tuple(
            (kind, re.compile(_label(name)))
            for kind, names in zip(_LABEL_KINDS, (self.status_labels, self.deadline_labels, self.measure_labels))
            for name in names
        )
        object.__setattr__(self, "_headings", _compile_each(self.problem_headings))
        object.__setattr__(self, "_weak_headings", _compile_each(self.weak_problem_headings))
        object.__setattr__(self, "_parents", _compile_each(self.problem_parents))
        object.__setattr__(self, "_items", _compile_each(self.problem_items))
        object.__setattr__(self, "_labels", labels)
        object.__setattr__(self, "_status", tuple(p for kind, p in labels if kind == "status"))
        object.__setattr__(self, "_sections", _compile_each(self.no_problem_sections))
        object.__setattr__(self, "_closers", _compile_each(self.closers))

    def extend(self, **more: Iterable[str]) -> "Layout":
        """A copy with ``more`` patterns appended to the named lists, e.g.
        ``GENRE.extend(problem_items=[r"^(?P<marker>问题\\d+)"])``."""
        names = {a.name for a in attrs.fields(Layout) if a.init}
        unknown = sorted(set(more) - names)
        if unknown:
            raise ValueError(f"Layout has no pattern list {', '.join(unknown)}")
        return attrs.evolve(self, **{k: (*getattr(self, k), *_patterns(v)) for k, v in more.items()})

    # The parser's questions, each asked of folded text.

    def is_problem_heading(self, title: str, *, inside_problem: bool = False) -> bool:
        """True when a heading with this (folded) title is a problem item; a weak match
        does not count ``inside_problem`` (under a heading that ``names_problem``)."""
        if self.names_problem(title):
            return True
        return not inside_problem and _found_in(title, self._weak_headings)

    def names_problem(self, title: str) -> bool:
        """True when a heading with this (folded) title names a problem (``problem_headings``)."""
        return _found_in(title, self._headings)

    def is_problem_parent(self, title: str) -> bool:
        """True when the child headings of a heading with this title are problem items."""
        return _found_in(title, self._parents)

    def item_start(self, paragraph: str) -> Optional[re.Match[str]]:
        """The match when this (folded, left-trimmed) paragraph opens a paragraph-level item."""
        for pattern in self._items:
            m = pattern.match(paragraph)
            if m:
                return m
        return None

    def label(self, paragraph: str) -> Optional[tuple[str, int]]:
        """``(kind, end)`` when the (folded, left-trimmed) paragraph starts with a status,
        deadline or measure label; ``end`` is where the labelled text begins."""
        if not _may_hold_label(paragraph):
            return None
        for kind, pattern in self._labels:
            m = pattern.match(paragraph)
            if m:
                return kind, m.end()
        return None

    def inline_status(self, paragraph: str) -> Optional[re.Match[str]]:
        """The first status label (``label:`` or ``[label]``) standing after a ``。`` or
        ``;`` inside the paragraph. The patterns are tried right after each stop, where
        such a label begins (a search would try every position), and only after stops
        that a ``:`` or ``]`` follows: every label ends with one."""
        if not _may_hold_label(paragraph):
            return None
        last = max(paragraph.rfind(":"), paragraph.rfind("]"))
        for stop in _STOP.finditer(paragraph, 0, last):
            for pattern in self._status:
                m = pattern.match(paragraph, stop.end())
                if m:
                    return m
        return None

    def holds_no_problems(self, title: str) -> bool:
        """True when an outermost section with this (folded) title never holds problems."""
        return _found_in(title, self._sections)

    def closes(self, paragraph: str) -> bool:
        """True when this (folded, left-trimmed) paragraph closes the items before it."""
        return _opens(paragraph, self._closers)


_CN = "一二三四五六七八九十"

#: The genre's conventions: every pattern here comes from how rectification reports are
#: written across publishers, not from one publisher's pages.
GENRE = Layout(
    problem_headings=(
        r"^(?:关于|针对).*问题",  # 关于“…”的问题 / 关于“…”问题的整改情况 / 针对…的问题
        r"^问题\s*\d",  # 问题1…
    ),
    # …学习不够深入问题 (groups of problems when they hold finer ones); under a 关于“…”
    # problem, a measure that ends in 问题 (…解决群众反映强烈的突出问题).
    weak_problem_headings=(r"问题$",),
    problem_parents=(r"^(?:巡[视察](?:组)?)?反馈(?:的)?(?:问题|意见)\s*:",),
    problem_items=(
        rf"^(?P<marker>[{_CN}]{{1,3}}是|[①-⑳])?关于[“\"].*?[”\"](?:的|等)?问题(?:的)?整改",
        r"^针对[^。]{1,300}问题[.。]?$",
        r"^(?P<marker>问题\s*\d{1,3})(?!\d|\.\d)",  # 问题3 / 问题3. / 问题3:
    ),
    status_labels=(
        r"整改(?:进展|进度|状态|结果|完成)(?:情况)?",
        r"(?:目前)?进展情况",
        r"完成情况",
        r"进度",
    ),
    deadline_labels=(r"(?:整改|完成)(?:时限|期限|时间)", r"时限(?:要求)?"),
    measure_labels=(r"整改(?:情况|措施|举措|落实情况)", r"(?:具体)?(?:措施|举措)", r"落实情况"),
    no_problem_sections=(
        r"组织领导|组织(?:落实)?整改|整改(?:工作)?的?组织",
        r"政治站位|政治任务",
        r"巩固|下一步|下步|下阶段|今后|后续|深化整改",
        r"问题线索|线索(?:的)?处理|追责问责|责任追究",
        r"进一步整改的|尚未完成",
    ),
    closers=(
        r"下一步",
        r"(?:下阶段|下一阶段|今后),",
        r"欢迎",
        r"(?:联系(?:电话|方式|人)|邮政信箱|电子邮箱|通信地址|来信地址|邮箱)\s*:",
        r"(?:本通报|特此通报)",
        r"中共\S{2,40}(?:委员会|工委|党委|党组)\s*$",
        r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$",
    ),
)
