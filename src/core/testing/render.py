"""Print a ``ReportSpec`` the way the five seed publishers print reports, and say what a
parser should read back from it.

Layouts (the page kinds of ``zhenggai.testing.pages``), by the seed they follow:

``liaoning_pj`` (000)
    ``(n)关于“…”的问题。`` with the measures on the same line (一是…二是…), then
    ``整改进展情况:…。``; categories ``(一)``, groups ``1.…问题。``. Paragraphs separated
    by blank lines.
``liaoning_jp`` (001)
    ``(n)关于“X”的问题。`` topic headings holding one entry ``关于“…”问题的整改落实情况。``
    or several ``一是关于“…”问题整改落实情况。``, each with its measure paragraphs and its
    own status line. Paragraphs indented, no blank lines.
``fujian`` (002)
    groups ``1.关于…的问题`` holding ``(n)针对…的问题。`` + ``整改情况:…``, or a bare
    ``针对…的问题`` when it is the group's only item; no status lines.
``hunan`` (003)
    categories ``(一)反馈问题:…。``, problems ``1.…。`` + ``整改情况:…``; no status lines.
``zhejiang`` (004)
    top-level ``一、关于“…”问题的整改情况`` with measures ``(一)…`` or one paragraph; no
    status lines; one line per paragraph.

Every report has a title, an opening paragraph with the inspection sentence, a section
on how the rectification was organized (no problems in it), the problems, optionally a
closing section, the summary sentence with the stated figures (where ``summary_at``
says), the accountability sentence, contact details and the signature (issuer, date).
Where a problem has no status line, its deadline is printed as a plan at the end of its
measures (计划…前全部完成) or as a ``完成时限:`` line (``ReportSpec.deadline_label``).
Status lines may be bracketed (【整改进展】已完成。) or run on after the measures.

Printing options: ``fullwidth`` widens ASCII punctuation the way pages print it
(``zhenggai.testing.pages.widen_punctuation``); ``wraps`` hard-wraps long sentences
about every 40 characters like the archived 001, and cuts every fifth wrapped paragraph
with a page break like 000's (blank lines in text, an empty spacer paragraph on a page).

The Liaoning layouts print categories, groups and items at the levels of the report's
``OutlineSpec``; the others use their seed's levels (fujian: categories (一) when the
outline has them, groups 1., items (1); hunan: categories (一), items 1.; zhejiang:
items 一、).

``render_text`` and ``render_html`` print; ``expected`` is the projection of
``zhenggai.to_dict(record)`` the parser should produce (match it with
``zhenggai.testing.conformance.match``), ``expected_problems`` its problems,
``stated_agrees`` whether the stated figures agree with them (then no warning is due).
Ids follow docs/developing.md: heading markers joined with ``/``, ``#k`` for paragraph
items; titles, paths and measures follow its "Expected JSON" conventions.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from attrs import frozen

from ..errors import InputError
from .pages import encode_page, render_page, widen_punctuation
from .strategies import LAYOUT_PLUGINS, LAYOUTS, OPENINGS, ProblemSpec, ReportSpec, TopicSpec, cn_date, cn_numeral

__all__ = ["expected", "expected_problems", "render_html", "render_text", "stated_agrees"]

_STATUS_LAYOUTS = frozenset({"liaoning_pj", "liaoning_jp"})
_WRAP_WIDTH = 40
_PAGE_BREAK_EVERY = 5
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A wrapped line never opens with these (一是, 第一, 二〇二〇…: they read as markers).
_NO_LINE_START = frozenset("一二三四五六七八九十百千零〇两第")
_SENTENCE_PUNCT = frozenset(",;。")
# A paragraph that opens with a heading marker or a lead-in (on ASCII-punctuated text).
_OPENS_HEADING = re.compile(r"(?:[一二三四五六七八九十]{1,3}[、是]|\((?:[一二三四五六七八九十]{1,3}|\d{1,3})\)|\d{1,3}[.、])")


@frozen
class _Style:
    """How a layout prints paragraphs as plain text and what its fixed headings say."""

    indent: str
    separator: str
    organization: str
    problems: str
    closing: str


_STYLES = {
    "liaoning_pj": _Style("", "\n\n", "强化组织领导,扎实推进整改", "突出问题导向,确保整改落实落地",
                          "立足长远长效,巩固提高整改成果"),
    "liaoning_jp": _Style("\u00a0\u00a0" + " " * 5, "\n", "坚决把{kind}反馈整改落实工作作为重大政治任务抓实抓好",
                          "全力抓好反馈问题的整改落实", "巩固深化{kind}整改成果,推动各项事业发展"),
    "fujian": _Style("  ", "\n\n", "提高政治站位,强化主体责任,推动{kind}整改工作落实到位",
                     "{kind}反馈问题的整改情况", "下一步整改工作重点"),
    "hunan": _Style("  ", "\n\n", "组织整改落实情况", "{kind}反馈问题整改情况", "继续深化后续整改"),
    "zhejiang": _Style("", "\n", "", "", ""),
}


def _check_layout(layout: str) -> None:
    if layout not in LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}", step="render")


# --------------------------------------------------------------------------------------
# Markers and ids
# --------------------------------------------------------------------------------------


def _marker(level: int, n: int, *, comma: bool = False, spaced: bool = False) -> str:
    """The printed marker of heading ``n`` at a GB/T 9704 level (ASCII punctuation;
    ``comma``: level 3 as ``1、``; ``spaced``: a space after a level-1 marker)."""
    return {1: f"{cn_numeral(n)}、" + " " * spaced, 2: f"({cn_numeral(n)})", 3: f"{n}{'、' if comma else '.'}",
            4: f"({n})"}[level]


def _id_part(level: int, n: int) -> str:
    """The marker as a problem id writes it: 一, (一), 1, (1)."""
    return {1: cn_numeral(n), 2: f"({cn_numeral(n)})", 3: str(n), 4: f"({n})"}[level]


# --------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------


@frozen
class _Document:
    """A rendered report: title, paragraphs (ASCII punctuation, unwrapped) and the
    index of the signature's first line, plus the problems the parser should find."""

    title: str
    paragraphs: tuple[str, ...]
    signature: int
    problems: tuple[dict[str, Any], ...]


