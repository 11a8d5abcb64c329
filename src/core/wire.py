"""The wire form of a result: what a worker process sends the parent, as bytes.

Why not a plain pickle: a record pickles to about 150 KB for a 60 KB page, and the
parent spends about 0.55 ms taking it back, on the same cores the workers need (with
2 workers on 2 cores, that alone costs 4% of the throughput). Most of those bytes are
text, and most of the text is there twice: each problem's ``text``, ``title``,
``feedback``, ``measures`` and ``status_text`` are cut from the paragraphs. (Headings'
titles are too, but they are short and far apart: finding them costs the worker more
than sending them costs the parent.) So the wire form of a record

* carries the paragraphs once, joined by line feeds and encoded as UTF-16 (which
  Python decodes about three times faster than the UTF-8 that pickle uses for a
  ``str``), and splits them again on arrival;
* carries each of those derived strings as the ``(start, stop)`` of its place in that
  text, looked for first where the last one was found (so a search is short), and
  as itself when it is not there;
* carries every record object as a list ``[class number, field values...]`` and
  rebuilds it by setting its slots: the worker's record was already converted and
  validated, so nothing runs twice;
* is pickled, which is quick for what is left: small ints, tuples, short strings.

The parent takes it back in about 0.3 ms, from about 60 KB. Packing and building
use one generated function per record class (as attrs generates ``__init__``):
straight-line code costs half of a loop that asks each field what it holds.

It is exact: ``unpack(pack(record)) == record`` with the same types throughout, so
``serialize.dumps`` gives the same text for both (``tests/test_wire.py``). What the
form does not cover (a subclass of a record class, a paragraph holding a line feed, a
lone surrogate, which UTF-16 cannot carry, a tuple where a string belongs) goes as a
plain pickle instead, and so does any other result: anything that pickles can be
packed.
"""

from __future__ import annotations

import pickle
from typing import Any, Callable

import attrs

from .record import Problem, Record

__all__ = ["pack", "unpack"]

_PICKLED = b"P"  # a plain pickle follows
_PACKED = b"W"  # a record's wire form follows

# Fields whose strings are cut from the paragraphs, by class. The first is the frame:
# it is looked for in the whole text (first from where the last frame was found); the
# others only inside the frame's place, so a string that is not there costs little.
_CUT_FIELDS: dict[type, tuple[str, ...]] = {
    Problem: ("text", "title", "feedback", "measures", "status_text"),
}


class _Unsupported(Exception):
    """The record holds something the wire form does not cover (it goes as a pickle)."""


def _record_classes(root: type) -> list[type]:
    """``root`` and every record class its fields hold, in a fixed order (the order the
    fields declare them), so that every process numbers the classes alike."""
    classes: list[type] = []

    def visit(cls: type) -> None:
        if cls in classes:
            return
        classes.append(cls)
        for f in attrs.fields(attrs.resolve_types(cls)):
            for tp in (f.type, *_items(f.type)):
                if _is_record_class(tp):
                    visit(tp)

    visit(root)
    return classes


def _items(tp: Any) -> tuple[Any, ...]:
    """The item type of ``tuple[X, ...]`` (as a 1-tuple), else ``()``."""
    return getattr(tp, "__args__", ())[:1] if getattr(tp, "__origin__", None) is tuple else ()


def _is_record_class(tp: Any) -> bool:
    return isinstance(tp, type) and attrs.has(tp)


def _field_order(cls: type) -> tuple[str, ...]:
    """Cut fields first (in the order of ``_CUT_FIELDS``), then the others."""
    cut = _CUT_FIELDS.get(cls, ())
    return cut + tuple(f.name for f in attrs.fields(cls) if f.name not in cut)


def _expressions(cls: type, name: str) -> tuple[str, str]:
    """How the generated code packs and builds one field (``v`` and ``x`` hold it)."""
    tp = attrs.fields_dict(cls)[name].type
    if cls is Record and name == "paragraphs":
        return "None", "paragraphs"
    cut_fields = _CUT_FIELDS.get(cls, ())
    if name in cut_fields:
        how = "frame" if name == cut_fields[0] else "cut"
        if _items(tp):
            return (f"tuple([{how}(s) for s in tuple_(v)])",
                    "tuple([body[s[0]:s[1]] if s.__class__ is tuple else s for s in x])")
        return f"{how}(v)", "body[x[0]:x[1]] if x.__class__ is tuple else x"
    if _is_record_class(tp):
        return "PACK[v.__class__](v, frame, cut)", "BUILD[x[0]](x, body, paragraphs)"
    if any(_is_record_class(item) for item in _items(tp)):
        return ("[PACK[o.__class__](o, frame, cut) for o in tuple_(v)]",
                "tuple([BUILD[o[0]](o, body, paragraphs) for o in x])")
    return "v", "x"


