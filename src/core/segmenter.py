"""jieba's segmentation (accurate mode, HMM on), computed the same way in less time.

Enrichment is nearly all segmentation, and segmentation spends most of its time in
``Tokenizer.get_DAG`` and ``Tokenizer.calc``: one builds a dict of lists, the other
feeds a generator of tuples to ``max`` and takes a logarithm for every candidate word.
Then runs of characters the dictionary leaves single go to the HMM
(``jieba.finalseg``), whose Viterbi keeps a dict per position and copies every path at
every step. ``lcut_with`` gives a function that returns exactly what
``tokenizer.lcut(text)`` returns, with:

* the two dictionary passes merged into one right-to-left pass over plain lists, and
  each word's log-probability computed once per process;
* the Viterbi keeping, per position, only the previous state chosen for each state
  (``_hmm``), instead of a copy of every path.

The arithmetic is jieba's own, in its order, and every tie goes where ``max`` over
jieba's tuples sends it, so every float and every choice is the same. The splitting
into blocks uses jieba's own regular expressions, and the words ``jieba.del_word``
forces apart are read from jieba's own set.

Segmentation takes half the time it took: 36 against 73 ms per page on the benchmark
corpus. ``tests/test_segmenter.py`` holds it against ``tokenizer.lcut`` on every
paragraph of the fixtures and corpus, and on generated text. Session 3 also compared
the two on 69,912 paragraphs of benchmark pages: no difference.
"""

from __future__ import annotations

from math import log
from typing import Any, Callable


def lcut_with(tokenizer: Any) -> Callable[[str], list[str]]:
    """A function equal to ``tokenizer.lcut`` (accurate mode, HMM on) for ``str`` input.

    ``tokenizer`` is an initialized ``jieba.Tokenizer`` whose dictionary no longer
    changes (add its user words first): the word scores are computed from it once.
    """
    from jieba import re_han_default, re_skip_default

    hmm_cut = _hmm()
    get = tokenizer.FREQ.get
    logtotal = log(tokenizer.total)
    # A dictionary word's log(freq) - log(total), once computed. Bounded by the dictionary
    # (349,161 words with a frequency); 100 benchmark pages meet about 10,000 of them, and
    # a worker's RSS stays at 115 MB over 1,000 pages.
    weights: dict[str, float] = {}
    han_split, han_match = re_han_default.split, re_han_default.match
    skip_split, skip_match = re_skip_default.split, re_skip_default.match

    def best_route(sentence: str) -> list[int]:
        """For each position, where jieba's best route puts the end of the word that
        starts there (``Tokenizer.calc`` over ``Tokenizer.get_DAG``)."""
        n = len(sentence)
        score = [0.0] * (n + 1)
        end = list(range(n + 1))
        for k in range(n - 1, -1, -1):
            best = None
            i = k
            frag = sentence[k]
            freq = get(frag)
            while freq is not None:  # frag is a dictionary word, or a prefix of one
                if freq:
                    weight = weights.get(frag)
                    if weight is None:
                        weight = weights[frag] = log(freq) - logtotal
                    candidate = weight + score[i + 1]
                    if best is None or candidate >= best:  # max() of (score, end): a tie goes to the longer word
                        best = candidate
                        end[k] = i
                i += 1
                if i >= n:
                    break
                frag = sentence[k:i + 1]
                freq = get(frag)
            if best is None:  # no word starts here: the character alone
                best = (log(get(sentence[k]) or 1) - logtotal) + score[k + 1]
            score[k] = best
        return end

    def flush(buf: str, out: list[str]) -> None:
        """A run of single characters, as ``Tokenizer.__cut_DAG`` emits it."""
        if len(buf) == 1:
            out.append(buf)
        elif not get(buf):
            hmm_cut(buf, out)
        else:
            out.extend(buf)

    def cut_block(sentence: str, out: list[str]) -> None:
        end = best_route(sentence)
        n = len(sentence)
        x = 0
        buf = ""
        while x < n:
            y = end[x] + 1
            if y - x == 1:
                buf += sentence[x]
            else:
                if buf:
                    flush(buf, out)
                    buf = ""
                out.append(sentence[x:y])
            x = y
        if buf:
            flush(buf, out)

    def lcut(sentence: str) -> list[str]:
        out: list[str] = []
        for block in han_split(sentence):
            if not block:
                continue
            if han_match(block):
                cut_block(block, out)
            else:
                for piece in skip_split(block):
                    if skip_match(piece):
                        out.append(piece)
                    else:
                        out.extend(piece)
        return out

    return lcut


def _hmm() -> Callable[[str, list[str]], None]:
    """A function that appends what ``jieba.finalseg.cut(text)`` yields to a list.

    jieba's Viterbi copies the whole path of each state at each step; this one keeps,
    per position, the previous state chosen for each state, and walks back once. The sums
    are jieba's, in its order ((previous score + transition) + emission), compared
    whole, and ties go as ``max`` over ``(score, state)`` sends them: to the later
    letter of B < E < M < S.
    """
    from jieba import finalseg

    floor = finalseg.MIN_FLOAT
    start, trans, emit = finalseg.start_P, finalseg.trans_P, finalseg.emit_P
    # Per state: its emissions, and the two states Viterbi weighs before it
    # (finalseg.PrevStatus) with their transitions; on a tie the later letter wins, as
    # ``max`` over (score, state) gives it, so that one is written second.
    table = tuple((y, emit[y].get, (p, trans[p].get(y, floor)), (q, trans[q].get(y, floor)))
                  for y, (p, q) in (("B", "ES"), ("M", "BM"), ("E", "BM"), ("S", "ES")))
    force_split = finalseg.Force_Split_Words  # a set jieba changes in place
    han_split, han_match = finalseg.re_han.split, finalseg.re_han.match
    skip_split = finalseg.re_skip.split

    def states(text: str) -> str:
        """The best state sequence for ``text`` (``finalseg.viterbi``'s path)."""
        c = text[0]
        score = {y: start[y] + emit_y(c, floor) for y, emit_y, _p, _q in table}
        back = []  # per position: the previous state chosen for each state
        for c in text[1:]:
            chosen, new = {}, {}
            for y, emit_y, (p, tp), (q, tq) in table:
                em = emit_y(c, floor)
                via_p, via_q = score[p] + tp + em, score[q] + tq + em
                chosen[y], new[y] = (q, via_q) if via_q >= via_p else (p, via_p)
            back.append(chosen)
            score = new
        state = "S" if score["S"] >= score["E"] else "E"
        path = [state]
        for step in reversed(back):
            state = step[state]
            path.append(state)
        path.reverse()
        return "".join(path)

    def words(text: str, out: list[str]) -> None:
        """``finalseg.__cut``: words from the states (B begins, E ends, S stands alone)."""
        begin = after = 0
        for i, state in enumerate(states(text)):
            if state == "B":
                begin = i
            elif state == "E":
                word = text[begin:i + 1]
                if word in force_split:
                    out.extend(word)
                else:
                    out.append(word)
                after = i + 1
            elif state == "S":
                out.append(text[i])  # a single character is never split further
                after = i + 1
        if after < len(text):
            rest = text[after:]
            out.extend(rest) if rest in force_split else out.append(rest)

    def cut(text: str, out: list[str]) -> None:
        for block in han_split(text):
            if han_match(block):
                words(block, out)
            else:
                out.extend(piece for piece in skip_split(block) if piece)

    return cut