def _date(d: dt.date, *, year: bool = True) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if year else f"{d.month}月{d.day}日"


def _wan(yuan: int) -> str:
    """Yuan (a multiple of 100) in 万元 as printed: 126000 → 12.6, 2800000 → 280."""
    whole, rest = divmod(yuan, 10000)
    return f"{whole}.{rest:04d}".rstrip("0") if rest else str(whole)


def _opening(report: ReportSpec) -> str:
    """The inspection sentence: who inspected whom, when, and when the feedback came
    (in one of the ``OPENINGS`` styles)."""
    i = report.inspection
    end = _date(i.end, year=i.end.year != i.start.year)
    feedback = _date(i.feedback_date, year=i.feedback_date.year != i.end.year)
    period = f"{_date(i.start)}至{end},{i.group}对{report.target}"
    close = f"按照党务公开原则和{i.kind}工作有关要求,现将{i.kind}整改进展情况予以公布。"
    style = OPENINGS[report.opening]
    if style == "and_then":
        return (f"根据{i.by}{i.kind}工作统一部署,{period}开展了{i.mode or ''}{i.kind},"
                f"并于{feedback}反馈了{i.kind}意见。{close}")
    if style == "both_inspections" and i.kind == "巡察":
        decided = f"根据省委巡视和{i.by}巡察工作的统一部署"
    else:
        decided = f"根据{i.by}和{i.by}{i.kind}工作领导小组统一部署"
    return (f"{decided},{period}进行了{i.mode or ''}{i.kind}。{feedback},{i.by}{i.kind}组向{report.target}"
            f"反馈了{i.kind}意见。{close}")


