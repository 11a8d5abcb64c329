"""``zhenggai.segmenter``: the same tokens as ``jieba.Tokenizer.lcut``, always."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import zhenggai
from zhenggai import enrich
from zhenggai.segmenter import lcut_with
from zhenggai.text import fold

from support import real_documents


@pytest.fixture(scope="module")
def tokenizer():
    return enrich._new_tokenizer()


@pytest.fixture(scope="module")
def fast(tokenizer):
    return lcut_with(tokenizer)


# Words the dictionary knows (with their prefixes, which it also holds), user-dictionary
# terms, characters jieba has never seen (the HMM's work), and what is not Chinese.
_WORDS = enrich._data_words("userdict.txt")[:40] + [
    "巡察", "整改", "落实", "主体责任", "党风廉政建设", "中华人民共和国", "已完成", "基本完成",
    "的", "了", "和", "是", "在", "研究", "研究生", "生命", "命令", "结婚", "和尚", "尚未",
    "囧", "嘢", "冇", "氹", "叕", "犇", "龘",
    "abc", "ABC123", "2023年", "12.5", "1,000", "%", " ", "  ", "\t", "\n", "\r\n", "，", "。", "、",
    "（一）", "(一)", "1.", "①", "——", "“", "”", "ｆｕｌｌ", "Ｗｉｄｅ", "+", "#", "_",
]
_texts = st.lists(st.sampled_from(_WORDS), max_size=40).map("".join)
_raw = st.text(st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                         st.sampled_from("abcXYZ0123456789 \t\r\n.,:;%-_/()（）、，。“”")), max_size=60)


@given(st.one_of(_texts, _raw))
@example("")
@example("\r\n")
@example("一")
@example("囧囧囧叕犇")  # unknown characters only: the HMM decides
@example("研究生命起源")  # a famous ambiguity: the best route, not the longest word
@example("结婚的和尚未结婚的")
@example("党风廉政建设党风廉政建设")  # the same word twice: its cached weight is reused
def test_the_same_tokens_as_jieba(tokenizer, fast, text):
    assert fast(text) == tokenizer.lcut(text)


def test_the_same_tokens_as_jieba_on_every_paragraph_of_the_fixtures_and_corpus(tokenizer, fast):
    paragraphs = [fold(p) for path in real_documents() for p in zhenggai.normalize(path, enrich=False).paragraphs]
    assert len(paragraphs) > 300
    assert [p for p in paragraphs if fast(p) != tokenizer.lcut(p)] == []


def test_words_jieba_forces_apart_are_split_alike(tokenizer, fast):
    """``jieba.del_word`` adds a word to finalseg's force-split set, for every tokenizer:
    the HMM's output then gives that word as single characters."""
    from jieba import finalseg

    text = "他来到了网易杭研大厦"  # jieba's own example: its HMM finds 杭研
    assert "杭研" in fast(text)
    finalseg.add_force_split("杭研")
    try:
        assert fast(text) == tokenizer.lcut(text)
        assert "杭研" not in fast(text)
    finally:
        finalseg.Force_Split_Words.discard("杭研")
    assert fast(text) == tokenizer.lcut(text)
