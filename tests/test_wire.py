"""The wire form (``zhenggai.wire``): whatever is packed comes back exactly, with the same
types throughout; records go in the compact form whenever they can, anything else as a
pickle."""

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import zhenggai
from zhenggai import wire
from zhenggai.batch import ErrorResult
from zhenggai.record import Problem, Record
from zhenggai.serialize import dumps
from zhenggai.testing.records import records

from support import real_documents


def shape(value: object) -> object:
    """``value`` spelled out with the exact type of every part, to compare two of them
    more strictly than ``==`` does (which takes a str subclass for a str)."""
    if attrs.has(type(value)):
        return (type(value), tuple((f.name, shape(getattr(value, f.name))) for f in attrs.fields(type(value))))
    if isinstance(value, (tuple, list)):
        return (type(value), tuple(shape(v) for v in value))
    if isinstance(value, dict):
        return (type(value), tuple((shape(k), shape(v)) for k, v in value.items()))
    return (type(value), value)


def assert_round_trip(record: object) -> bytes:
    data = wire.pack(record)
    back = wire.unpack(data)
    assert back == record
    assert shape(back) == shape(record)
    if isinstance(record, Record):
        assert dumps(back) == dumps(record)
    return data


@st.composite
def cut_records(draw: st.DrawFn) -> Record:
    """Valid records whose problems' strings are cut from the paragraphs, as a parser
    makes them: the wire form finds them there."""
    record = draw(records())
    paragraphs = tuple(draw(st.lists(st.text(min_size=1, max_size=40).filter(lambda p: "\n" not in p),
                                     min_size=1, max_size=12)))
    body = "\n".join(paragraphs)

    def piece() -> str:
        start = draw(st.integers(0, len(body) - 1))
        return body[start:draw(st.integers(start + 1, len(body)))]

    problems = tuple(
        attrs.evolve(p, text=piece(), title=piece(), feedback=draw(st.none() | st.just(piece())),
                     measures=tuple(piece() for _ in range(draw(st.integers(0, 3)))),
                     status_text=draw(st.sampled_from([None, "已完成", piece()])))
        for p in record.problems)
    return attrs.evolve(record, paragraphs=paragraphs, problems=problems)


@given(records())
def test_any_record_comes_back_exactly(record):
    assert_round_trip(record)


@given(cut_records())
@example(attrs.evolve(zhenggai.Record(  # a text before the last string found: looked for from the start
    doc_id="0123456789abcdef",
    source=zhenggai.record.Source(media_type="text/plain", encoding="utf-8", encoding_source="given", sha256="0" * 64),
    publisher=zhenggai.record.Publisher(plugin="generic")),
    paragraphs=("甲乙", "丙丁"), problems=(Problem(id="1", title="丙丁", text="丙丁", measures=("甲", "甲乙", "乙")),
                                          Problem(id="2", title="甲", text="甲乙\n丙"))))
def test_cut_records_come_back_exactly_in_the_compact_form(record):
    data = assert_round_trip(record)
    if all(not (0xD800 <= ord(c) <= 0xDFFF) for p in record.paragraphs for c in p):
        assert data[:1] == b"W"


@pytest.mark.parametrize("paragraphs", [("a\nb", "c"), ("lone \ud800 surrogate",), ("\ud83d", "\ude00")],
                         ids=["line feed", "lone surrogate", "surrogate halves"])
def test_paragraphs_the_compact_form_cannot_carry_go_as_a_pickle(paragraphs):
    record = next(_fixture_records())
    data = assert_round_trip(attrs.evolve(record, paragraphs=paragraphs))
    assert data[:1] == b"P"


def test_a_tuple_where_a_string_belongs_goes_as_a_pickle():
    record = next(_fixture_records())
    odd = attrs.evolve(record, problems=(Problem(id="1", title="x", measures=((0, 1),)),))  # type: ignore[arg-type]
    assert assert_round_trip(odd)[:1] == b"P"


@pytest.mark.parametrize("field", ["problems", "outline"])
def test_a_list_where_a_tuple_belongs_goes_as_a_pickle(field):
    """Converters make every collection a tuple; one set behind their back stays a list."""
    record = next(_fixture_records())
    object.__setattr__(record, field, list(getattr(record, field)))
    data = assert_round_trip(record)
    assert data[:1] == b"P"
    assert type(getattr(wire.unpack(data), field)) is list


@pytest.mark.parametrize("result", [
    ErrorResult("a.html", "DecodeError", "undecodable"),
    {"rendered": "一行", "n": 1},
    None,
    dt.date(2020, 1, 2),
], ids=["error", "dict", "none", "date"])
def test_other_results_go_as_a_pickle(result):
    data = wire.pack(result)
    assert data[:1] == b"P"
    assert wire.unpack(data) == result
    assert wire.unpack(memoryview(data)) == result


def _fixture_records():
    for path in real_documents():
        yield zhenggai.normalize(path, enrich=False)


def test_real_records_come_back_exactly_and_smaller_than_a_pickle():
    count = 0
    for record in _fixture_records():
        data = assert_round_trip(record)
        assert data[:1] == b"W"
        if record.problems:
            assert len(data) < len(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        count += 1
    assert count >= 10
