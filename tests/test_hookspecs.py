"""The hookspecs module is the plugin author's manual: every hook must be documented."""

import inspect

from zhenggai import hookspecs


def _hooks():
    return [
        (name, fn)
        for name, fn in vars(hookspecs).items()
        if name.startswith("zhenggai_") and callable(fn)
    ]


def test_there_are_hooks_for_claim_chrome_parse_enrich():
    names = {name for name, _ in _hooks()}
    assert {"zhenggai_claim", "zhenggai_chrome_rules", "zhenggai_parse", "zhenggai_enrich",
            "zhenggai_publisher_info"} <= names


def test_every_hook_is_documented_with_typed_signature():
    for name, fn in _hooks():
        doc = inspect.getdoc(fn) or ""
        assert len(doc.split()) >= 25, f"{name} needs a real docstring"
        sig = inspect.signature(fn)
        assert sig.return_annotation is not inspect.Signature.empty, f"{name} lacks a return type"
        for param in sig.parameters.values():
            assert param.annotation is not inspect.Parameter.empty, f"{name}({param.name}) lacks a type"


def test_module_docstring_explains_the_flow():
    doc = hookspecs.__doc__
    assert "zhenggai.publishers" in doc and "zhenggai_claim" in doc and "zhenggai_parse" in doc