def _organization(report: ReportSpec, layout: str) -> list[str]:
    """The section on how the rectification was organized (it holds no problems)."""
    kind, target = report.inspection.kind, report.target
    texts = (f"{kind}反馈会后,{target}立即召开专题会议,研究部署整改工作,逐条梳理反馈意见,明确责任领导和责任部门。",
             f"成立{kind}整改工作领导小组,由党工委书记担任组长,统筹推进整改落实,形成上下联动的整改局面。",
             "坚持每周调度整改进展,及时协调解决整改中的困难,确保整改工作有序推进、取得实效。")
    titles = ("提高政治站位,落实整改责任", "强化组织领导,履行主体责任", "注重标本兼治,建立长效机制")
    if layout == "zhejiang":
        listed = "".join(f"{cn_numeral(k)}是{t}。{x}" for k, (t, x) in enumerate(zip(titles, texts), 1))
        return [f"{target}把{kind}整改作为重大政治任务来抓,切实做好整改工作。{listed}"]
    heading = _marker(1, 1, spaced=report.outline.spaced) + _STYLES[layout].organization.format(kind=kind)
    if layout == "hunan":
        return [heading, "".join(texts)]
    marker = {"liaoning_pj": lambda k: f"({cn_numeral(k)})", "liaoning_jp": lambda k: f"{cn_numeral(k)}是",
              "fujian": lambda k: f"{k}、"}[layout]
    return [heading] + [f"{marker(k)}{t}。{x}" for k, (t, x) in enumerate(zip(titles, texts), 1)]


def _summary(report: ReportSpec) -> Optional[str]:
    """The sentence stating the figures, or None when the report states none."""
    s = report.stated
    if not s.any:
        return None
    kind = report.inspection.kind
    aspects = ""
    if s.aspects is not None:
        aspects = f"{cn_numeral(s.aspects) if s.cn_aspects else s.aspects}个方面"
    rate = f"{s.rate_permille / 10:.1f}%" if s.rate_permille is not None else None
    total = cn_numeral(s.problems) if s.cn_problems else s.problems
    if s.form == "chain":
        parts = [f"截至目前,{kind}反馈的{aspects}{total}个问题"]
        parts += [f"{word}{n}个" for word, n in (("已完成整改", s.completed), ("基本完成整改", s.basically_completed),
                                                 ("正在整改", s.in_progress), ("长期整改", s.long_term)) if n is not None]
        if rate:
            parts.append(f"整改完成率{rate}")
    else:
        parts = [f"目前,{kind}反馈的{aspects}{total}项具体问题中"]
        parts += [template.format(n) for template, n in (("已完成{}项", s.completed), ("基本完成{}项", s.basically_completed),
                                                        ("{}项正在整改", s.in_progress),
                                                        ("{}项需要长期坚持", s.long_term)) if n is not None]
        if rate:
            parts.append(f"整改完成率为{rate}")
    if len(parts) == 1:
        parts.append("已逐项建立整改台账")
    return ",".join(parts) + "。"


def _accountability(report: ReportSpec) -> Optional[str]:
    """The sentence stating accountability figures and rules, or None (004's wording)."""
    a = report.accountability
    if not a.any:
        return None
    people = []
    if a.party_discipline is not None:
        people.append(f"党纪处分{a.party_discipline}人")
        if a.breakdown and a.party_discipline >= 2:
            warned = a.party_discipline // 2
            people[-1] += f"(党内警告{warned}人,党内严重警告{a.party_discipline - warned}人)"
    people += [f"{word}{n}人" for word, n in (("政务处分", a.government_sanction), ("组织处理", a.organizational),
                                              ("诫勉", a.admonishment), ("提醒谈话", a.reminder)) if n is not None]
    rest = [f"建立完善制度{a.rules_established}项"] if a.rules_established is not None else []
    money = [f"{word}{_wan(n)}万元" for word, n in (("清退款项", a.refunded_yuan), ("挽回经济损失", a.recovered_yuan))
             if n is not None]
    clauses = ([("给予" + ",".join(people))] if people else []) + rest + ([",".join(money)] if money else [])
    return f"在{report.inspection.kind}整改工作中," + ";".join(clauses) + "。"


