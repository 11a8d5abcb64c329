"""Records to and from their JSON form (cattrs), the JSON Schema, and canonical JSON.

The schema is derived from the attrs classes in ``record.py`` so that the classes, the
schema and the generated reference (``docs/record.md``) cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from typing import Any, Optional, Union

import attrs
import cattrs

from .errors import SchemaError
from .record import (
    ENCODING_SOURCES,
    _nonempty_or_none,
    INSPECTION_KINDS,
    INSPECTION_MODES,
    MEDIA_TYPES,
    SCHEMA_VERSION,
    STATUSES,
    Heading,
    Record,
)

_converter = cattrs.Converter(forbid_extra_keys=True)
_converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
_converter.register_structure_hook(dt.date, lambda v, _t: dt.date.fromisoformat(v))


def _structure_yuan(value: Any, _t: Any) -> Optional[Union[int, float]]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"expected a number of yuan, got {value!r}")
    return value


_converter.register_structure_hook(Optional[Union[int, float]], _structure_yuan)


def to_dict(record: Record) -> dict[str, Any]:
    """The record as plain JSON-serializable data (dates as ISO strings)."""
    return _converter.unstructure(record)


def from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a record from ``to_dict`` output; raises ``SchemaError`` if it is invalid."""
    try:
        return _converter.structure(data, Record)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        detail = "; ".join(cattrs.transform_error(exc)) if isinstance(exc, cattrs.BaseValidationError) else str(exc)
        raise SchemaError(f"not a valid record: {detail}", step="from_dict") from None


def dumps(record: Record, *, indent: int | None = None) -> str:
    """Canonical JSON: same record, same bytes (key order fixed by the classes)."""
    return json.dumps(to_dict(record), ensure_ascii=False, indent=indent)


# --------------------------------------------------------------------------- schema

