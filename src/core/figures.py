"""The report's own summary figures: ``stated`` and ``accountability`` of the record.

A rectification report mentions dozens of counts (``协调解决各类问题38个``, ``8个案件``,
``28项工程``); only a few are *its* figures, and the genre states them in set phrases:

- the total, as a chain of counts tied to the inspection: ``巡察反馈的4个方面30个问题``,
  ``三个方面14个具体问题49项分项任务``, ``4个方面15项29个问题``, ``12项44条``;
- the progress, in one sentence: ``已完成整改22个,取得阶段性成果8个,整改完成率73.3%``,
  ``44项具体问题中,已完成19项……25项问题取得阶段性成果``;
- rules and accountability, in a dense listing: ``给予党纪处分2人……建立完善制度43项;
  清退款项12.6万元``.

So a figure is read only from a sentence *anchored* to the inspection: it names
巡视/巡察/反馈, or it is dated ``截至目前``/``目前`` inside a paragraph that does. The
progress figures come from the first anchored sentence that states a status count, and
the total that sentence restates wins over earlier totals (``等5个问题`` names a subset).
Accountability comes from the anchored paragraph listing the most kinds of measures
(persons disciplined, handled…, money refunded or recovered: a listing may state money
alone); parenthesised breakdowns (``党纪处分2人(党内警告1人,…)``) are read only when nothing
outside them states the figure. A figure not stated is None; ``政务处分0人`` is 0.

Matching is on ``text.fold`` of each paragraph, so both punctuation widths work.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional, Sequence

from attrs import frozen

from .money import AMOUNT, Yuan, parse_yuan
from .numerals import CN_NUMERAL, parse_count, parse_percent
from .record import Accountability, Stated
from .text import fold

# A count: Arabic, or a Chinese numeral that does not continue a word or an ordinal
# (第三项, 每一项, 统一, 唯一, 之一).
_COUNT = rf"(?<![\d.{CN_NUMERAL}第每逐单同这那之统唯])(?:\d{{1,6}}|[{CN_NUMERAL}]{{1,8}})"
_STOP = ",;。:!?、()“”‘’\"《》"

# A sentence runs through its 。/!/? (the paragraph's last one may have none).
_SENTENCE = re.compile(r"[^。!?]*[。!?]|[^。!?]+")
_INSPECTION = re.compile(r"巡视|巡察|反馈|整改意见")
# Words that date a statement as the report's own tally.
_NOW = re.compile(r"截至|截止|目前|至今|累计|整改(?:工作)?(?:中|期间|以来|过程中)")
# In a paragraph that names the inspection, a sentence naming it or dated is anchored.
_ANCHOR = re.compile(rf"{_INSPECTION.pattern}|{_NOW.pattern}")

# --- totals ---------------------------------------------------------------------------
_ITEM = re.compile(rf"(?P<n>{_COUNT})(?P<u>个大方面|个方面|大方面|方面|个类别|类别|大类|类|项|个|条)")
_LINK = re.compile(r"的?(?:具体|主要|突出|反馈|共性|重点)?(?:问题)?(?:表现)?[、,和及与共计]{0,2}")
_PROBLEM_NOUN = re.compile(r"的?(?:具体|主要|突出|重点|典型|共性|个性|重大|反馈|整改)?问题(?!线索|清单|台账)")
_TASK_NOUN = re.compile(r"的?(?:具体|针对性|分项|重点|细化)?(?:整改)?(?:任务|措施|举措)")
_CHAIN_PREFIX = re.compile(r"(?:反馈|问题)(?:意见)?(?:的|共|共计|涉及|为)?$")
_NOUN_FIRST = re.compile(
    rf"(?P<noun>(?:反馈|具体|主要)的?问题(?:清单)?|问题清单|整改措施|整改任务|分项任务|整改举措)(?:共计|合计|共|为)?"
    rf"(?P<n>{_COUNT})(?:项|个|条)"
)
_PROBLEM_UNITS = frozenset("项个条")
# Every total names what it counts (问题, 任务, 措施, 举措) or follows 反馈/问题 (反馈意见12项44条):
# a sentence without these words states none.
_TOTAL_WORD = re.compile("问题|任务|措施|举措|反馈")
# Every status count and every total counts 个/项/条 or 方面 (a 类 alone makes no total):
# a sentence without such a count is not scanned for either.
_COUNTED = re.compile(rf"[\d{CN_NUMERAL}](?:个|项|条|方面|大方面)")

# --- progress ---------------------------------------------------------------------------
_STATUS_WORDS = {
    "completed": (
        "已全部完成整改", "已全部整改到位", "已全部整改完成", "已全部完成", "全部完成整改", "全部整改到位",
        "已经完成整改", "已完成整改", "已经整改完成", "已整改完成", "已经整改到位", "已整改到位",
        "已完成销号", "已整改销号", "已经完成", "已完成", "完成整改", "整改完成", "整改到位",
        "已经整改", "已整改", "已办结", "已销号",
    ),
    "basically_completed": ("基本完成整改", "基本整改到位", "基本整改完成", "基本完成", "基本到位"),
    "in_progress": (
        "取得阶段性成果", "取得阶段性成效", "取得阶段性进展", "部分整改到位", "正在按计划推进",
        "正按计划推进", "部分完成", "正在整改", "正在推进", "持续推进", "持续整改", "整改中",
    ),
    "long_term": (
        "需要长期坚持", "长期持续推进", "持续长期推进", "需长期坚持", "需长期推进", "长期整改",
        "长期推进", "长期坚持",
    ),
    # Read past, never counted: 尚未完成整改3个 is no completion.
    "": ("尚未完成整改", "尚未完成", "没有完成", "未完成整改", "未完成", "未整改到位", "未整改"),
}
_WORD_FIELD = {w: f for f, words in _STATUS_WORDS.items() for w in words}
_WORDS = "|".join(sorted(_WORD_FIELD, key=len, reverse=True))
_STATUS = re.compile(
    rf"(?P<wa>{_WORDS})(?:整改)?(?:销号)?的?(?:问题)?(?P<na>{_COUNT})(?:个|项|条)"
    # Count first (25项问题取得阶段性成果), unless the count is a whole the status word
    # goes on to divide (8个问题中已完成整改5个) or the words name no status (整改完成时限).
    rf"|(?P<nb>{_COUNT})(?:个|项|条)[^\d{_STOP}中]{{0,10}}?(?:均|都|已经|已|正在|仍需|需要|需)?(?P<wb>{_WORDS})"
    rf"(?!时限|时间|期限|率|情况|标准|目标|(?:整改|销号|的|问题){{0,3}}(?:\d|[{CN_NUMERAL}]))"
)
# Any status word: a plain scan that rules out most sentences before _STATUS runs.
_STATUS_WORD = re.compile(_WORDS)
_RATE = re.compile(r"(?:完成整改率|整改完成率|完成率|整改率|销号率)(?:为|达到|达|是)?(?P<r>\d{1,3}(?:\.\d{1,4})?%)")
_ANCHORED_RATE = re.compile(rf"(?:巡视|巡察|反馈)[^\d{_STOP}]{{0,8}}?(?:整改)?完成率")
_AFTER_WHOLE = re.compile(r"(?:其中|其余|剩余|另有|另)$")

# --- rules ------------------------------------------------------------------------------
_CLAUSE_REACH = 300  # 已建立完善《…》《…》…等35个制度: titles stand between verb and count
_RULE_VERB = re.compile(r"建立|完善|制定|修订|出台|健全|新建|修改|印发|建章立制")
_RULES = re.compile(
    rf"(?:建章立制|(?:规章)?制度(?:机制)?|长效机制)(?:共计|合计|共)?(?P<na>{_COUNT})(?:项|个|条|件|份)"
    rf"|(?P<nb>{_COUNT})(?:项|个|条|件|份)(?:规章|管理|工作)?(?:制度机制|制度|长效机制)"
)

# --- accountability ---------------------------------------------------------------------
_PERSON_WORDS = {
    "": ("党纪政务处分", "党政纪处分"),  # two kinds in one figure: not either alone
    "party_discipline": ("党纪处分", "纪律处分", "党内处分"),
    "government_sanction": ("政务处分", "政纪处分", "行政处分"),
    "organizational": ("组织处理",),
    "admonishment": ("诫勉谈话", "诫勉"),
    "reminder": ("提醒谈话", "谈话提醒", "教育提醒", "提醒教育"),
    "transferred_judicial": ("移送司法机关", "移交司法机关", "移送检察机关", "移送司法", "移交司法"),
}
_PERSON_FIELD = {w: f for f, words in _PERSON_WORDS.items() for w in words}
_PERSONS = "|".join(sorted(_PERSON_FIELD, key=len, reverse=True))
# An accountability word and a count of people: plain scans that rule out most paragraphs
# before _ACCOUNT runs.
_PERSON_WORD = re.compile(_PERSONS)
_PEOPLE = re.compile(rf"[\d{CN_NUMERAL}][人名]")
_ACCOUNT = re.compile(
    rf"(?P<wa>{_PERSONS})(?:处理)?[^\d{_STOP}]{{0,4}}?(?P<na>{_COUNT})(?:人|名)(?!次)"
    rf"|(?P<nb>{_COUNT})(?:人|名)(?!次)[^\d{_STOP}]{{0,8}}?(?P<wb>{_PERSONS})"
)
_PARENS = re.compile(r"\([^()]{0,300}\)")
_ACCOUNT_MARK = re.compile(rf"(?:巡视|巡察)[^{_STOP}]{{0,12}}?(?:整改|反馈)")
_MONEY = {
    "refunded_yuan": re.compile(rf"清退[^\d{_STOP}]{{0,10}}?(?P<a>{AMOUNT})"),
    "recovered_yuan": re.compile(rf"挽回[^\d{_STOP}]{{0,8}}?损失[^\d{_STOP}]{{0,4}}?(?P<a>{AMOUNT})"),
}


@frozen
class _Sentence:
    """A folded sentence, the index of its paragraph, and whether it is anchored."""

    para: int
    text: str
    anchored: bool


@frozen
class _Total:
    """One stated total: a chain of counts (or a noun-first phrase) in one sentence."""

    sentence: int
    aspects: Optional[int] = None
    problems: Optional[int] = None
    tasks: Optional[int] = None
    listed: bool = False  # preceded by 等: a subset named by example


@frozen
class _Status:
    """A status count: the ``Stated`` field it fills, its value and where it was read."""

    field: str
    value: int
    span: tuple[int, int]
    whole: bool  # 已全部完成: the count is the total as well


def _sentences(inspected: dict[int, str]) -> list[_Sentence]:
    """The sentences of the paragraphs that name the inspection (folded, by index), in
    order, with their anchoring."""
    out = []
    for i, paragraph in inspected.items():
        for text in _SENTENCE.findall(paragraph):
            if text.strip():
                out.append(_Sentence(i, text, _ANCHOR.search(text) is not None))
    return out


def _statuses(text: str) -> list[_Status]:
    """Status counts in a sentence, in order (unit 个/项/条: 件 and 宗 count cases)."""
    out: list[_Status] = []
    if not _STATUS_WORD.search(text):
        return out
    for m in _STATUS.finditer(text):
        word, number = (m.group("wa"), m.group("na")) if m.group("wa") else (m.group("wb"), m.group("nb"))
        value = parse_count(number)
        field = _WORD_FIELD[word]
        if field and value is not None:
            out.append(_Status(field, value, m.span(), "全部" in word))
    return out


def _noun(text: str, end: int, limit: int) -> str:
    """The words after a count up to the next count, punctuation or 12 characters."""
    tail = text[end:min(limit, end + 12)]
    for i, c in enumerate(tail):
        if c in _STOP or c.isdigit():
            return tail[:i]
    return tail


def _totals(sentence_index: int, text: str, consumed: list[tuple[int, int]]) -> list[_Total]:
    """Totals stated in one sentence: chains like 4个方面15项29个问题 and noun-first
    phrases like 整改措施115项. Counts that a status phrase consumed are not totals."""
    if not _TOTAL_WORD.search(text):
        return []
    starts = [a for a, _ in consumed]

    def is_consumed(pos: int) -> bool:
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < consumed[k][1]

    items: list[tuple[re.Match[str], int]] = []  # each count with its value
    for m in _ITEM.finditer(text):
        value = parse_count(m.group("n"))
        if (
            value is not None and not is_consumed(m.start())
            and not _AFTER_WHOLE.search(text[max(0, m.start() - 2):m.start()])
        ):
            items.append((m, value))
    chains: list[list[tuple[re.Match[str], int]]] = []
    for m, value in items:
        gap_start = chains[-1][-1][0].end() if chains else 0
        if chains and m.start() - gap_start <= 12 and _LINK.fullmatch(text[gap_start:m.start()]):
            chains[-1].append((m, value))
        else:
            chains.append([(m, value)])
    out = []
    for chain in chains:
        aspects = problems = tasks = None
        aspects_of_problems = False  # 3个方面的问题
        for k, (m, value) in enumerate(chain):
            limit = chain[k + 1][0].start() if k + 1 < len(chain) else len(text)
            noun = _noun(text, m.end(), limit)
            if "方面" in m.group("u"):
                if aspects is None:
                    aspects, aspects_of_problems = value, _PROBLEM_NOUN.match(noun) is not None
            elif m.group("u") not in _PROBLEM_UNITS:
                continue
            elif _PROBLEM_NOUN.match(noun):
                problems = value
            elif _TASK_NOUN.match(noun):
                tasks = value if tasks is None else tasks
        first, (last, last_value) = chain[0][0], chain[-1]
        if (
            problems is None and len(chain) > 1 and last.group("u") in _PROBLEM_UNITS
            and _CHAIN_PREFIX.search(text[max(0, first.start() - 6):first.start()])
            and not _TASK_NOUN.match(_noun(text, last.end(), len(text)))
        ):
            problems = last_value  # 反馈意见12项44条
        if problems is None and not aspects_of_problems:
            aspects = None  # 方面 of something else: 6个方面52项重点任务
        if problems is None and tasks is None and aspects is None:
            continue
        listed = text[first.start() - 1:first.start()] == "等"
        out.append(_Total(sentence_index, aspects, problems, tasks, listed))
    for m in _NOUN_FIRST.finditer(text):
        value = parse_count(m.group("n"))
        if value is not None:
            is_task = m.group("noun").endswith(("任务", "措施", "举措"))
            out.append(_Total(sentence_index, problems=None if is_task else value, tasks=value if is_task else None))
    return out


def _first(values: Sequence[Optional[int]]) -> Optional[int]:
    return next((v for v in values if v is not None), None)


def _rate(sentences: Sequence[_Sentence], status_at: Optional[int]) -> Optional[float]:
    """The completion rate stated with the status counts, else one tied to the
    inspection by its wording (巡察反馈问题整改完成率…); not one of a side tally."""
    rate = None
    if status_at is not None:
        m = _RATE.search(sentences[status_at].text)
        rate = parse_percent(m.group("r")) if m else None
    for s in sentences:
        if rate is not None:
            break
        if s.anchored and _RATE.search(s.text):  # the cheap test first: most state no rate
            anchor = _ANCHORED_RATE.search(s.text)
            m = _RATE.search(s.text, anchor.start()) if anchor else None
            rate = parse_percent(m.group("r")) if m else None
    return rate if rate is not None and rate <= 1 else None


def _rules(sentences: Sequence[_Sentence], summary: set[int]) -> Optional[int]:
    """Rules established, from a summary paragraph or an anchored dated sentence: the
    first count of 制度/建章立制 whose clause has a verb of making (建立, 制定, 出台…)."""
    for s in sentences:
        if s.para not in summary and not (s.anchored and _NOW.search(s.text)):
            continue
        if not _RULE_VERB.search(s.text):
            continue  # the verb stands in the count's clause: no verb, no rule count
        for m in _RULES.finditer(s.text):
            window = max(0, m.start() - _CLAUSE_REACH)
            clause_start = max(window - 1, *(s.text.rfind(c, window, m.start()) for c in ",;。:")) + 1
            if _RULE_VERB.search(s.text, clause_start, m.end()):
                value = parse_count(m.group("na") or m.group("nb"))
                if value is not None:
                    return value
    return None


def _persons(text: str) -> dict[str, int]:
    """Accountability counts in a paragraph, first per kind; breakdowns in parentheses
    only fill kinds that nothing outside them states. No count spans punctuation, so after
    the text outside parentheses only what they enclose is read again."""
    found: dict[str, int] = {}
    if not (_PERSON_WORD.search(text) and _PEOPLE.search(text)):
        return found
    masked = _PARENS.sub(lambda m: "(" + "□" * (len(m.group()) - 2) + ")", text)
    for source in (masked, *(m.group()[1:-1] for m in _PARENS.finditer(text))):
        for m in _ACCOUNT.finditer(source):
            word, number = (m.group("wa"), m.group("na")) if m.group("wa") else (m.group("wb"), m.group("nb"))
            field, value = _PERSON_FIELD[word], parse_count(number)
            if field and value is not None:
                found.setdefault(field, value)
    return found


def _money(text: str) -> dict[str, Yuan]:
    found = {}
    for field, pattern in _MONEY.items():
        m = pattern.search(text)
        value = parse_yuan(m.group("a")) if m else None
        if value is not None:
            found[field] = value
    return found


def read(paragraphs: Sequence[str]) -> tuple[Stated, Accountability]:
    """Both blocks at once (one pass; the pipeline's call): rules and money are read from
    the paragraphs that state the totals, the progress and the accountability listing."""
    # Only a paragraph that names the inspection holds an anchored sentence, a summary or
    # the accountability listing: the others are not even folded (the words are Chinese,
    # which folding leaves as printed).
    inspected = {i: fold(p) for i, p in enumerate(paragraphs) if _INSPECTION.search(p)}
    sentences = _sentences(inspected)
    status_at: Optional[int] = None
    statuses: list[_Status] = []
    totals: list[_Total] = []
    for i, s in enumerate(sentences):
        if not s.anchored or not _COUNTED.search(s.text):
            continue
        found = _statuses(s.text)
        if found and status_at is None:
            status_at, statuses = i, found
        totals.extend(_totals(i, s.text, [st.span for st in found if not st.whole]))

    # The total the progress sentence restates wins; then the first one not named by
    # example (等5个问题); then any.
    in_status = [t for t in totals if t.sentence == status_at]
    ranked = [t for t in in_status if not t.listed] + [t for t in totals if not t.listed] + totals
    problems_at = next((t for t in ranked if t.problems is not None), None)
    tasks_at = next((t for t in in_status + totals if t.tasks is not None), None)
    same_total = [t for t in totals if problems_at and t.problems == problems_at.problems]
    aspects = _first([t.aspects for t in ([problems_at] if problems_at else []) + same_total + totals])

    by_field: dict[str, int] = {}
    for st in statuses:
        by_field.setdefault(st.field, st.value)
    summary = {sentences[i].para for i in (status_at,) if i is not None}
    summary |= {sentences[t.sentence].para for t in (problems_at, tasks_at) if t is not None}

    persons: dict[str, int] = {}
    money: dict[str, Yuan] = {}
    listing_at: Optional[int] = None
    for i, text in inspected.items():
        if i in summary or _ACCOUNT_MARK.search(text):
            found_persons, found_money = _persons(text), _money(text)
            if len(found_persons) + len(found_money) > len(persons) + len(money):
                persons, money, listing_at = found_persons, found_money, i
    if listing_at is not None:
        summary.add(listing_at)
    for i in sorted(summary):
        for field, value in _money(inspected[i]).items():
            money.setdefault(field, value)

    figures = Stated(
        aspects=aspects,
        problems=problems_at.problems if problems_at else None,
        tasks=tasks_at.tasks if tasks_at else None,
        completed=by_field.get("completed"),
        basically_completed=by_field.get("basically_completed"),
        in_progress=by_field.get("in_progress"),
        long_term=by_field.get("long_term"),
        completion_rate=_rate(sentences, status_at),
        rules_established=_rules(sentences, summary),
    )
    return figures, Accountability(
        **persons, refunded_yuan=money.get("refunded_yuan"), recovered_yuan=money.get("recovered_yuan")
    )


def stated(paragraphs: Sequence[str]) -> Stated:
    """The figures the report states about itself (``Stated``): aspects, problems,
    tasks, status counts, completion rate and rules established; None where unstated."""
    return read(paragraphs)[0]


def accountability(paragraphs: Sequence[str]) -> Accountability:
    """Accountability figures as the report states them: persons disciplined, sanctioned,
    handled, admonished, reminded, transferred (counts of people); money refunded and
    recovered (yuan)."""
    return read(paragraphs)[1]


__all__ = ["accountability", "read", "stated"]