def _closing(report: ReportSpec, layout: str, summary: Optional[str]) -> list[str]:
    """The closing section (三、…, or 下一步 in zhejiang), with the summary when it goes there."""
    kind, target = report.inspection.kind, report.target
    texts = (f"坚决落实{kind}整改要求,坚持目标不变、标准不降、力度不减,对已完成的整改事项加强检查,防止反弹。",
             "把抓好整改作为推动各项工作的重要契机,着力构建管长远、治根本的长效机制。")
    titles = ("旗帜鲜明讲政治,把政治建设摆在首位", "建立长效机制,以整改成果激发发展新动能")
    if layout == "zhejiang":
        listed = "".join(f"{cn_numeral(k)}是{t}。{x}" for k, (t, x) in enumerate(zip(titles, texts), 1))
        return [f"下一步,{target}将深化整改落实,进一步巩固整改成果。{listed}"]
    heading = _marker(1, 3, spaced=report.outline.spaced) + _STYLES[layout].closing.format(kind=kind)
    return [heading, *([summary] if summary else []),
            *(f"({cn_numeral(k)}){t}。{x}" for k, (t, x) in enumerate(zip(titles, texts), 1))]


def _contacts(report: ReportSpec) -> str:
    c = report.contacts
    return (f"欢迎广大干部群众对{report.inspection.kind}整改落实情况进行监督。如有意见建议,请及时向我们反映。"
            f"联系电话:{c.phone};电子邮箱:{c.email}。")


def _enumeration(items: list[str], lead: bool) -> list[str]:
    """``items`` with their lead-ins (一是, 二是…), the lead sentence left bare."""
    head, rest = (items[:1], items[1:]) if lead else ([], items)
    return head + [f"{cn_numeral(k)}是{m}" for k, m in enumerate(rest, 1)]


def _no_stop(text: str, layout: str) -> str:
    if "。" in text:
        raise InputError(f"layout {layout!r} cannot print a feedback with a 。 in it: {text!r}", step="render")
    return text


