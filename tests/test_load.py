"""load: paths, bytes and text in; missing, oversized, empty and wrongly typed input refused."""

import os
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import zhenggai.load as load_module
from zhenggai.errors import EmptyInputError, InputError, InputTooLargeError, ZhenggaiError
from zhenggai.load import DEFAULT_MAX_BYTES, Loaded, load

REPORT = "关于巡察整改情况的通报\n根据市委统一部署，市委第二巡察组对新区进行了巡察。\n"


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("gbk"))
    return path


def test_default_limit_is_50_mib():
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


@pytest.mark.parametrize("as_type", [Path, str])
def test_path_forms_read_the_raw_bytes(report_file, as_type):
    result = load(as_type(report_file))
    assert result == Loaded(raw=REPORT.encode("gbk"), path=str(report_file), name=str(report_file))


def test_bytes_are_content(report_file):
    # bytes are always the document itself, even when they spell an existing path
    result = load(os.fsencode(report_file))
    assert (result.raw, result.path, result.name, result.text_given) == (
        os.fsencode(report_file), None, "<bytes>", False)


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview])
def test_bytes_like_input(wrap):
    result = load(wrap(REPORT.encode("utf-8")))
    assert result.raw == REPORT.encode("utf-8") and isinstance(result.raw, bytes)
    assert result.name == "<bytes>"


def test_str_content_is_utf8_and_marked_given():
    result = load(REPORT)
    assert result == Loaded(raw=REPORT.encode("utf-8"), path=None, name="<str>", text_given=True)


def test_one_line_str_that_is_not_a_file_is_content():
    assert load("关于巡察整改情况的通报").raw == "关于巡察整改情况的通报".encode()


def test_long_str_is_content_even_without_newline():
    text = "整改" * 3000
    assert load(text).text_given


def test_str_naming_a_missing_document_is_an_error(tmp_path):
    missing = tmp_path / "nope.html"
    with pytest.raises(InputError, match="no such file") as info:
        load(str(missing))
    assert str(missing) in str(info.value)


def test_missing_pathlike_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no such file") as info:
        load(tmp_path / "nope.txt")
    assert info.value.source == str(tmp_path / "nope.txt")


@pytest.mark.parametrize("as_type", [Path, str])
def test_directory_is_an_error(tmp_path, as_type):
    with pytest.raises(InputError, match="directory") as info:
        load(as_type(tmp_path))
    assert str(tmp_path) in str(info.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file_is_an_error(report_file):
    report_file.chmod(0)
    with pytest.raises(InputError, match="permission") as info:
        load(report_file)
    assert str(report_file) in str(info.value)


def test_oversized_file_is_refused_without_reading(tmp_path, monkeypatch):
    huge = tmp_path / "huge.html"
    with open(huge, "wb") as handle:  # sparse: 5 GB on paper, nothing on disk
        handle.truncate(5 * 1024 ** 3)

    def no_open(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(load_module, "open", no_open, raising=False)
    with pytest.raises(InputTooLargeError) as info:
        load(huge)
    assert str(huge) in str(info.value)


def test_limit_applies_to_files_bytes_and_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 11)
    for source in (path, b"x" * 11, "x" * 11):
        with pytest.raises(InputTooLargeError):
            load(source, max_bytes=10)
        assert load(source, max_bytes=11).raw == b"x" * 11


def test_non_regular_file_is_bounded_by_the_limit():
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with pytest.raises(InputTooLargeError):
        load(Path("/dev/zero"), max_bytes=1000)


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf \n", " \n".encode("utf-16"),
                                 " \n".encode("utf-32")])
def test_blank_bytes_are_empty_input(raw):
    with pytest.raises(EmptyInputError):
        load(raw)


@pytest.mark.parametrize("text", ["", "  \n  "])
def test_blank_str_is_empty_input(text):
    with pytest.raises(EmptyInputError, match="<str>"):
        load(text)


def test_empty_file_is_empty_input(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError, match="zero bytes") as info:
        load(path)
    assert info.value.source == str(path)


@pytest.mark.parametrize("source", [42, None, 3.5, ["a"], True])
def test_wrong_type_is_an_input_error(source):
    with pytest.raises(InputError, match=type(source).__name__):
        load(source)


@pytest.mark.parametrize("limit", [0, -1, 2.5, "10", True])
def test_bad_limit_is_an_input_error(limit):
    with pytest.raises(InputError, match="max_bytes"):
        load(b"abc", max_bytes=limit)


def test_str_with_lone_surrogate_is_an_input_error():
    with pytest.raises(InputError, match="surrogate"):
        load("正文\ud800")


@given(st.binary(max_size=300))
@example(b"\x00\x00")
@example(b"\xff\xfe")
def test_any_bytes_load_or_raise_only_zhenggai_errors(raw):
    try:
        result = load(raw)
    except ZhenggaiError:
        return
    assert result.raw == raw and result.path is None


@given(st.text(max_size=300))
@example("a\x00b")
@example("/")
def test_any_text_loads_or_raises_only_zhenggai_errors(text):
    try:
        result = load(text)
    except ZhenggaiError:
        return
    assert result.raw == text.encode("utf-8") or result.path == text