def _compile(classes: list[type]) -> tuple[dict[type, Callable[..., list[Any]]], list[Callable[..., Any]]]:
    """One packing and one building function per record class, written and compiled.

    ``pack_N(obj, frame, cut)`` gives ``[N, field values...]``, record objects packed
    in turn (``frame`` and ``cut``: see ``_cutter``);
    ``build_N(packed, body, paragraphs)`` makes the object again: ``cls.__new__`` and
    each slot set through its descriptor (which a frozen class's ``__setattr__`` cannot
    refuse).
    """
    namespace: dict[str, Any] = {"tuple_": _tuple}
    source: list[str] = []
    for code, cls in enumerate(classes):
        names = _field_order(cls)
        namespace[f"cls_{code}"] = cls
        packing = [f"def pack_{code}(obj, frame, cut):", f"    values = [{code}]"]
        building = [f"def build_{code}(p, body, paragraphs):", f"    new = cls_{code}.__new__(cls_{code})"]
        leaves = []  # field names copied as they are, in a run
        for i, name in enumerate(names, 1):
            to_wire, from_wire = _expressions(cls, name)
            namespace[f"set_{code}_{i}"] = cls.__dict__[name].__set__  # the slot's descriptor
            if to_wire == "v":
                leaves.append(f"obj.{name}")
            else:
                if leaves:
                    packing.append(f"    values += ({', '.join(leaves)},)")
                    leaves = []
                if to_wire != "None":  # the paragraphs go as the text itself
                    packing.append(f"    v = obj.{name}")
                packing.append(f"    values.append({to_wire})")
            if from_wire == "x":
                building.append(f"    set_{code}_{i}(new, p[{i}])")
            else:
                building += [f"    x = p[{i}]", f"    set_{code}_{i}(new, {from_wire})"]
        if leaves:
            packing.append(f"    values += ({', '.join(leaves)},)")
        source += [*packing, "    return values", "", *building, "    return new", ""]
    exec(compile("\n".join(source), f"<zhenggai.wire: {len(classes)} record classes>", "exec"), namespace)
    packers = {cls: namespace[f"pack_{code}"] for code, cls in enumerate(classes)}
    builders = [namespace[f"build_{code}"] for code in range(len(classes))]
    namespace.update(PACK=packers, BUILD=builders)
    return packers, builders


def _check_slotted(classes: list[type]) -> None:
    for cls in classes:
        if any(not hasattr(cls.__dict__.get(f.name), "__set__") for f in attrs.fields(cls)):
            raise TypeError(f"{cls.__name__} must be a slotted attrs class to have a wire form")


def _cutter(body: str) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """Two functions that give a string as the ``(start, stop)`` of its place in
    ``body`` when they find it there, else as it is: ``frame`` looks in the whole text,
    first from where the last frame was found; ``cut`` looks only inside the last frame.
    """
    find = body.find
    hint = 0
    lo = hi = 0  # the last frame's place

    def frame(value: Any) -> Any:
        nonlocal hint, lo, hi
        lo = hi = 0
        if value.__class__ is str and value:
            at = find(value, hint)
            if at < 0:
                at = find(value, 0, hint + len(value))
                if at < 0:
                    return value
            hint = lo = at
            hi = at + len(value)
            return (lo, hi)
        return _other(value)

    def cut(value: Any) -> Any:
        if value.__class__ is str and value:
            at = find(value, lo, hi)
            return value if at < 0 else (at, at + len(value))
        return _other(value)

    return frame, cut


def _tuple(value: Any) -> tuple[Any, ...]:
    """``value``, a tuple, whose items are packed one by one (it is built again as a tuple)."""
    if value.__class__ is not tuple:
        raise _Unsupported(f"a {type(value).__name__} where a tuple belongs")
    return value


def _other(value: Any) -> Any:
    """A value that is not a non-empty string, where a cut string may be: as it is."""
    if value.__class__ is tuple:
        raise _Unsupported("a tuple where a string belongs would read as a place")
    return value


_CLASSES = _record_classes(Record)
_check_slotted(_CLASSES)
_PACK, _BUILD = _compile(_CLASSES)


def pack(result: Any) -> bytes:
    """``result`` (a record, or anything that pickles) as bytes for ``unpack``."""
    if result.__class__ is Record:
        try:
            return _PACKED + _pack_record(result)
        except (_Unsupported, KeyError, UnicodeEncodeError):  # KeyError: not a record class
            pass
    return _PICKLED + pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def _pack_record(record: Record) -> bytes:
    paragraphs = record.paragraphs
    body = "\n".join(paragraphs) if paragraphs.__class__ is tuple and set(map(type, paragraphs)) <= {str} else None
    if body is None or body.count("\n") != max(len(paragraphs) - 1, 0):
        raise _Unsupported("paragraphs that do not split again as they were joined")
    tree = _PACK[Record](record, *_cutter(body))
    return pickle.dumps((body.encode("utf-16-le"), len(paragraphs), tree), protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes | memoryview) -> Any:
    """The result that ``pack`` was given."""
    view = memoryview(data)
    if view[:1] == _PICKLED:
        return pickle.loads(view[1:])
    encoded, count, tree = pickle.loads(view[1:])
    body = encoded.decode("utf-16-le")
    return _BUILD[0](tree, body, tuple(body.split("\n")) if count else ())