class _Printer:
    """Prints the problem part of one report in one layout, collecting what the parser
    should find. Numbering: ``last[tier]`` is the last number printed at a tier (for
    numbering that continues across parents), ``under[(tier, parent)]`` how many headings
    of the tier a printed parent holds so far (for numbering that restarts)."""

    def __init__(self, report: ReportSpec, layout: str) -> None:
        self.report, self.layout = report, layout
        self.paragraphs: list[str] = []
        self.problems: list[dict[str, Any]] = []
        self.last = {"group": 0, "item": 0}
        self.under: dict[tuple[str, tuple[str, ...]], int] = {}
        o = report.outline
        if layout in ("liaoning_pj", "liaoning_jp"):
            self.levels = (o.category_level, o.group_level, o.item_level)
        elif layout == "fujian":
            self.levels = (2 if o.category_level is not None else None, 3, 4)
        elif layout == "hunan":
            self.levels = (2, None, 3)
        else:
            self.levels = (None, None, 1)

    # -- measures, statuses, deadlines

    def _status_line(self, p: ProblemSpec) -> bool:
        """True when the problem prints a status line (layouts with them, a wording)."""
        return self.layout in _STATUS_LAYOUTS and p.wording is not None

    def _plan(self, p: ProblemSpec) -> bool:
        """True when the deadline is printed as a plan sentence ending the measures."""
        return p.deadline is not None and not self._status_line(p) and self.report.deadline_label is None

    def measure_items(self, p: ProblemSpec) -> list[str]:
        """The measures as the record should list them: the lead sentence, then each
        enumerated measure (or the whole text as one), a plan ending the last."""
        items = list(p.measures) if p.enumerated else ["".join(p.measures)]
        if self._plan(p):
            items[-1] += f"计划{p.deadline.printed}前全部完成。"
        return items

    def measure_text(self, p: ProblemSpec) -> str:
        """The measures printed as one paragraph."""
        items = self.measure_items(p)
        return "".join(_enumeration(items, p.lead) if p.enumerated else items)

    def after_measures(self, p: ProblemSpec) -> None:
        """The status line (a paragraph, or run on at the end of the last one), or a
        完成时限 (or other deadline label) line for a deadline without one."""
        if self._status_line(p):
            label = self.report.status_label
            line = f"{label}{'' if label.startswith('【') else ':'}{p.status_text}。"
            if self.report.status_inline:
                self.paragraphs[-1] += line
            else:
                self.paragraphs.append(line)
        elif p.deadline is not None and self.report.deadline_label is not None:
            self.paragraphs.append(f"{self.report.deadline_label}:{p.deadline.printed}。")

    # -- headings

    def _marker(self, level: int, n: int) -> str:
        return _marker(level, n, comma=self.report.outline.comma_level3, spaced=self.report.outline.spaced)

    def _number(self, tier: str, parent: list[str]) -> int:
        """The number of the next heading of a tier (``group`` or ``item``) under the
        printed parent whose id parts are ``parent``."""
        continues = self.report.outline.groups_continue if tier == "group" else self.report.outline.items_continue
        key = (tier, tuple(parent))
        self.under[key] = self.under.get(key, 0) + 1
        n = self.last[tier] + 1 if continues else self.under[key]
        self.last[tier] = n
        return n

    def _category_title(self, title: str) -> tuple[str, str]:
        """(printed heading text, title as the path gives it)."""
        if self.layout == "liaoning_jp":
            return f"{title}问题。", f"{title}问题"
        if self.layout == "fujian":
            return f"{title}方面", f"{title}方面"
        if self.layout == "hunan":
            return f"反馈问题:{title}。", f"反馈问题:{title}"
        return title, title

    def _group_title(self, title: str) -> tuple[str, str]:
        if self.layout == "liaoning_pj":
            return f"{title}问题。", f"{title}问题"
        if self.layout == "fujian":
            return f"关于{title}的问题", f"关于{title}的问题"
        return f"{title}问题", f"{title}问题"

    def print(self, intro: Optional[str]) -> None:
        """Print every category, group and item (``intro``: a paragraph opening the part)."""
        kind = self.report.inspection.kind
        if self.layout == "zhejiang":
            root_ids: list[str] = []
            root_path: list[str] = []
        else:
            title = _STYLES[self.layout].problems.format(kind=kind)
            self.paragraphs.append(f"{self._marker(1, 2)}{title}")
            root_ids, root_path = ["二"], [title]
        if intro:
            self.paragraphs.append(intro)
        category_level, group_level, _ = self.levels
        for c, category in enumerate(self.report.categories, 1):
            ids, path = root_ids, root_path
            if category_level is not None:
                printed, title = self._category_title(category.title)
                self.paragraphs.append(f"{self._marker(category_level, c)}{printed}")
                ids, path = [*ids, _id_part(category_level, c)], [*path, title]
            # A flat category holds its problems directly (000's (四)); without category
            # headings there is no parent to hold them at a deeper level than the groups.
            show_groups = group_level is not None and not (category.flat and category_level is not None)
            if not show_groups:
                self._items([t for g in category.groups for t in g.topics], ids, path)
                continue
            for group in category.groups:
                n = self._number("group", ids)
                printed, title = self._group_title(group.title)
                self.paragraphs.append(f"{self._marker(group_level, n)}{printed}")
                self._items(list(group.topics), [*ids, _id_part(group_level, n)], [*path, title])

    def _items(self, topics: list[TopicSpec], ids: list[str], path: list[str]) -> None:
        """The items under one printed parent."""
        level = self.levels[2]
        if self.layout == "liaoning_jp":
            for topic in topics:
                n = self._number("item", ids)
                heading = f"关于“{topic.title}”的问题"
                self.paragraphs.append(f"{self._marker(level, n)}{heading}。")
                self._entries(topic.problems, [*ids, _id_part(level, n)], [*path, heading])
            return
        problems = [p for t in topics for p in t.problems]
        if self.layout == "fujian" and len(problems) == 1 and not problems[0].marked:
            p = problems[0]
            title = f"针对{_no_stop(p.feedback, self.layout)}的问题"
            self.paragraphs += [title, f"整改情况:{self.measure_text(p)}"]
            self.after_measures(p)
            self._expect(p, [*ids, "#1"], path, title, None)
            return
        for p in problems:
            n = self._number("item", ids)
            marker, part = self._marker(level, n), _id_part(level, n)
            if self.layout == "liaoning_pj":
                title = f"关于“{p.feedback}”的问题"
                self.paragraphs.append(f"{marker}{title}。{self.measure_text(p)}")
                feedback: Optional[str] = p.feedback
            elif self.layout in ("fujian", "hunan"):
                if self.layout == "fujian":
                    title = f"针对{_no_stop(p.feedback, self.layout)}的问题"
                else:
                    title = _no_stop(p.feedback, self.layout)
                self.paragraphs += [f"{marker}{title}。", f"整改情况:{self.measure_text(p)}"]
                feedback = None
            else:
                title = f"关于“{p.feedback}”问题的整改情况"
                self.paragraphs.append(f"{marker}{title}")
                items = self.measure_items(p)
                if p.enumerated:
                    lead, rest = (items[:1], items[1:]) if p.lead else ([], items)
                    self.paragraphs += lead + [f"({cn_numeral(j)}){m}" for j, m in enumerate(rest, 1)]
                else:
                    self.paragraphs.append(items[0])
                feedback = p.feedback
            self.after_measures(p)
            self._expect(p, [*ids, part], path, title, feedback)

    def _entries(self, problems: tuple[ProblemSpec, ...], ids: list[str], path: list[str]) -> None:
        """001's entries under one topic heading, each with measures and status line."""
        for k, p in enumerate(problems, 1):
            if len(problems) == 1:
                title = f"关于“{p.feedback}”问题的整改落实情况"
                self.paragraphs.append(f"{title}。")
            else:
                title = f"关于“{p.feedback}”问题整改落实情况"
                self.paragraphs.append(f"{cn_numeral(k)}是{title}。")
            # A lone entry's enumerated measures open paragraphs of their own (一是…);
            # under listed entries (themselves 一是…, 二是…) they stay in one paragraph.
            if p.enumerated and len(problems) == 1:
                self.paragraphs += _enumeration(self.measure_items(p), p.lead)
            else:
                self.paragraphs.append(self.measure_text(p))
            self.after_measures(p)
            self._expect(p, [*ids, f"#{k}"], path, title, p.feedback)

    def _expect(self, p: ProblemSpec, ids: list[str], path: list[str], title: str,
                feedback: Optional[str]) -> None:
        status_line = self._status_line(p)
        self.problems.append({
            "id": "/".join(ids),
            "path": list(path),
            "title": title,
            "feedback": feedback,
            "measures": self.measure_items(p),
            "status": p.status if status_line else None,
            "status_text": p.status_text if status_line else None,
            "deadline": p.deadline.value.isoformat() if p.deadline else None,
        })


