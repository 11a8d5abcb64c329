"""Whole-report round trip: a random report printed in each seed layout (text and HTML,
ASCII and full-width punctuation, with and without hard wraps) normalizes back to what
it says — problems (ids, paths, titles, feedback, measures, statuses, deadlines), the
inspection, signature date, issuer, stated figures and contacts.

Also the renderers' own properties (zhenggai.testing.render, .strategies): deterministic,
nothing lost by wrapping or widening, every problem printed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import zhenggai
from zhenggai.testing.conformance import match
from zhenggai.testing.render import expected, render_html, render_text
from zhenggai.testing.strategies import LAYOUTS, reports

EXAMPLES = 10
CHARSETS = st.sampled_from(("utf-8", "gbk", "gb2312"))


def _round_trip(report, layout: str, *, html: bool, fullwidth: bool, wraps: bool, charset: str) -> list[str]:
    if html:
        source = render_html(report, layout, fullwidth=fullwidth, wraps=wraps, charset=charset)
    else:
        source = render_text(report, layout, fullwidth=fullwidth, wraps=wraps).encode("utf-8")
    record = zhenggai.normalize(source, enrich=False)
    return match(expected(report, layout, html=html), zhenggai.to_dict(record))


def _property(layout: str):
    @pytest.mark.parametrize("html", [False, True], ids=["text", "html"])
    @settings(max_examples=EXAMPLES)
    @given(report=reports(layout), fullwidth=st.booleans(), wraps=st.booleans(), charset=CHARSETS)
    def test(html: bool, report, fullwidth: bool, wraps: bool, charset: str) -> None:
        diffs = _round_trip(report, layout, html=html, fullwidth=fullwidth, wraps=wraps, charset=charset)
        assert not diffs, "\n".join(diffs)

    return test


test_round_trip_liaoning_pj = _property("liaoning_pj")
test_round_trip_liaoning_jp = _property("liaoning_jp")
test_round_trip_fujian = _property("fujian")
test_round_trip_hunan = _property("hunan")
test_round_trip_zhejiang = _property("zhejiang")
