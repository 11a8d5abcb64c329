"""Whole-report round trip (issue 3, item 6): a random report printed in each seed layout
— as text and as a web page, with ASCII and full-width punctuation, with and without hard
wraps — normalizes back to what it says: the problems (ids, paths, titles, feedback,
measures, statuses, deadlines), the inspection, signature date, issuer, addressees, stated
figures, contacts; and, in a test of their own, the accountability figures.

Also the tools' own properties (``zhenggai.testing.strategies`` and ``.render``): printing
is deterministic, widening and wrapping lose nothing, every problem is printed.

Every bug a property found is kept as an ``@example`` (``REGRESSIONS`` below says which
module it was in). A test whose regression example still fails is ``xfail(strict=True)``:
when the parser is fixed it passes, strict xfail turns that into a failure, and the mark
must go.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import zhenggai
from zhenggai.dates import parse_date
from zhenggai.errors import InputError
from zhenggai.numerals import cn_to_int
from zhenggai.testing.conformance import match
from zhenggai.testing.render import expected, expected_problems, render_html, render_text, stated_agrees
from zhenggai.testing.strategies import (
    LAYOUTS,
    AccountabilitySpec,
    CategorySpec,
    ContactsSpec,
    DeadlineSpec,
    GroupSpec,
    InspectionSpec,
    OutlineSpec,
    PlaceSpec,
    ProblemSpec,
    ReportSpec,
    StatedSpec,
    TopicSpec,
    cn_date,
    cn_numeral,
    reports,
)
from zhenggai.text import fold

EXAMPLES = 25
CHARSETS = st.sampled_from(("utf-8", "gbk", "gb2312"))
_SPACE = re.compile(r"\s")

# --------------------------------------------------------------------------------------
# Hand-built reports for regression examples
# --------------------------------------------------------------------------------------

_ZHEJIANG = PlaceSpec("绍兴滨海新区", "滨海新区", "绍兴", "zhejiang", "0575")
_LIAONING = PlaceSpec("盘锦辽东湾新区", "新区", "盘锦", "liaoning", "0427")


def _report(*problems: ProblemSpec, place: PlaceSpec = _ZHEJIANG, **changes: object) -> ReportSpec:
    """A small report around ``problems`` (one category, group and topic)."""
    fields: dict[str, object] = dict(
        place=place,
        inspection=InspectionSpec(kind="巡视", by="省委", group="省委第七巡视组", group_number=7, mode="常规",
                                  start=dt.date(2023, 3, 3), end=dt.date(2023, 5, 31),
                                  feedback_date=dt.date(2023, 7, 25)),
        signed=dt.date(2024, 2, 23), signed_cn=False, published_at="2024-02-26", addressees=(),
        categories=(CategorySpec("作风建设不够扎实", (GroupSpec("财务管理存在漏洞",
                                                               (TopicSpec("体制机制落后", problems),)),)),),
        outline=OutlineSpec(), stated=StatedSpec(), accountability=AccountabilitySpec(), opening=0,
        summary_at="organization", closing=False, status_label="整改进展情况", status_inline=False,
        deadline_label=None, title_gap=False, contacts=ContactsSpec("0575-89180330", "sxbhxq@163.com"),
    )
    fields.update(changes)
    return ReportSpec(**fields)


_MEASURE = "出台《党工委议事规则》,堵塞了制度漏洞。"

#: Bugs the properties found, by module, with the report that shows each.
REGRESSIONS = {
    # repair: a heading whose only 。 stands inside its quotes ("一、关于“A。B”问题的整改
    # 情况") is taken for an unfinished sentence and joined with the next paragraph.
    "repair: 。 inside a heading's quotes": _report(
        ProblemSpec("党工委落实民主集中制不到位。机关党委财务管理制度不够规范", (_MEASURE,))),
    # repair: a heading longer than 80 characters without a 。 is joined with the next
    # paragraph the same way.
    "repair: heading over 80 characters": _report(
        ProblemSpec("党工委落实民主集中制不到位," * 6 + "至今仍未建立长效机制", (_MEASURE,))),
    # structure: measures printed as (一)(二) headings under "一、关于“…”问题的整改情况"
    # whose first sentence ends in 问题 are taken for finer problems.
    "structure: measure heading ending in 问题": _report(
        ProblemSpec("党工委落实民主集中制不到位",
                    ("出台《党工委议事规则》,切实解决群众反映强烈的突出问题。", "深入开展警示教育活动,堵塞了制度漏洞。"),
                    enumerated=True)),
    # layout: a bracketed status label run on after the measures' last 。
    # ("…制度漏洞。【整改进展】已完成。") is not read as a status; with a colon it is.
    "layout: bracketed status label inline": _report(
        ProblemSpec("党工委落实民主集中制不到位", (_MEASURE,), wording="已完成"),
        place=_LIAONING, status_inline=True, status_label="【整改进展】"),
    # figures: money stated in an anchored sentence that lists no persons is not read.
    "figures: money without persons": _report(
        ProblemSpec("党工委落实民主集中制不到位", (_MEASURE,)),
        accountability=AccountabilitySpec(recovered_yuan=126000)),
}

# --------------------------------------------------------------------------------------
# The round trip
# --------------------------------------------------------------------------------------


def _record(report: ReportSpec, layout: str, *, html: bool, fullwidth: bool, wraps: bool,
            charset: str) -> dict:
    if html:
        source = render_html(report, layout, fullwidth=fullwidth, wraps=wraps, charset=charset)
    else:
        source = render_text(report, layout, fullwidth=fullwidth, wraps=wraps).encode("utf-8")
    return zhenggai.to_dict(zhenggai.normalize(source, enrich=False))


def _check(report: ReportSpec, layout: str, *, html: bool, fullwidth: bool, wraps: bool, charset: str,
           keys: tuple[str, ...]) -> None:
    """Normalize the printed report and compare the ``keys`` of the expectation."""
    actual = _record(report, layout, html=html, fullwidth=fullwidth, wraps=wraps, charset=charset)
    wanted = {k: v for k, v in expected(report, layout, html=html).items() if k in keys}
    diffs = match(wanted, actual)
    if "warnings" in keys and not stated_agrees(report, layout) and not actual["warnings"]:
        diffs.append("warnings: the stated figures disagree with the problems, but nothing warns")
    assert not diffs, "\n".join(diffs)


_DOCUMENT_KEYS = ("title", "issuer", "addressees", "signed_date", "inspection", "stated", "problems", "counted",
                  "contacts", "publisher", "published_at", "warnings")


def _layout_property(layout: str, *regressions: str):
    """The round-trip test of one layout, text and HTML, with its regression examples."""

    @pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
    @settings(max_examples=EXAMPLES)
    @given(report=reports(layout), fullwidth=st.booleans(), wraps=st.booleans(), charset=CHARSETS)
    def test(html: bool, report: ReportSpec, fullwidth: bool, wraps: bool, charset: str) -> None:
        _check(report, layout, html=html, fullwidth=fullwidth, wraps=wraps, charset=charset, keys=_DOCUMENT_KEYS)

    for name in regressions:
        test = example(report=REGRESSIONS[name], fullwidth=False, wraps=False, charset="utf-8")(test)
    test.__doc__ = f"normalize(render(report, {layout!r})) recovers the report (all but accountability)."
    return test


test_round_trip_liaoning_pj = _layout_property("liaoning_pj", "layout: bracketed status label inline")
test_round_trip_liaoning_jp = _layout_property("liaoning_jp", "layout: bracketed status label inline")
test_round_trip_fujian = _layout_property("fujian")
test_round_trip_hunan = _layout_property("hunan")
test_round_trip_zhejiang = _layout_property(
    "zhejiang",
    "repair: 。 inside a heading's quotes", "repair: heading over 80 characters",
    "structure: measure heading ending in 问题",
)


_LAYOUT_REPORTS = st.sampled_from(LAYOUTS).flatmap(lambda layout: st.tuples(st.just(layout), reports(layout)))


@settings(max_examples=2 * EXAMPLES)
@given(case=_LAYOUT_REPORTS, html=st.booleans(), fullwidth=st.booleans(), wraps=st.booleans())
@example(case=("hunan", REGRESSIONS["figures: money without persons"]), html=False, fullwidth=False, wraps=False)
def test_round_trip_figures(case: tuple[str, ReportSpec], html: bool, fullwidth: bool, wraps: bool) -> None:
    """The stated and accountability figures come back, in any layout; warnings exactly
    when the stated figures disagree with the problems."""
    layout, report = case
    _check(report, layout, html=html, fullwidth=fullwidth, wraps=wraps, charset="utf-8",
           keys=("stated", "accountability", "counted", "warnings"))


# --------------------------------------------------------------------------------------
# The tools themselves
# --------------------------------------------------------------------------------------


@given(st.integers(0, 9999))
@example(15)
@example(20)
@example(115)
@example(1008)
def test_cn_numeral_reads_back(n: int) -> None:
    assert cn_to_int(cn_numeral(n)) == n


def test_cn_numeral_forms() -> None:
    assert [cn_numeral(n) for n in (0, 10, 15, 20, 21, 100, 115, 1008, 2020)] == [
        "零", "十", "十五", "二十", "二十一", "一百", "一百一十五", "一千零八", "二千零二十"]
    with pytest.raises(ValueError):
        cn_numeral(10000)


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))
def test_cn_date_reads_back(d: dt.date) -> None:
    assert parse_date(cn_date(d)) == d
    assert cn_date(dt.date(2020, 11, 16)) == "二〇二〇年十一月十六日"


def test_specs_reject_what_no_report_prints() -> None:
    with pytest.raises(ValueError):
        ProblemSpec("财务管理制度不到位", ("没有句号",))
    with pytest.raises(ValueError):
        ProblemSpec("财务管理制度不到位", (_MEASURE,), enumerated=True)  # one measure is no list
    with pytest.raises(ValueError):
        ProblemSpec("财务管理制度不到位", (_MEASURE,), wording="正在整改,{}前完成")  # no deadline
    with pytest.raises(ValueError):
        DeadlineSpec(dt.date(2021, 6, 15), "month")  # a month ends on its last day
    with pytest.raises(ValueError):
        OutlineSpec(category_level=3, group_level=2)


def test_unknown_layout_and_unprintable_feedback() -> None:
    report = REGRESSIONS["repair: 。 inside a heading's quotes"]
    with pytest.raises(InputError):
        render_text(report, "shanghai", fullwidth=False, wraps=False)
    for layout in ("fujian", "hunan"):  # they print the finding without quotes: no 。 inside
        with pytest.raises(InputError):
            render_text(report, layout, fullwidth=False, wraps=False)
    with pytest.raises(ValueError):
        reports("shanghai")


@settings(max_examples=25)
@given(case=_LAYOUT_REPORTS, fullwidth=st.booleans())
def test_printing_loses_nothing(case: tuple[str, ReportSpec], fullwidth: bool) -> None:
    """Deterministic; widening maps one character to one (fold maps it back); wrapping and
    page breaks only add whitespace; every problem's title and measures are printed."""
    layout, report = case
    plain = render_text(report, layout, fullwidth=False, wraps=False)
    printed = render_text(report, layout, fullwidth=fullwidth, wraps=False)
    wrapped = render_text(report, layout, fullwidth=fullwidth, wraps=True)
    assert printed == render_text(report, layout, fullwidth=fullwidth, wraps=False)
    assert fold(printed) == fold(plain)
    assert _SPACE.sub("", wrapped) == _SPACE.sub("", printed)
    problems = expected_problems(report, layout)
    assert len(problems) == len(report.problems)
    assert len({p["id"] for p in problems}) == len(problems)
    for p in problems:
        assert p["title"] in plain
        assert all(m in _SPACE.sub("", plain) for m in p["measures"])


@settings(max_examples=10)
@given(report=reports(), charset=CHARSETS)
def test_portable_reports_print_in_every_layout(report: ReportSpec, charset: str) -> None:
    """``reports()`` without a layout draws reports every layout can print."""
    for layout in LAYOUTS:
        page = render_html(report, layout, fullwidth=True, wraps=True, charset=charset)
        assert page == render_html(report, layout, fullwidth=True, wraps=True, charset=charset)
        assert report.issuer in page.decode("gbk" if charset != "utf-8" else charset)