def _document(report: ReportSpec, layout: str) -> _Document:
    """The report printed in ``layout`` (see the module docstring)."""
    _check_layout(layout)
    summary = _summary(report)
    place = report.summary_at
    if layout == "zhejiang" or place == "closing" and not report.closing:
        place = "organization"  # zhejiang's problems and closing have no place for it
    paragraphs: list[str] = []
    if report.addressees:
        paragraphs.append(",".join(report.addressees) + ":")
    paragraphs.append(_opening(report))
    paragraphs += _organization(report, layout)
    if summary and place == "organization":
        paragraphs.append(summary)
    accountability = _accountability(report)
    if accountability:
        paragraphs.append(accountability)
    printer = _Printer(report, layout)
    printer.print(summary if place == "problems" else None)
    paragraphs += printer.paragraphs
    if report.closing:
        paragraphs += _closing(report, layout, summary if place == "closing" else None)
    paragraphs.append(_contacts(report))
    signature = len(paragraphs)
    paragraphs += [report.issuer, cn_date(report.signed) if report.signed_cn else _date(report.signed)]
    title = f"{report.issuer} {report.title[len(report.issuer):]}" if report.title_gap else report.title
    return _Document(title, tuple(paragraphs), signature, tuple(printer.problems))


# --------------------------------------------------------------------------------------
# Printing
# --------------------------------------------------------------------------------------


