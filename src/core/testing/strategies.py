"""Hypothesis strategies for whole rectification reports, for round-trip property tests.

A ``ReportSpec`` is what a report *says*, apart from how a publisher prints it: the
issuer, the inspection it answers (group, period, feedback date), its signature date,
its problems — each with its feedback, measures, status and deadline —, the figures it
states and its contact details. ``zhenggai.testing.render`` prints a spec in one of the
five seed layouts (as plain text or as a web page) and says what the parser should
read back; ``reports(layout)`` draws specs::

    import zhenggai
    from hypothesis import given, settings
    from zhenggai.testing.conformance import match
    from zhenggai.testing.render import expected, render_text
    from zhenggai.testing.strategies import reports

    @settings(deadline=None)  # the first normalize loads the plugins
    @given(reports("liaoning_pj"))
    def test_round_trip(report):
        text = render_text(report, "liaoning_pj", fullwidth=True, wraps=False)
        record = zhenggai.normalize(text.encode("utf-8"))
        assert not match(expected(report, "liaoning_pj", html=False), zhenggai.to_dict(record))

The problems sit in a tree of four tiers — category (方面), group, topic, problem —
and ``OutlineSpec`` says which tiers a layout prints and at which GB/T 9704 level (a
tier not printed passes its problems up to its parent, which is how levels get skipped).

Text comes from a small vocabulary of the genre's own words, so it reads like a report
to the parser: no generated sentence opens with a heading marker, a lead-in (一是), a
label (整改情况:) or a status phrase, and none states one of the report's own figures
(a count tied to the inspection) or a deadline unless the spec says so. Everything is ASCII-punctuated (``,`` ``:`` ``(``) like the archived seeds;
the renderer widens it on request.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional

import attrs
from attrs import frozen
from hypothesis import strategies as st

__all__ = [
    "DEADLINE_FORMS",
    "LAYOUTS",
    "LAYOUT_PLUGINS",
    "OPENINGS",
    "PLACES",
    "SUMMARY_PLACES",
    "STATUS_WORDINGS",
    "AccountabilitySpec",
    "CategorySpec",
    "ContactsSpec",
    "DeadlineSpec",
    "GroupSpec",
    "InspectionSpec",
    "OutlineSpec",
    "PlaceSpec",
    "ProblemSpec",
    "ReportSpec",
    "StatedSpec",
    "TopicSpec",
    "cn_date",
    "cn_numeral",
    "reports",
]

#: The five seed layouts (the page kinds of ``zhenggai.testing.pages``).
LAYOUTS: tuple[str, ...] = ("liaoning_pj", "liaoning_jp", "fujian", "hunan", "zhejiang")

#: Status wordings as printed after the status label, and the record status each means
#: (RECORD.md's vocabulary). ``{}`` stands for a printed deadline.
STATUS_WORDINGS: dict[str, str] = {
    "已完成": "completed",
    "已完成整改": "completed",
    "已整改到位": "completed",
    "整改完成": "completed",
    "基本完成": "basically_completed",
    "基本完成整改": "basically_completed",
    "正在整改": "in_progress",
    "取得阶段性成果": "in_progress",
    "正在整改,{}前完成": "in_progress",
    "持续整改,{}前完成": "in_progress",
    "正在推进,计划{}前完成": "in_progress",
    "长期推进": "long_term",
    "长期坚持": "long_term",
    "长期整改": "long_term",
    "正在整改,长期推进": "long_term",
}

_DIGITS = "零一二三四五六七八九"
_YEAR_DIGITS = "〇一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """``n`` (0..9999) as a Chinese numeral the way documents write counts: 十五, 二十,
    一百一十五, 一千零八."""
    if not 0 <= n <= 9999:
        raise ValueError(f"cn_numeral: {n} is out of range 0..9999")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for unit, size in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        digit = n // size % 10
        if digit:
            out += ("零" if zero else "") + _DIGITS[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def cn_date(d: dt.date) -> str:
    """A date in Chinese numerals, as signatures print it: 二〇二〇年十一月十六日."""
    year = "".join(_YEAR_DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{cn_numeral(d.month)}月{cn_numeral(d.day)}日"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# --------------------------------------------------------------------------------------
# The model
# --------------------------------------------------------------------------------------

#: How a deadline is printed: a day, a month (``2021年6月``), a month's end
#: (``2021年6月底``), the typo the seeds have (``2020年12底``), or a month's end
#: without a year (``12月底``, the year taken from the signature date).
DEADLINE_FORMS = ("day", "month", "month_end", "typo", "no_year")


@frozen
class DeadlineSpec:
    """A deadline: the date it falls on and the form it is printed in."""

    value: dt.date
    form: str

    def __attrs_post_init__(self) -> None:
        if self.form not in DEADLINE_FORMS:
            raise ValueError(f"unknown deadline form {self.form!r}")
        if self.form != "day" and self.value != _month_end(self.value.year, self.value.month):
            raise ValueError("a deadline printed without its day falls on the last day of its month")

    @property
    def printed(self) -> str:
        """The deadline as the report prints it (before ``前完成``)."""
        d = self.value
        return {
            "day": f"{d.year}年{d.month}月{d.day}日",
            "month": f"{d.year}年{d.month}月",
            "month_end": f"{d.year}年{d.month}月底",
            "typo": f"{d.year}年{d.month}底",
            "no_year": f"{d.month}月底",
        }[self.form]


@frozen
class ProblemSpec:
    """One rectification item.

    ``feedback`` is the inspectors' finding (the text inside 关于“…”); ``measures`` the
    sentences saying what was done, each ending in 。. With ``enumerated`` they are
    printed as 一是/二是… (or (一)/(二)…); with ``lead`` as well, the first is a lead
    sentence printed before the enumeration. ``wording`` is the status as printed (a
    key of ``STATUS_WORDINGS``) or None for no status line; ``deadline`` goes into the
    status line when there is one, else into the last measure as a plan (计划…前全部完成).
    ``marked``: a layout printing a group's only item without a marker (002's bare
    ``针对…的问题``) prints it with one anyway.
    """

    feedback: str
    measures: tuple[str, ...]
    enumerated: bool = False
    lead: bool = False
    wording: Optional[str] = None
    deadline: Optional[DeadlineSpec] = None
    marked: bool = True

    def __attrs_post_init__(self) -> None:
        if not self.measures or not all(m.endswith("。") for m in self.measures):
            raise ValueError("a problem needs measures, each ending in 。")
        if self.enumerated and len(self.measures) < (3 if self.lead else 2):
            raise ValueError("an enumeration lists at least two measures (after the lead)")
        if self.lead and not self.enumerated:
            raise ValueError("a lead sentence only stands before an enumeration")
        if self.wording is not None and self.wording not in STATUS_WORDINGS:
            raise ValueError(f"unknown status wording {self.wording!r}")
        if self.wording is not None and ("{}" in self.wording) != (self.deadline is not None):
            raise ValueError(f"status wording {self.wording!r} and deadline {self.deadline!r} disagree")

    @property
    def status(self) -> Optional[str]:
        """The record status the wording means."""
        return STATUS_WORDINGS[self.wording] if self.wording is not None else None

    @property
    def status_text(self) -> Optional[str]:
        """The status as printed after the label, without the final 。."""
        if self.wording is None:
            return None
        return self.wording.format(self.deadline.printed) if self.deadline else self.wording


@frozen
class TopicSpec:
    """A topic heading grouping entries (001's ``(n)关于“体制机制落后”的问题``); layouts
    without topics print its problems only."""

    title: str
    problems: tuple[ProblemSpec, ...]


@frozen
class GroupSpec:
    """A group of problems (000's ``1.…问题``, 002's ``1.关于…的问题``)."""

    title: str
    topics: tuple[TopicSpec, ...]


@frozen
class CategorySpec:
    """A category (方面) of the feedback. ``flat``: its groups are not printed, its problems
    stand directly under it (000's ``(四)边巡边改自增问题``)."""

    title: str
    groups: tuple[GroupSpec, ...]
    flat: bool = False


@frozen
class OutlineSpec:
    """Where the tiers go in layouts whose outline varies (the Liaoning ones; see
    ``zhenggai.testing.render`` for the fixed ones): the GB/T 9704 level of categories and
    groups (None: not printed) and of the item headings (problems, or topics in 001's
    layout); whether numbering continues across parents (000's (1)…(30)) or restarts;
    ``comma_level3``: level 3 printed ``1、`` instead of ``1.``; ``spaced``: a space after
    level-1 markers (000's ``一、 强化组织领导``)."""

    category_level: Optional[int] = 2
    group_level: Optional[int] = 3
    item_level: int = 4
    groups_continue: bool = False
    items_continue: bool = True
    comma_level3: bool = False
    spaced: bool = False

    def __attrs_post_init__(self) -> None:
        levels = [lv for lv in (self.category_level, self.group_level, self.item_level) if lv is not None]
        if any(not 2 <= lv <= 4 for lv in levels) or levels != sorted(set(levels)):
            raise ValueError(f"outline levels must rise within 2..4: {levels}")


@frozen
class InspectionSpec:
    """The inspection: kind (巡视/巡察), committee, group as printed, number, mode, dates."""

    kind: str
    by: str
    group: str
    group_number: Optional[int]
    mode: Optional[str]
    start: dt.date
    end: dt.date
    feedback_date: dt.date


@frozen
class StatedSpec:
    """The figures the report states (None: not stated); ``in_progress`` counts the
    long-term items too when ``long_term`` is not stated (000's 取得阶段性成果8个 = 2 in
    progress + 6 long-term). ``rate_permille`` is printed as a
    percentage with one decimal (733 → 73.3%); ``form`` picks the sentence
    (``chain``: 反馈的4个方面30个问题,已完成整改22个…; ``of``: 30项具体问题中,已完成22项…);
    ``cn_aspects``/``cn_problems`` print the number of aspects/problems in Chinese
    (三个方面, 十四个问题)."""

    aspects: Optional[int] = None
    problems: Optional[int] = None
    completed: Optional[int] = None
    basically_completed: Optional[int] = None
    in_progress: Optional[int] = None
    long_term: Optional[int] = None
    rate_permille: Optional[int] = None
    form: str = "chain"
    cn_aspects: bool = False
    cn_problems: bool = False

    @property
    def any(self) -> bool:
        """True when the report states a figure at all."""
        return self.problems is not None

    @property
    def completion_rate(self) -> Optional[float]:
        """The rate as the record holds it (73.3% → 0.733)."""
        return None if self.rate_permille is None else self.rate_permille / 1000


@frozen
class AccountabilitySpec:
    """Accountability figures and rules the report states (None: not stated), printed in
    one sentence like 004's: 给予党纪处分2人(党内警告1人,党内严重警告1人);…;建立完善制度43项;
    清退款项12.6万元,挽回经济损失280万元. ``breakdown``: party discipline broken down
    in parentheses. Money is in yuan, a multiple of 100 (printed in 万元)."""

    party_discipline: Optional[int] = None
    breakdown: bool = False
    government_sanction: Optional[int] = None
    organizational: Optional[int] = None
    admonishment: Optional[int] = None
    reminder: Optional[int] = None
    rules_established: Optional[int] = None
    refunded_yuan: Optional[int] = None
    recovered_yuan: Optional[int] = None

    @property
    def any(self) -> bool:
        """True when the report states any of these."""
        return any(getattr(self, a.name) is not None for a in attrs.fields(AccountabilitySpec) if a.name != "breakdown")


@frozen
class ContactsSpec:
    """A phone number and an e-mail address, as printed."""

    phone: str
    email: str


@frozen
class PlaceSpec:
    """Where the issuer sits: its name in 中共…工作委员会, the short name the text uses
    (新区), the city whose committee inspects, the publisher plugin of its province and
    the phone area code."""

    name: str
    short: str
    city: str
    plugin: str
    area_code: str


#: Where the summary sentence with the stated figures goes: the organization section
#: (001, 003), the head of the problem section (002), the closing section (000).
SUMMARY_PLACES = ("organization", "problems", "closing")

#: How the opening sentence names the inspection (see ``zhenggai.testing.render``):
#: the committee and its leading group decided it; the province's 巡视 and the
#: committee's 巡察 decided it (003); the group 开展了 it and 并于… gave feedback (002).
OPENINGS = ("leading_group", "both_inspections", "and_then")


@frozen
class ReportSpec:
    """A whole report (see the module docstring). ``opening`` indexes ``OPENINGS``;
    ``summary_at`` is one of ``SUMMARY_PLACES`` (the organization section when the
    report has no such place); ``status_inline``: status lines run on at the end of the
    measures' paragraph (…。整改进展情况:已完成。); ``status_label`` is printed with a
    colon, or as it is when bracketed (【整改进展】已完成。); ``deadline_label``: a deadline
    without a status line is printed as a ``完成时限:`` (or other label) line rather than as
    a plan sentence; ``title_gap``: the title has a space after the issuer (000)."""

    place: PlaceSpec
    inspection: InspectionSpec
    signed: dt.date
    signed_cn: bool
    published_at: str
    addressees: tuple[str, ...]
    categories: tuple[CategorySpec, ...]
    outline: OutlineSpec
    stated: StatedSpec
    accountability: AccountabilitySpec
    opening: int
    summary_at: str
    closing: bool
    status_label: str
    status_inline: bool
    deadline_label: Optional[str]
    title_gap: bool
    contacts: ContactsSpec

    @property
    def issuer(self) -> str:
        """发文机关: 中共<place>工作委员会."""
        return f"中共{self.place.name}工作委员会"

    @property
    def target(self) -> str:
        """The inspected organ as the text names it (新区党工委)."""
        return f"{self.place.short}党工委"

    @property
    def title(self) -> str:
        """The report's title (as the record holds it: no gap)."""
        i = self.inspection
        return f"{self.issuer}关于{i.by}{i.kind}整改进展情况的通报"

    @property
    def problems(self) -> tuple[ProblemSpec, ...]:
        """Every problem, in document order."""
        return tuple(p for c in self.categories for g in c.groups for t in g.topics for p in t.problems)


# --------------------------------------------------------------------------------------
# Vocabulary: the genre's words (no markers, lead-ins, labels, figures or deadlines)
# --------------------------------------------------------------------------------------

#: Issuers' places by the publisher plugin of their province.
PLACES: dict[str, tuple[PlaceSpec, ...]] = {
    "liaoning": (PlaceSpec("盘锦辽东湾新区", "新区", "盘锦", "liaoning", "0427"),
                 PlaceSpec("大连金普新区", "新区", "大连", "liaoning", "0411"),
                 PlaceSpec("营口经济技术开发区", "开发区", "营口", "liaoning", "0417")),
    "fujian": (PlaceSpec("泉州市鲤城区委高新技术产业开发区", "高新区", "泉州", "fujian", "0595"),
               PlaceSpec("厦门火炬高技术产业开发区", "火炬高新区", "厦门", "fujian", "0592")),
    "hunan": (PlaceSpec("湖南汨罗高新技术产业开发区", "汨罗高新区", "岳阳", "hunan", "0730"),
              PlaceSpec("岳阳经济技术开发区", "经开区", "岳阳", "hunan", "0730")),
    "zhejiang": (PlaceSpec("绍兴滨海新区", "滨海新区", "绍兴", "zhejiang", "0575"),
                 PlaceSpec("宁波前湾新区", "前湾新区", "宁波", "zhejiang", "0574")),
}
#: The publisher plugin whose province each layout's seed comes from.
LAYOUT_PLUGINS = {"liaoning_pj": "liaoning", "liaoning_jp": "liaoning", "fujian": "fujian",
                  "hunan": "hunan", "zhejiang": "zhejiang"}

_SUBJECTS = ("党工委", "领导班子", "管委会", "部分党员干部", "基层党组织", "机关党委", "园区开发公司",
             "部分职能部门", "相关科室", "下属国有企业")
_OBJECTS = ("理论学习中心组学习制度", "意识形态工作责任制", "民主集中制", "‘三重一大’决策制度",
            "中央八项规定精神", "全面从严治党主体责任", "‘一岗双责’", "重点项目建设", "国有资产管理制度",
            "财务管理制度", "工程项目招投标规定", "干部选拔任用工作", "干部人事档案管理", "基层党组织建设",
            "营商环境建设", "安全生产监管责任", "生态环境保护责任", "招商引资政策", "债务风险防控",
            "‘第一议题’制度")
_DEFICITS = ("不到位", "不够深入", "存在差距", "执行不严格", "流于形式", "力度不大", "较为薄弱",
             "不够规范", "落实不力", "有偏差", "还有落差")
_TOPICS = ("体制机制落后", "发展步伐不快", "对外开放缓慢", "营商环境有待优化", "干部队伍建设薄弱",
           "财务管理不规范", "工程项目管理混乱", "基层党建工作弱化", "选人用人不规范", "廉洁风险较大",
           "‘四风’屡禁不止", "民生实事推进缓慢")
_CATEGORIES = ("贯彻落实党的路线方针政策和上级决策部署不够有力", "落实全面从严治党战略部署不够到位",
               "落实新时代党的组织路线有差距", "政治建设和思想建设弱化", "履行经济发展职能有短板",
               "作风建设不够扎实", "落实整改主体责任不够到位", "风险防控意识不强")
_GROUPS = ("对党的路线方针政策学习不够深入", "落实新发展理念不全面", "职责职能自我限缩", "引领作用发挥不充分",
           "落实‘两个责任’不够有力", "监督执纪问责不够严格", "选人用人工作不规范", "财务管理存在漏洞",
           "工程项目管理不规范", "基层党组织战斗堡垒作用发挥不够", "风险防控意识不强")
_DOCUMENTS = ("新区大额资金使用管理办法", "党工委议事规则", "国有资产出租管理办法(试行)", "干部人事档案管理制度",
              "工程建设项目管理办法", "意识形态工作责任制实施细则", "理论学习中心组学习计划",
              "政府采购管理制度实施细则")
_RESULTS = ("进一步规范了工作流程", "切实压实了工作责任", "推动整改落实到位", "形成长效工作机制",
            "有效提升了管理水平", "堵塞了制度漏洞", "确保各项工作有序推进", "切实解决群众反映强烈的突出问题")
_THINGS = ("档案室改造升级", "大额资金使用事项自查", "历史遗留项目清理", "干部档案专项审核", "办公用房清理腾退")
_CAMPAIGNS = ("警示教育活动", "‘以案促改’专项行动", "作风建设专项整治", "营商环境专项督查")
_ADDRESSEES = ("新区纪工委机关", "党工委各部委", "各街道党工委", "区直各单位", "各人民团体", "各国有企业党组织")


@st.composite
def _feedback(draw: st.DrawFn, *, sentences: bool) -> str:
    """A finding: a clause, maybe a detail with figures, maybe (``sentences``) a second
    sentence and a final 。 — as they stand inside 关于“…”; inner quotes ‘…’ or “…”."""
    pick = draw(st.integers(0, 2))
    obj, deficit = draw(st.sampled_from(_OBJECTS)), draw(st.sampled_from(_DEFICITS))
    subject = draw(st.sampled_from(_SUBJECTS))
    text = (f"{subject}落实{obj}{deficit}", f"{obj}{deficit}", f"{subject}对{obj}重视不够")[pick]
    detail = draw(st.integers(0, 8))
    if detail == 1:
        text += f",{draw(st.integers(2015, 2022))}年以来有{draw(st.integers(2, 30))}个项目未按期完成"
    elif detail == 2:
        text += f",涉及资金{draw(st.integers(1, 99)) / 10:g}亿元"
    elif detail == 3:
        n = draw(st.integers(3, 40))
        text += f",{n}名领导干部中有{draw(st.integers(1, n - 1))}人未按要求开展自查"
    elif detail == 4:
        text += ",‘重部署、轻落实’现象仍然存在"
    elif detail == 5:
        text += ",至今仍未建立长效机制"
    if sentences and draw(st.booleans()):
        words = (draw(st.sampled_from(pool)) for pool in (_SUBJECTS, _OBJECTS, _DEFICITS))
        text += "。" + "".join(words)
        if draw(st.booleans()):
            text += "。"
    if draw(st.integers(0, 2)) == 0:
        # Inner quotes printed with the outer pair's characters, as 001 prints them.
        text = text.replace("‘", "“").replace("’", "”")
    return text


@st.composite
def _measure(draw: st.DrawFn, *, until: int) -> str:
    """One measure sentence, ending in 。; a year it prints is ``until`` or earlier."""
    result = draw(st.sampled_from(_RESULTS))
    obj = draw(st.sampled_from(_OBJECTS))
    choices = [
        f"{draw(st.sampled_from(('制定实施', '修订完善', '印发', '出台')))}《{draw(st.sampled_from(_DOCUMENTS))}》,{result}。",
        f"全面梳理{obj}执行情况,{result}。",
        f"共召开专题会议{draw(st.integers(2, 30))}次,研究部署{obj}相关工作。",
        f"累计清偿拖欠企业账款{draw(st.integers(1, 99)) / 10:g}亿元,{result}。",
        f"对{draw(st.integers(2, 20))}名相关责任人进行约谈,{result}。",
        f"深入开展{draw(st.sampled_from(_CAMPAIGNS))},{result}。",
        f"组织开展专项检查{draw(st.integers(2, 12))}次,{result}。",
    ]
    if until >= 2016:
        year = draw(st.integers(2016, until))
        choices += [
            f"于{year}年{draw(st.integers(1, 12))}月完成{draw(st.sampled_from(_THINGS))},{result}。",
            f"{year}年以来,{draw(st.sampled_from(_SUBJECTS))}严格落实{obj},{result}。",
        ]
    return draw(st.sampled_from(choices))


@st.composite
def _deadline(draw: st.DrawFn, signed: dt.date) -> DeadlineSpec:
    """A deadline within two years after the signature date; the year-less form only in
    the signature's year."""
    form = draw(st.sampled_from(DEADLINE_FORMS))
    if form == "no_year":
        return DeadlineSpec(_month_end(signed.year, draw(st.integers(signed.month, 12))), form)
    day = signed + dt.timedelta(days=draw(st.integers(1, 730)))
    return DeadlineSpec(day if form == "day" else _month_end(day.year, day.month), form)


@st.composite
def _problem(draw: st.DrawFn, *, signed: dt.date, statuses: bool, sentences: bool) -> ProblemSpec:
    """One problem; ``statuses``: draw a status wording (else none)."""
    enumerated = draw(st.booleans())
    lead = enumerated and draw(st.booleans())
    low = (3 if lead else 2) if enumerated else 1
    n = draw(st.integers(low, max(low, 4)))
    measures = tuple(draw(st.lists(_measure(until=signed.year), min_size=n, max_size=n)))
    wording = draw(st.none() | st.sampled_from(sorted(STATUS_WORDINGS))) if statuses else None
    wants_deadline = "{}" in wording if wording is not None else draw(st.integers(0, 3)) == 0
    deadline = None
    if wants_deadline:
        deadline = draw(_deadline(signed))
        # A year-less deadline takes its year from the nearest year printed before it:
        # keep the signature's the only one in reach.
        if deadline.form == "no_year" and any("年" in m for m in measures):
            deadline = DeadlineSpec(deadline.value, "month_end")
    return ProblemSpec(feedback=draw(_feedback(sentences=sentences)), measures=measures, enumerated=enumerated,
                       lead=lead, wording=wording, deadline=deadline, marked=draw(st.booleans()))


def _chunks(draw: st.DrawFn, items: tuple, most: int) -> list[tuple]:
    """Split ``items`` into at most ``most`` non-empty runs, in order."""
    if len(items) <= 1 or most <= 1:
        return [items]
    cuts = sorted(draw(st.sets(st.integers(1, len(items) - 1), max_size=most - 1)))
    bounds = [0, *cuts, len(items)]
    return [items[a:b] for a, b in zip(bounds, bounds[1:])]


@st.composite
def _outline(draw: st.DrawFn, layout: Optional[str]) -> OutlineSpec:
    """Tier levels: free for the Liaoning layouts (and None), the seed's for the others."""
    groups_continue, items_continue = draw(st.booleans()), draw(st.booleans())
    comma, spaced = draw(st.integers(0, 3)) == 0, draw(st.integers(0, 3)) == 0
    if layout in ("fujian",):
        return OutlineSpec(draw(st.sampled_from((2, None))), 3, 4, groups_continue, items_continue, comma, spaced)
    if layout in ("hunan", "zhejiang"):
        return OutlineSpec(2, None, 3, groups_continue, items_continue, comma, spaced)
    item_level = draw(st.integers(2, 4))
    above = list(range(2, item_level))
    shown = sorted(draw(st.sets(st.sampled_from(above), max_size=2))) if above else []
    category_level = shown[0] if len(shown) == 2 or (shown and draw(st.booleans())) else None
    group_level = shown[-1] if shown and shown[-1] != category_level else None
    return OutlineSpec(category_level, group_level, item_level, groups_continue, items_continue, comma, spaced)


@st.composite
def _stated(draw: st.DrawFn, problems: tuple[ProblemSpec, ...], aspects: int) -> StatedSpec:
    """Figures consistent with the problems, or drawn at random, or none."""
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return StatedSpec()
    form = draw(st.sampled_from(("chain", "of")))
    if choice == 1:
        counts = {s: sum(p.status == s for p in problems) for s in set(STATUS_WORDINGS.values())}
        total = len(problems)
    else:
        total = draw(st.integers(1, 60))
        counts = {s: draw(st.integers(0, total)) for s in set(STATUS_WORDINGS.values())}
        aspects = draw(st.integers(1, 9))

    def maybe(value: int) -> Optional[int]:
        return value if draw(st.booleans()) else None

    completed = maybe(counts["completed"])
    rate = None
    if completed is not None and draw(st.booleans()):
        rate = round(1000 * completed / total) if choice == 1 else draw(st.integers(0, 1000))
    long_term = maybe(counts["long_term"])
    in_progress = counts["in_progress"]
    if long_term is None and choice == 1:
        in_progress += counts["long_term"]  # 000: 取得阶段性成果8个 counts the long-term items too
    return StatedSpec(
        aspects=maybe(aspects), problems=total, completed=completed,
        basically_completed=maybe(counts["basically_completed"]), in_progress=maybe(in_progress),
        long_term=long_term, rate_permille=rate, form=form, cn_aspects=draw(st.booleans()),
        cn_problems=draw(st.integers(0, 3)) == 0,
    )


@st.composite
def _accountability(draw: st.DrawFn) -> AccountabilitySpec:
    """Accountability figures: none (most often), or a few of them."""
    if draw(st.booleans()):
        return AccountabilitySpec()

    def maybe(strategy: st.SearchStrategy[int]) -> Optional[int]:
        return draw(strategy) if draw(st.booleans()) else None

    people = st.integers(0, 60)
    money = st.integers(1, 10**7).map(lambda n: n * 100)
    return AccountabilitySpec(
        party_discipline=maybe(people), breakdown=draw(st.booleans()), government_sanction=maybe(people),
        organizational=maybe(people), admonishment=maybe(people), reminder=maybe(people),
        rules_established=maybe(st.integers(1, 120)), refunded_yuan=maybe(money), recovered_yuan=maybe(money),
    )


@st.composite
def _inspection(draw: st.DrawFn, place: PlaceSpec) -> InspectionSpec:
    kind = draw(st.sampled_from(("巡察", "巡察", "巡视")))
    by = "省委" if kind == "巡视" else draw(st.sampled_from(("市委", "区委", f"{place.city}市委")))
    start = draw(st.dates(dt.date(2017, 1, 1), dt.date(2023, 6, 30)))
    end = start + dt.timedelta(days=draw(st.integers(20, 75)))
    feedback = end + dt.timedelta(days=draw(st.integers(10, 150)))
    style = draw(st.integers(0, 2))
    number = draw(st.integers(1, 15))
    if style == 0:
        group, mode = f"{by}第{cn_numeral(number)}{kind}组", draw(st.sampled_from((None, "常规", "专项")))
    elif style == 1:
        group, mode = f"{by}{kind}{cn_numeral(number)}组", draw(st.sampled_from((None, "常规")))
    else:
        qualifier = draw(st.sampled_from(("联动", "专项", "园区专项")))
        group, mode, number = f"{by}{qualifier}{kind}组", qualifier[-2:], None
    return InspectionSpec(kind=kind, by=by, group=group, group_number=number, mode=mode,
                          start=start, end=end, feedback_date=feedback)


def reports(layout: Optional[str] = None) -> st.SearchStrategy[ReportSpec]:
    """Random reports fit for ``layout`` (one of ``LAYOUTS``; None: fit for every layout).

    1–12 problems in 1–4 categories; statuses and deadlines for the layouts that print
    status lines; feedback with a 。 inside only where the layout quotes it; the issuer
    in the layout's province (any province for None). Raises ``ValueError`` for an
    unknown layout.
    """
    if layout is not None and layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}")
    return _reports(layout)


@st.composite
def _reports(draw: st.DrawFn, layout: Optional[str]) -> ReportSpec:
    """See ``reports``."""
    province = LAYOUT_PLUGINS[layout] if layout else draw(st.sampled_from(sorted(PLACES)))
    place = draw(st.sampled_from(PLACES[province]))
    inspection = draw(_inspection(place))
    signed = inspection.feedback_date + dt.timedelta(days=draw(st.integers(30, 200)))
    statuses = layout in (None, "liaoning_pj", "liaoning_jp")
    sentences = layout in ("liaoning_pj", "liaoning_jp", "zhejiang")
    n = draw(st.integers(1, 12))
    problems = tuple(draw(st.lists(_problem(signed=signed, statuses=statuses, sentences=sentences),
                                   min_size=n, max_size=n)))
    categories = []
    for chunk in _chunks(draw, problems, 4):
        groups = []
        for run in _chunks(draw, chunk, 3):
            topics = tuple(TopicSpec(draw(st.sampled_from(_TOPICS)), part) for part in _chunks(draw, run, 2))
            groups.append(GroupSpec(draw(st.sampled_from(_GROUPS)), topics))
        categories.append(CategorySpec(draw(st.sampled_from(_CATEGORIES)), tuple(groups),
                                       flat=draw(st.integers(0, 4)) == 0))
    published = signed + dt.timedelta(days=draw(st.integers(0, 30)))
    clock = draw(st.none() | st.tuples(st.integers(0, 23), st.integers(0, 59)))
    published_at = published.isoformat() + (f" {clock[0]:02d}:{clock[1]:02d}" if clock else "")
    digits = draw(st.text("0123456789", min_size=7, max_size=8))
    user = draw(st.text("abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)) + str(signed.year)
    email = f"{user}@{draw(st.sampled_from(('163.com', '126.com', 'qq.com')))}"
    return ReportSpec(
        place=place,
        inspection=inspection,
        signed=signed,
        signed_cn=draw(st.integers(0, 3)) == 0,
        published_at=published_at,
        addressees=tuple(draw(st.lists(st.sampled_from(_ADDRESSEES), unique=True, max_size=4)))
        if draw(st.integers(0, 2)) == 0 else (),
        categories=tuple(categories),
        outline=draw(_outline(layout)),
        stated=draw(_stated(problems, len(categories))),
        opening=draw(st.integers(0, len(OPENINGS) - 1)),
        accountability=draw(_accountability()),
        summary_at=draw(st.sampled_from(SUMMARY_PLACES)),
        closing=draw(st.booleans()),
        status_label=draw(st.sampled_from(("整改进展情况", "整改进展情况", "整改进度", "进展情况", "完成情况",
                                           "【整改进展】"))),
        status_inline=draw(st.integers(0, 4)) == 0,
        deadline_label=draw(st.sampled_from((None, None, "完成时限", "整改时限", "整改期限"))),
        title_gap=draw(st.integers(0, 3)) == 0,
        contacts=ContactsSpec(phone=f"{place.area_code}-{digits}",
                              email=email.upper() if draw(st.integers(0, 3)) == 0 else email),
    )
