"""decode: BOM, declared charset, UTF-8, chardet, GB18030 fallback — round trips and robustness."""

import codecs
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from zhenggai.decode import Decoded, canonical_codec, decode
from zhenggai.errors import DecodeError, ZhenggaiError
from zhenggai.record import ENCODING_SOURCES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*-text/*.txt")))

# Any CJK + ASCII + punctuation (full-width and CJK included).
ANY_CHARS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),   # CJK unified ideographs
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),   # extension A (4-byte in GB18030)
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),       # printable ASCII
    st.characters(min_codepoint=0x3000, max_codepoint=0x303F),   # CJK punctuation, U+3000
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),   # full-width forms
    st.sampled_from("“”‘’…—\n\t\u00a0"),
)
# The characters real reports use (the seeds' repertoire): what detection without a
# declaration is expected to get right.
REPORT_CHARS = st.sampled_from(sorted(set(SEED_TEXT) - {"\ufeff"}))

any_text = st.text(ANY_CHARS, max_size=200)
report_text = st.text(REPORT_CHARS, min_size=40, max_size=400).filter(
    lambda s: sum("\u4e00" <= c <= "\u9fff" for c in s) >= 20)


def gbk_label(text: str) -> str:
    """The narrowest GB label that can encode ``text``, as a page would declare it."""
    for label in ("gb2312", "gbk"):
        try:
            text.encode(label)
            return label
        except UnicodeEncodeError:
            continue
    return "gb18030"


def is_substantial_utf8(raw: bytes) -> bool:
    try:
        return len(raw) - len(raw.decode("utf-8")) >= 16
    except UnicodeDecodeError:
        return False


def html_page(text: str, label: str) -> str:
    return f'<html><head><meta charset="{label}"><title>t</title></head><body>{text}</body></html>'


@given(any_text)
def test_utf8_round_trips(text):
    assert decode(text.encode("utf-8")).text == text


@given(any_text, st.sampled_from(["utf-16", "utf-16-be", "utf-32", "utf-8-sig"]))
def test_bom_round_trips_and_is_stripped(text, codec):
    raw = text.encode(codec)
    if codec == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    result = decode(raw)
    assert (result.text, result.source, result.replaced) == (text, "bom", 0)


@given(any_text, st.sampled_from(["utf-8", "gb18030", "gbk", "gb2312", "GBK", "utf8"]))
def test_declared_charset_round_trips(text, label):
    if label.lower() in ("gbk", "gb2312"):
        label = gbk_label(text)
        if label == "gb18030":
            label = "GB18030"
    page = html_page(text, label)
    raw = page.encode("gb18030" if label.lower().startswith("gb") else "utf-8")
    # GB bytes that are also valid UTF-8 with 8+ CJK characters' worth of sequences are
    # read as UTF-8 (see decode._UTF8_EVIDENCE); the odds are about 5**-8.
    assume(not label.lower().startswith("gb") or not is_substantial_utf8(raw))
    result = decode(raw)
    assert result.text == page
    if not page.isascii():
        assert result.encoding == canonical_codec(label)


@given(any_text)
def test_http_equiv_and_xml_declarations_are_read(text):
    label = gbk_label(text)
    for head in (f'<meta http-equiv="Content-Type" content="text/html; charset={label}">',
                 f'<?xml version="1.0" encoding="{label}"?>'):
        page = head + text
        assume(not is_substantial_utf8(page.encode("gb18030")))
        result = decode(page.encode("gb18030"))
        assert result.text == page
        assert result.source in ("declared", "detected")  # pure ASCII is valid UTF-8 first


@given(report_text)
@example("关于巡视整改情况的通报。" * 4)
def test_undeclared_gb18030_is_detected(text):
    raw = text.encode("gb18030")
    assume(not raw.isascii())
    result = decode(raw)
    assert result.text == text
    assert result.encoding == "gb18030"


@given(report_text)
@example("0" * 20 + "一丁丁丁丁丁丁丁丁丁与丰丽丽丽促予丁促丁")  # chardet: CP949 at 0.06
def test_wrong_declaration_is_not_trusted(text):
    page = html_page(text, "utf-8")
    result = decode(page.encode("gb18030"))
    assert result.text == page
    assert result.encoding == "gb18030"
    assert result.source != "declared"


@given(report_text, st.sampled_from(["gb2312", "gbk", "big5", "shift_jis"]))
@example("中共绍兴滨海新区工作委员会关于十五届省委第二轮巡视整改进展情况的通报", "gb2312")
def test_stale_legacy_declaration_over_utf8_is_not_trusted(text, label):
    page = html_page(text, label)
    result = decode(page.encode("utf-8"))
    assert (result.text, result.encoding, result.source) == (page, "utf-8", "detected")


@given(report_text, st.sampled_from(["iso-8859-1", "windows-1252", "koi8-r"]))
def test_single_byte_declaration_over_gbk_is_not_trusted(text, label):
    page = html_page(text, label)
    assert decode(page.encode("gb18030")).text == page


@given(st.text(ANY_CHARS, min_size=1, max_size=200).filter(lambda s: not s[-1].isascii()),
       st.sampled_from(["utf-8", "gb18030"]))
@example("中", "utf-8")
@example("中", "gb18030")
def test_truncated_multibyte_char_is_replaced_and_counted(text, codec):
    raw = text.encode(codec)[:-1]
    if codec == "gb18030":  # declared, so that detection does not blur the point
        raw = b'<meta charset="gbk">' + raw
        assume(not is_substantial_utf8(raw))
    result = decode(raw)
    assert result.replaced == 1
    assert result.text.endswith(text[:-1] + "\ufffd")


@given(report_text)
def test_truncated_undeclared_gbk_keeps_its_text(text):
    raw = text.encode("gb18030")
    assume(not raw[-1:].isascii())
    result = decode(raw[:-1])
    assert result.encoding == "gb18030"
    assert result.replaced >= 1
    assert result.text.startswith(text[:-1])


@given(st.binary(max_size=2000))
@example(b"\xff\xfe\x00")
@example(b"\x00" * 7)
@example(b'<meta charset="utf-7">+AGEAYgBj-')
@example(b'<?xml version="1.0" encoding="unicode-escape"?>\\x41\\')
@example(b"\xa5\x91")  # chardet 7.0.0 raised RuntimeError on it
def test_arbitrary_bytes_always_give_text(raw):
    result = decode(raw)
    assert isinstance(result, Decoded)
    assert isinstance(result.text, str)
    assert result.source in ENCODING_SOURCES
    assert 0.0 <= result.confidence <= 1.0
    assert result.replaced >= 0
    assert canonical_codec(result.encoding) == result.encoding
    assert not result.text.startswith("\ufeff")


@given(st.binary(max_size=500), st.sampled_from(["utf-8", "gbk", "big5", "shift_jis", "utf-16", "ascii"]))
def test_given_encoding_replaces_and_counts_exactly(raw, codec):
    assume("\ufffd".encode("utf-8") not in raw)
    result = decode(raw, encoding=codec)
    expected = raw.decode(canonical_codec(codec), "replace")
    expected = expected[1:] if expected.startswith("\ufeff") else expected
    assume("\ufffd" not in raw.decode(canonical_codec(codec), "ignore"))
    assert result.source == "given"
    assert result.text == expected
    assert result.replaced == expected.count("\ufffd")


def test_given_encoding_wins_over_declaration():
    page = html_page("正文", "utf-8").encode("gbk")
    result = decode(page, encoding="GB2312")
    assert (result.encoding, result.source, result.replaced) == ("gb18030", "given", 0)
    assert "正文" in result.text


@pytest.mark.parametrize("label", ["no-such-codec", "base64", "rot13", ""])
def test_unknown_or_non_text_encoding_raises_decode_error(label):
    with pytest.raises(DecodeError, match="encoding"):
        decode(b"abc", encoding=label)


@pytest.mark.parametrize("label", ["base64", "base_64", "hex", "zlib", "bz2", "uu", "quopri", "rot13"])
def test_a_declared_non_text_codec_is_ignored(label):
    # Found by tests/test_fuzz.py: the declared label ran its incremental decoder and
    # raised LookupError, TypeError, binascii.Error, zlib.error...
    page = html_page("正文", label).encode("gb18030")
    result = decode(page)
    assert result.source != "declared" and "正文" in result.text


@pytest.mark.parametrize("label, name", [
    ("GB2312", "gb18030"), ("gbk", "gb18030"), ("cp936", "gb18030"), ("x-gbk", "gb18030"),
    ("gb_2312-80", "gb18030"), ("csgb2312", "gb18030"), ("euc-cn", "gb18030"),
    ("UTF8", "utf-8"), ("utf-16le", "utf-16-le"), ("Big5", "big5"), ("euc_kr", "euc-kr"),
    ("latin1", "iso8859-1"), ("nonsense", None),
])
def test_codec_names_are_canonical(label, name):
    assert canonical_codec(label) == name


def test_utf8_confidence_and_source():
    assert decode("正文".encode()) == Decoded("正文", "utf-8", "detected", 1.0, 0)


def test_fallback_reports_zero_confidence():
    result = decode(b"\x81" * 3)
    assert (result.encoding, result.source, result.confidence) == ("gb18030", "fallback", 0.0)
    assert result.replaced >= 1


@pytest.mark.parametrize("label", ["\x00", "utf\x008", 8, b"utf-8"])
def test_only_zhenggai_errors_escape_for_bad_names(label):
    with pytest.raises(ZhenggaiError):
        decode(b"x", encoding=label)


def test_chardet_sees_at_most_64_kb_cut_at_a_line_break(monkeypatch):
    import zhenggai.decode as module

    seen = []
    real = module.chardet.detect
    monkeypatch.setattr(module.chardet, "detect", lambda sample: seen.append(sample) or real(sample))
    line = "关于巡视整改情况的通报，整改进展情况：已完成。\n"
    raw = (line * 5000).encode("gb18030")
    result = decode(raw)
    assert (result.text, result.encoding, result.source) == (line * 5000, "gb18030", "detected")
    assert len(seen[0]) <= 64 * 1024 and seen[0].endswith(b"\n")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("form", ["text", "html"])
def test_utf16_and_utf32_without_a_bom_are_detected(codec, form):
    """Windows tools save UTF-16 without a BOM; chardet (6.0 and later) recognizes it."""
    text = SEED_TEXT[:3000]
    if form == "html":
        text = "<html><head><title>通报</title></head><body><p>" + text.replace("\n", "</p><p>") + "</p></body></html>"
    result = decode(text.encode(codec))
    assert (result.text, result.encoding, result.source, result.replaced) == (text, codec, "detected", 0)


def test_a_chardet_failure_is_no_guess(monkeypatch):
    """A bug inside chardet costs its guess, not the document: GBK still decodes."""
    import chardet

    def broken(_sample):
        raise RuntimeError("pipeline must always return at least one result")

    monkeypatch.setattr(chardet, "detect", broken)
    text = SEED_TEXT[:400]
    result = decode(text.encode("gb18030"))
    assert result.text == text
    assert result.encoding == "gb18030"