def _first_stop(paragraph: str) -> int:
    """Index of the first 。 outside quotes (where a heading's title ends), or -1."""
    depth = 0
    for i, ch in enumerate(paragraph):
        if ch in "“‘":
            depth += 1
        elif ch in "”’":
            depth = max(depth - 1, 0)
        elif ch == "。" and depth == 0:
            return i
    return -1


def _wrap(paragraph: str) -> str:
    """Hard-wrap a paragraph about every ``_WRAP_WIDTH`` characters, mid-sentence, the way
    archived copies break lines (001): only between two CJK characters, never before a
    numeral (a line must not open with what reads as a marker or lead-in) or within ten
    characters of a label's colon, never leaving a line without sentence punctuation
    (such a line reads as a title). Lines that are not sentences — headings and item
    titles without a 。 outside quotes — are not wrapped, nor is the heading sentence of
    a paragraph that opens with a marker."""
    first = _first_stop(paragraph)
    if first == -1:
        return paragraph
    if not _OPENS_HEADING.match(paragraph):
        first = 0
    lines, start = [], 0
    for i in range(max(first + 1, 1), len(paragraph)):
        if i - start < _WRAP_WIDTH:
            continue
        before, after = paragraph[i - 1], paragraph[i]
        if not (_CJK.match(before) and _CJK.match(after)) or after in _NO_LINE_START:
            continue
        if ":" in paragraph[i:i + 10] or not _SENTENCE_PUNCT.intersection(paragraph[start:i]):
            continue
        lines.append(paragraph[start:i])
        start = i
    return "\n".join([*lines, paragraph[start:]])


def _final_paragraphs(doc: _Document, *, fullwidth: bool, wraps: bool) -> list[str]:
    """The paragraphs as printed: widened, and wrapped with every ``_PAGE_BREAK_EVERY``-th
    wrapped paragraph cut by a page break at its first wrap (blank lines in text, an
    empty spacer paragraph on a page), as 000 has one."""
    out: list[str] = []
    wrapped = 0
    for k, p in enumerate(doc.paragraphs):
        if wraps and k < doc.signature:
            p = _wrap(p)
        if fullwidth:
            p = widen_punctuation(p)
        if "\n" in p:
            wrapped += 1
            if wrapped % _PAGE_BREAK_EVERY == 0:
                first, rest = p.split("\n", 1)
                out += [first, "", rest]
                continue
        out.append(p)
    return out


def render_text(report: ReportSpec, layout: str, *, fullwidth: bool, wraps: bool) -> str:
    """The report as an archive's plain-text copy in ``layout``: title line, then the
    body in the layout's paragraph style. ``fullwidth``: ，：（）； as pages print them
    (else ASCII, as archives store them); ``wraps``: long paragraphs hard-wrapped
    mid-sentence. Raises ``InputError`` for an unknown layout or a spec it cannot print."""
    doc = _document(report, layout)
    style = _STYLES[layout]
    paragraphs = _final_paragraphs(doc, fullwidth=fullwidth, wraps=wraps)
    lines = []
    for k, p in enumerate(paragraphs):
        if layout == "liaoning_jp" and k >= doc.signature:
            lines.append(" " * 60 + p)
        else:
            lines.append(style.indent + p)
    title = widen_punctuation(doc.title) if fullwidth else doc.title
    return title + "\n\n" + style.separator.join(lines) + "\n"


