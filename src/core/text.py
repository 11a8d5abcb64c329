"""Character-level helpers shared by every step: punctuation folding and whitespace.

Punctuation policy: ``paragraphs`` keep the document's punctuation exactly as printed
(full-width on real pages, ASCII in archives that converted it). Parsers never match
printed punctuation directly; they match ``fold(text)``, which maps every full-width
punctuation mark to its ASCII twin *one character for one character*, so a match's
offsets in the folded string are offsets in the original and spans are sliced from it.
"""

from __future__ import annotations

import functools
import re

# 。 and 、 keep their identity: they separate sentences and list items, and ASCII
# has no twin for 、. Typographic quotes “”‘’ stay too: the genre delimits feedback
# with them, and patterns that look for quotes accept an ASCII " pair as well.
_PAIRS = {
    "，": ",", "；": ";", "：": ":", "！": "!", "？": "?", "（": "(", "）": ")",
    "【": "[", "】": "]", "［": "[", "］": "]", "｛": "{", "｝": "}", "＜": "<", "＞": ">",
    "「": "“", "」": "”", "『": "‘", "』": "’", "＂": '"', "＇": "'",
    "－": "-", "．": ".", "～": "~", "％": "%", "＋": "+", "＝": "=", "／": "/", "＼": "\\",
    "｜": "|", "＿": "_", "＃": "#", "＠": "@", "＆": "&", "＊": "*",
}
# Full-width digits and Latin letters fold too (ＡＢＣ１２３ -> ABC123).
_PAIRS.update({chr(0xFF10 + i): chr(0x30 + i) for i in range(10)})
_PAIRS.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_PAIRS.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FOLDABLE = re.compile("[" + "".join(re.escape(c) for c in _PAIRS) + "]")

SPACES = "\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff\t\r\f\v "
# The runs ``clean_line`` must rewrite: two or more spaces, or one that is not " ".
# A lone " " (every space in Latin text) is left alone rather than replaced by itself,
# which makes cleaning an already clean line a scan without copies.
_SPACE_RUN = re.compile(f"[{SPACES}](?:[{SPACES}]+|(?<![ ]))")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}\u3000-\u303f\uff00-\uffef“”‘’])[{SPACES}]+(?=[{_CJK}\u3000-\u303f\uff00-\uffef“”‘’])")


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Map full-width punctuation, digits and letters to ASCII, one char for one char.

    Every step folds the same paragraphs again (chrome, repair, frame, structure,
    figures), so results are cached; a regex substitution beats ``str.translate`` with
    a dict table several times on Chinese text, where few characters change."""
    return _FOLDABLE.sub(_fold_char, text)


def _fold_char(match: re.Match[str]) -> str:
    return _PAIRS[match.group()]


@functools.lru_cache(maxsize=8192)
def clean_line(line: str) -> str:
    """Trim a line: NBSP, ideographic and other spaces at its ends removed, inner runs to one.

    Like ``fold``, cached: every step cleans the same lines again (chrome, repair, frame,
    structure, each of them more than once)."""
    return _SPACE_RUN.sub(" ", line).strip()


def close_cjk_spaces(text: str) -> str:
    """Remove spaces between two CJK characters or CJK punctuation (``新区工作委员会 关于`` -> joined)."""
    return _CJK_GAP.sub("", text)

