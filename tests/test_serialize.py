"""to_dict / from_dict / the JSON Schema: round trips and validation at the edges."""

import datetime as dt
import json

import jsonschema
import pytest
from hypothesis import given

from zhenggai import Record, SchemaError, from_dict, json_schema, to_dict
from zhenggai.record import Publisher, Source
from zhenggai.serialize import dumps
from zhenggai.testing.records import records

VALIDATOR = jsonschema.Draft202012Validator(json_schema())
VALID = Record(
    doc_id="0123456789abcdef",
    source=Source(media_type="text/plain", encoding="utf-8", encoding_source="given", sha256="0" * 64),
    publisher=Publisher(plugin="generic", detect_score=0.1),
    title="中共某某委员会关于巡察整改情况的通报",
    signed_date=dt.date(2020, 11, 16),
)


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(json_schema())


@given(records())
def test_round_trip_and_schema(record):
    data = to_dict(record)
    text = json.dumps(data, ensure_ascii=False)
    assert from_dict(json.loads(text)) == record
    VALIDATOR.validate(json.loads(text))


@given(records())
def test_dumps_is_canonical(record):
    assert dumps(record) == dumps(from_dict(json.loads(dumps(record))))


@given(records())
def test_dates_are_iso_strings(record):
    data = to_dict(record)
    if record.signed_date is not None:
        assert data["signed_date"] == record.signed_date.isoformat()


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(doc_id="not-hex"),
    lambda d: d.update(unexpected="field"),
    lambda d: d["publisher"].update(detect_score=2),
    lambda d: d["inspection"].update(kind="检查"),
    lambda d: d.update(title=""),
    lambda d: d.update(signed_date="2020-13-45"),
    lambda d: d.pop("source"),
])
def test_from_dict_rejects_invalid_records_with_schema_error(mutate):
    data = to_dict(VALID)
    mutate(data)
    with pytest.raises(SchemaError):
        from_dict(data)


def test_schema_command_prints_the_schema(capsys):
    from zhenggai.cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