def render_html(report: ReportSpec, layout: str, *, fullwidth: bool, wraps: bool, charset: str = "utf-8") -> bytes:
    """The report as a web page of the layout's site (``zhenggai.testing.pages``),
    encoded in ``charset``; hard wraps become line breaks (``<br>``) inside paragraphs."""
    doc = _document(report, layout)
    html = render_page(
        layout,
        title=widen_punctuation(doc.title) if fullwidth else doc.title,
        paragraphs=_final_paragraphs(doc, fullwidth=fullwidth, wraps=wraps),
        published_at=report.published_at,
        charset=charset,
    )
    return encode_page(html, charset)


# --------------------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------------------


def expected_problems(report: ReportSpec, layout: str) -> list[dict[str, Any]]:
    """The problems the parser should find in the report printed in ``layout``, as
    ``to_dict`` writes them: id, path, title, feedback, measures, status, status_text,
    deadline (ISO date)."""
    return [dict(p) for p in _document(report, layout).problems]


def stated_agrees(report: ReportSpec, layout: str) -> bool:
    """True when the figures the report states agree with its problems as printed in
    ``layout``: the total with the number of problems; the status figures with the
    status lines, when there are any (``in_progress`` counting the long-term items too
    when no long-term figure is stated). A parser should warn exactly when they don't."""
    s = report.stated
    problems = expected_problems(report, layout)
    if s.problems is not None and s.problems != len(problems):
        return False
    if not any(p["status"] for p in problems):
        return True
    counted = {k: sum(p["status"] == k for p in problems)
               for k in ("completed", "basically_completed", "in_progress", "long_term")}
    if s.long_term is None:
        counted["in_progress"] += counted["long_term"]
    return all(getattr(s, k) in (None, n) for k, n in counted.items())


def expected(report: ReportSpec, layout: str, *, html: bool) -> dict[str, Any]:
    """The projection of ``zhenggai.to_dict(record)`` the parser should produce for the
    report printed in ``layout`` (``html``: as a page, which adds ``published_at``).
    The publisher plugin is expected only when the issuer is in the layout's province
    (a page's chrome names its own site); no warnings are expected when the stated
    figures agree with the problems (``stated_agrees``)."""
    problems = expected_problems(report, layout)
    i, s, a = report.inspection, report.stated, report.accountability
    statuses = ("completed", "basically_completed", "in_progress", "long_term")
    out: dict[str, Any] = {
        "title": report.title,
        "issuer": report.issuer,
        "addressees": list(report.addressees),
        "signed_date": report.signed.isoformat(),
        "inspection": {"kind": i.kind, "by": i.by, "mode": i.mode, "group": i.group,
                       "group_number": i.group_number, "round": None, "start": i.start.isoformat(),
                       "end": i.end.isoformat(), "feedback_date": i.feedback_date.isoformat()},
        "stated": {"aspects": s.aspects, "problems": s.problems, "tasks": None, "completed": s.completed,
                   "basically_completed": s.basically_completed, "in_progress": s.in_progress,
                   "long_term": s.long_term, "completion_rate": s.completion_rate,
                   "rules_established": a.rules_established},
        "accountability": {"party_discipline": a.party_discipline, "government_sanction": a.government_sanction,
                           "organizational": a.organizational, "admonishment": a.admonishment,
                           "reminder": a.reminder, "transferred_judicial": None,
                           "refunded_yuan": a.refunded_yuan, "recovered_yuan": a.recovered_yuan},
        "problems": problems,
        "counted": {"problems": len(problems), **{k: sum(p["status"] == k for p in problems) for k in statuses}},
        "contacts": {"phones": [report.contacts.phone], "emails": [report.contacts.email.lower()]},
    }
    if stated_agrees(report, layout):
        out["warnings"] = []
    if report.place.plugin == LAYOUT_PLUGINS[layout]:
        out["publisher"] = {"plugin": report.place.plugin}
    if html:
        out["published_at"] = report.published_at.replace(" ", "T")
    return out