_ENUMS: dict[str, tuple[str, ...]] = {
    "Source.media_type": MEDIA_TYPES,
    "Source.encoding_source": ENCODING_SOURCES,
    "Inspection.kind": INSPECTION_KINDS,
    "Inspection.mode": INSPECTION_MODES,
    "Problem.status": STATUSES,
}
_FORMATS: dict[str, dict[str, Any]] = {
    "Record.schema_version": {"const": SCHEMA_VERSION},
    "Record.doc_id": {"pattern": "^[0-9a-f]{16}$"},
    "Source.sha256": {"pattern": "^[0-9a-f]{64}$"},
    "Record.published_at": {"pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$"},
}
_UNIT = {"minimum": 0, "maximum": 1}
_BOUNDS: dict[str, dict[str, Any]] = {
    "Publisher.detect_score": _UNIT,
    "Source.encoding_confidence": _UNIT,
    "Stated.completion_rate": _UNIT,
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Union:
        non_none = [a for a in args if a is not type(None)]
        if set(non_none) == {int, float}:
            inner: dict[str, Any] = {"type": "number", "minimum": 0}
        else:
            (only,) = non_none
            inner = _type_schema(only, defs)
        if type(None) in args:
            return {"anyOf": [inner, {"type": "null"}]}
        return inner
    if origin is tuple:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    if tp is str:
        return {"type": "string", "minLength": 0}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": 0}
    if tp is float:
        return {"type": "number"}
    if tp is dt.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # reserve: recursive classes (Heading) refer to themselves
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {tp!r}")


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    for att in attrs.fields(cls):
        key = f"{cls.__name__}.{att.name}"
        schema = _type_schema(hints[att.name], defs)
        extra = {**_FORMATS.get(key, {}), **_BOUNDS.get(key, {})}
        if key in _ENUMS:
            extra["enum"] = list(_ENUMS[key])
        if extra:
            target = schema["anyOf"][0] if "anyOf" in schema else schema
            target.update(extra)
        if att.validator is _nonempty_or_none:  # "not stated" is null, never ""
            schema["anyOf"][0]["minLength"] = 1
        doc = _FIELD_DOCS.get(key)
        if doc:
            schema = {**schema, "description": doc}
        props[att.name] = schema
    out: dict[str, Any] = {
        "type": "object",
        "properties": props,
        "required": [a.name for a in attrs.fields(cls)],
        "additionalProperties": False,
    }
    if cls.__doc__:
        out["description"] = cls.__doc__.strip().splitlines()[0]
    return out


_FIELD_DOCS: dict[str, str] = {
    "Record.schema_version": 'version of this contract, "1"',
    "Record.doc_id": "first 16 hex of sha256 of the cleaned body text (paragraphs joined by newlines)",
    "Record.source": "where the bytes came from and how they were decoded",
    "Record.publisher": "the plugin that parsed the document and what it knows of the publisher",
    "Record.title": "标题, one line, site prefixes like 【巡察整改】 removed, inner spaces closed",
    "Record.issuer": "发文机关: the organ's full name as signed, else as the title names it",
    "Record.addressees": "主送机关, e.g. 新区纪工委机关, 党工委各部委",
    "Record.signed_date": "成文日期 from the signature block",
    "Record.published_at": "发布时间 from the page chrome: YYYY-MM-DD or YYYY-MM-DDTHH:MM",
    "Record.editor": "责任编辑 / 责编 / 编辑",
    "Record.origin": "来源, as printed",
    "Record.original_url": "原文链接",
    "Record.inspection": "the inspection the report answers",
    "Record.stated": "figures as the document states them (null when not stated)",
    "Record.accountability": "accountability figures as stated; persons are counts of people",
    "Record.outline": "heading tree (GB/T 9704 levels 一、 (一) 1. (1))",
    "Record.problems": "one entry per rectification item, in document order",
    "Record.counted": "what the parser found in problems, to hold against stated",
    "Record.contacts": "contact details printed for feedback from the public",
    "Record.paragraphs": "the cleaned body from after the title through the signature block",
    "Record.removed": "every line taken out as boilerplate, with the rule that took it",
    "Record.keywords": "top TF-IDF keywords of the body",
    "Record.topics": "topic id -> number of problems tagged with it (docs/topics.md)",
    "Record.warnings": "human-readable notes: stated vs counted mismatches, failed plugins, ...",
    "Source.path": "as given (null for bytes/str input)",
    "Source.media_type": "text/html or text/plain",
    "Source.encoding": "codec actually used to decode",
    "Source.encoding_source": "bom, declared (meta/http), detected (chardet), given, or fallback (gb18030 with replacement)",
    "Source.encoding_confidence": "0..1 (1.0 unless detected)",
    "Source.sha256": "of the raw input bytes",
    "Publisher.plugin": "entry-point name of the plugin that parsed the document",
    "Publisher.plugin_version": "version of the plugin's distribution",
    "Publisher.detect_score": "the winning plugin's claim, 0..1",
    "Publisher.name": "site / publisher name when known, e.g. 巴陵风纪网",
    "Publisher.province": "e.g. 辽宁省; null for the generic plugin",
    "Inspection.kind": "巡视 or 巡察",
    "Inspection.by": "the committee that sent the group: 省委, 市委, 岳阳市委, 中央 ...",
    "Inspection.mode": "常规, 专项, 联动, 机动, 提级 or null",
    "Inspection.group": "as printed, e.g. 市委第二巡察组",
    "Inspection.group_number": "2, 7, ... or null",
    "Inspection.round": "e.g. 十五届省委第二轮",
    "Inspection.start": "first day of the inspection",
    "Inspection.end": "last day of the inspection",
    "Inspection.feedback_date": "date the feedback (反馈意见) was given",
    "Stated.aspects": "方面 (4)",
    "Stated.problems": "问题 as stated (12项44条 -> 44)",
    "Stated.tasks": "分项任务 / 整改措施 as stated",
    "Stated.completed": "已完成",
    "Stated.basically_completed": "基本完成",
    "Stated.in_progress": "取得阶段性成果 / 正在整改",
    "Stated.long_term": "长期整改 / 长期推进",
    "Stated.completion_rate": "0.733 for 73.3%",
    "Stated.rules_established": "建章立制 / 建立完善制度",
    "Accountability.party_discipline": "党纪处分 (persons)",
    "Accountability.government_sanction": "政务处分 (persons)",
    "Accountability.organizational": "组织处理 (persons)",
    "Accountability.admonishment": "诫勉 (persons)",
    "Accountability.reminder": "提醒谈话 / 教育提醒 (persons)",
    "Accountability.transferred_judicial": "移送司法 (persons)",
    "Accountability.refunded_yuan": "清退款项, yuan",
    "Accountability.recovered_yuan": "挽回(经济)损失, yuan",
    "Problem.id": "path of markers, e.g. 二/(一)/1/(3); paragraph-level items add #k",
    "Problem.path": "titles of the enclosing headings, outermost first",
    "Problem.title": "the item's own heading text",
    "Problem.feedback": "the quoted feedback text (inside 关于“…”)",
    "Problem.measures": "measure texts (split on 一是/二是…, (一)…, or one item)",
    "Problem.status": "completed, basically_completed, in_progress, long_term or null",
    "Problem.status_text": "as printed, e.g. 正在整改,2020年12月底前完成",
    "Problem.deadline": "date a stated deadline resolves to (month only -> last day)",
    "Problem.text": "the item's full cleaned text",
    "Problem.topics": "topic ids (docs/topics.md)",
    "Counted.problems": "number of problems",
    "Contacts.phones": "as printed, digits and separators kept",
    "Contacts.emails": "lower-cased",
    "Contacts.addresses": "邮政信箱 / 通信地址 strings",
    "Contacts.postcodes": "邮编",
    "Removed.text": "the line as printed",
    "Removed.rule": "name of the rule that removed it (docs/chrome-rules.md)",
    "Heading.level": "1 一、 2 (一) 3 1./1、 4 (1)",
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``to_dict`` output."""
    defs: dict[str, Any] = {}
    root = _class_schema(Record, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://zhenggai.readthedocs.io/schema/record-v{SCHEMA_VERSION}.json",
        "title": "zhenggai record",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def field_reference() -> list[tuple[str, str, str]]:
    """(dotted field, JSON type, description) rows for the generated record reference."""
    rows: list[tuple[str, str, str]] = []

    def walk(cls: type, prefix: str) -> None:
        hints = typing.get_type_hints(cls)
        for att in attrs.fields(cls):
            tp = hints[att.name]
            name = f"{prefix}{att.name}"
            rows.append((name, _type_name(tp), _FIELD_DOCS.get(f"{cls.__name__}.{att.name}", "")))
            inner = _attrs_class(tp)
            if inner is not None and inner is not Heading:
                walk(inner, f"{name}[]." if typing.get_origin(tp) is tuple else f"{name}.")

    walk(Record, "")
    return rows


def _attrs_class(tp: Any) -> type | None:
    for cand in (tp, *typing.get_args(tp)):
        if isinstance(cand, type) and attrs.has(cand):
            return cand
    return None


def _type_name(tp: Any) -> str:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Union:
        non_none = [a for a in args if a is not type(None)]
        base = "number" if set(non_none) == {int, float} else _type_name(non_none[0])
        return f"{base} or null" if type(None) in args else base
    if origin is tuple:
        return f"list of {_type_name(args[0])}"
    if origin is dict:
        return f"object of {_type_name(args[1])}"
    return {str: "string", int: "integer", float: "number", dt.date: "date"}.get(tp, getattr(tp, "__name__", str(tp)))
