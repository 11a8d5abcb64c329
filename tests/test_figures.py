"""The report's own summary figures (zhenggai.figures): seeds, corpus openings,
distractor counts, punctuation widths."""

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai.figures import accountability, stated
from zhenggai.record import Accountability, Stated
from zhenggai.text import fold

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "%": "％", "!": "！", "?": "？"})


def seed(number: str) -> list[str]:
    """A seed's text as non-empty stripped lines (the seeds are plain text)."""
    (path,) = FIXTURES.glob(f"*/{number}-text/*.txt")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


# The figures each seed states (shared/seeds/README.md, RECORD.md), checked by reading them.
SEEDS = {
    "000": (
        Stated(aspects=4, problems=30, tasks=56, completed=22, in_progress=8, completion_rate=0.733,
               rules_established=35),
        Accountability(),
    ),
    "001": (
        Stated(problems=44, completed=19, in_progress=25, rules_established=48),
        Accountability(recovered_yuan=4047700),
    ),
    "002": (
        Stated(aspects=4, problems=29),
        Accountability(government_sanction=1, admonishment=1, reminder=11),
    ),
    "003": (
        Stated(aspects=3, problems=14, tasks=49, completed=39, basically_completed=7, long_term=3,
               rules_established=25),
        Accountability(),
    ),
    "004": (
        Stated(aspects=4, problems=10, tasks=115, rules_established=43),
        Accountability(party_discipline=2, government_sanction=1, organizational=2, admonishment=3, reminder=19,
                       refunded_yuan=126000, recovered_yuan=2800000),
    ),
}


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_seed_figures(number: str) -> None:
    paragraphs = seed(number)
    assert stated(paragraphs) == SEEDS[number][0]
    assert accountability(paragraphs) == SEEDS[number][1]


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_seed_figures_in_either_punctuation_width(number: str) -> None:
    ascii_only = [fold(p) for p in seed(number)]
    full_width = [p.translate(TO_FULL) for p in ascii_only]
    for paragraphs in (ascii_only, full_width):
        assert stated(paragraphs) == SEEDS[number][0]
        assert accountability(paragraphs) == SEEDS[number][1]


# Summary sentences from the openings of other publishers' reports (shared/corpus).
CORPUS = [
    ("截至目前,巡察反馈25个问题,已完成整改19个、正在整改6个,整改完成率76%。在巡察整改工作中,给予政务处分0人;"
     "组织处理0人;诫勉0人;交由纪委调查1人。在巡察整改专题民主生活会上批评帮助5人,责令检查1人,批评教育6人,"
     "提醒谈话0人。制定及修改完善制度12项,追缴资金7.132万元。",
     Stated(problems=25, completed=19, in_progress=6, completion_rate=0.76, rules_established=12),
     Accountability(government_sanction=0, organizational=0, admonishment=0, reminder=0)),
    ("二是加强组织领导,明确整改任务。成立巡视反馈意见整改工作领导小组,针对巡视反馈的4个方面14个类别43项具体问题,"
     "制定整改方案及四张清单。三是坚持上下联动,整改工作领导小组先后召开18次会议。",
     Stated(aspects=4, problems=43), Accountability()),
    ("二是抓好责任落实。对照巡视反馈的五方面17项问题56项具体问题表现或案例,细化形成160条整改任务,明确各项任务分工。",
     Stated(aspects=5, problems=56, tasks=160), Accountability()),
    ("杭州经济技术开发区党工委把巡察整改作为重大政治任务来抓。截至目前,13类问题43项具体任务的整改已全部启动,"
     "其中32项具体任务已经整改到位,11项具体任务已部分整改到位,取得阶段性成果。",
     Stated(tasks=43, completed=32, in_progress=11), Accountability()),
    ("(三)细化整改任务,制定完善工作方案。认真分解整改意见,梳理出43项具体问题,针对问题清单列出责任清单。",
     Stated(problems=43), Accountability()),
    ("第一时间成立巡视整改工作领导小组,出台整改方案,举一反三制定279项整改措施。四是举一反三、建章立制。"
     "出台或修订制度机制278项。",
     Stated(tasks=279, rules_established=278), Accountability()),
]


@pytest.mark.parametrize("text, figures, persons", CORPUS)
def test_corpus_openings(text: str, figures: Stated, persons: Accountability) -> None:
    paragraphs = ["根据市委统一部署,市委第二巡察组对新区党工委进行了巡察。", text]
    assert stated(paragraphs) == figures
    assert accountability(paragraphs) == persons


# Counts a report mentions that are not its summary figures (shapes taken from the seeds).
DISTRACTORS = [
    "推动“项目管家”为域内企业协调解决各类问题{a}个,切实为企业群众办实事。",
    "经统筹协调、强力推动,已促成{a}个案件销号办结,并就剩余的{b}个案件制定了预案。",
    "年初以来,实施了第二污水处理厂建设等{a}项工程,建成5G基站{b}座。",
    "新区中央环保督察信访案件{a}件(巡视结束后新分拨3件),目前完成整改{b}件,整改完成率{p}%,正在整改{c}件。",
    "《实施意见》共计{a}方面{b}条,分解成{c}项具体任务,截至目前,新区已经完成{d}项。",
    "对“大棚房”问题清理整治开展监督执纪问责,党纪处分{a}人、组织处理{b}人。",
    "共发现问题线索{a}件,立案{b}件,处分{c}人,给予{d}人党纪处分。",
    "同时,将下级党组织反映强烈的{a}个突出问题一并纳入整改范围。",
    "印发《通知》等{a}个文件,对{b}个单位进行了谈话提醒,清退{c}家中介公司。",
    "明确{a}个方面{b}项重点任务和责任分工。",
]


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[str], Stated, Accountability]:
    n = st.integers(0, 300)
    aspects, problems, tasks = draw(st.integers(1, 9)), draw(st.integers(1, 99)), draw(n)
    completed = draw(st.integers(0, problems))
    tenths = draw(st.integers(0, 1000))
    rate = f"{tenths // 10}.{tenths % 10}"
    pd, gs, ad, rules = draw(n), draw(n), draw(n), draw(n)
    refund = draw(st.integers(1, 9999)) / 10
    summary = [
        f"对照巡察反馈的{aspects}个方面{problems}个问题,制定{tasks}项整改措施,逐条明确责任领导。",
        f"截至目前,巡察反馈的{problems}个问题,已完成整改{completed}个,正在整改{problems - completed}个,"
        f"整改完成率{rate}%。",
        f"在巡察整改工作中,给予党纪处分{pd}人(党内警告{pd}人);政务处分{gs}人;诫勉{ad}人;"
        f"建立完善制度{rules}项;清退款项{refund}万元。",
    ]
    before = draw(st.lists(st.sampled_from(DISTRACTORS), max_size=4))
    after = draw(st.lists(st.sampled_from(DISTRACTORS), max_size=4))
    fill = {k: draw(n) for k in "abcd"} | {"p": draw(st.integers(0, 100))}
    body = [d.format(**fill) for d in before] + summary + [d.format(**fill) for d in after]
    if draw(st.booleans()):
        body = [p.translate(TO_FULL) for p in body]
    figures = Stated(aspects=aspects, problems=problems, tasks=tasks, completed=completed,
                     in_progress=problems - completed, completion_rate=float(Decimal(rate) / 100), rules_established=rules)
    refunded = int(refund * 10) * 1000
    persons = Accountability(party_discipline=pd, government_sanction=gs, admonishment=ad, refunded_yuan=refunded)
    return ["根据市委统一部署,市委第二巡察组对新区党工委进行了常规巡察。", *body], figures, persons


@given(documents())
def test_distractor_counts_are_not_summary_figures(doc: tuple[list[str], Stated, Accountability]) -> None:
    paragraphs, figures, persons = doc
    assert stated(paragraphs) == figures
    assert accountability(paragraphs) == persons


def test_distractors_alone_give_nothing() -> None:
    fill = dict(a=12, b=7, c=3, d=5, p=87)
    paragraphs = ["根据市委统一部署,市委第二巡察组进行了巡察。"] + [d.format(**fill) for d in DISTRACTORS]
    assert stated(paragraphs) == Stated()
    assert accountability(paragraphs) == Accountability()


@pytest.mark.parametrize(
    "text, figures",
    [
        ("针对巡视反馈意见12项44条,制定整改方案。", Stated(problems=44)),
        ("根据巡察反馈的4个方面15项29个问题,逐一对照。", Stated(aspects=4, problems=29)),
        ("细化分解巡视组反馈的四方面十个问题,明确一百一十五项整改措施。", Stated(aspects=4, problems=10, tasks=115)),
        ("将巡视反馈中较为突出的“生态”等5个问题专门明确为专项,同时将反馈意见细化,梳理出44项具体问题。",
         Stated(problems=44)),
        ("巡视反馈的44项具体问题中,已完成19项问题的整改销号,25项问题取得阶段性成果。",
         Stated(problems=44, completed=19, in_progress=25)),
        ("截至目前,巡察反馈的12个问题已全部完成整改。", Stated(problems=12, completed=12)),
        ("截至目前,巡察反馈的8个问题中已完成整改5个,尚未完成整改3个。", Stated(problems=8, completed=5)),
        ("对照巡视反馈问题,明确15个整改牵头单位、115项整改措施和整改完成时限。", Stated(tasks=115)),
        ("对巡察反馈问题,已完成整改6个,基本完成2个,需长期坚持的1个。",
         Stated(completed=6, basically_completed=2, long_term=1)),
        ("巡察反馈的3个方面的问题,整改措施共计48项。", Stated(aspects=3, tasks=48)),
        ("巡察反馈的问题,第三项整改措施,每一项均有责任人。", Stated()),
        ("截至2021年8月底,中央巡视反馈的87个问题中,已完成整改80个,整改完成率92%。",
         Stated(problems=87, completed=80, completion_rate=0.92)),
        ("省委巡视反馈的问题共计30个,目前已整改完成28个,其余2个正在按计划推进。",
         Stated(problems=30, completed=28, in_progress=2)),
        ("对照巡察反馈意见,共细化整改措施86条。截至目前,86条整改措施已完成79条,7条正在推进。",
         Stated(tasks=86, completed=79, in_progress=7)),
    ],
)
def test_summary_phrasings(text: str, figures: Stated) -> None:
    assert stated(["市委第二巡察组进行了巡察。", text]) == figures
    assert stated(["市委第二巡察组进行了巡察。", text.translate(TO_FULL)]) == figures


@pytest.mark.parametrize(
    "text, persons",
    [
        ("在巡察整改工作中,给予政务处分0人;组织处理0人;诫勉0人。",
         Accountability(government_sanction=0, organizational=0, admonishment=0)),
        ("在巡视整改工作中,给予党纪处分2人(党内警告1人,党内严重警告1人);组织处理2人(调离岗位1人,解聘1人)。",
         Accountability(party_discipline=2, organizational=2)),
        ("巡视整改期间,共处理3人(诫勉2人,提醒谈话1人)。", Accountability(admonishment=2, reminder=1)),
        ("巡视整改期间,给予党纪政务处分3人,移送司法机关1人。", Accountability(transferred_judicial=1)),
        ("巡察整改以来,给予4人党纪处分,对2名干部进行诫勉谈话,22人被移送司法,挽回经济损失达1.2亿元。",
         Accountability(party_discipline=4, admonishment=2, transferred_judicial=22, recovered_yuan=120000000)),
        # found by test_roundtrip: a listing may state money and name no persons
        ("在巡察整改工作中,挽回经济损失12.6万元。", Accountability(recovered_yuan=126000)),
        ("在巡视整改工作中,建立完善制度12项;清退款项3万元,挽回经济损失280万元。",
         Accountability(refunded_yuan=30000, recovered_yuan=2800000)),
    ],
)
def test_accountability_phrasings(text: str, persons: Accountability) -> None:
    assert accountability(["市委第二巡察组进行了巡察。", text]) == persons
    assert accountability(["市委第二巡察组进行了巡察。", text.translate(TO_FULL)]) == persons


def test_densest_listing_wins() -> None:
    """An item's two measures do not shadow the report's listing of three (seed 002)."""
    paragraphs = [
        "针对市委联动巡察反馈问题,协助党工委对11名相关责任人进行提醒谈话,对1名责任人进行诫勉谈话。",
        "截至目前,针对巡察反馈问题,共对9名相关责任人作出处理,给予政务处分1人,诫勉谈话2人,提醒谈话6人。",
    ]
    assert accountability(paragraphs) == Accountability(government_sanction=1, admonishment=2, reminder=6)
    # money counts among the kinds: the listing that states it wins over an item's two
    listing = "在巡察整改工作中,给予党纪处分1人,诫勉2人,清退款项3万元。"
    assert accountability([paragraphs[0], listing]) == Accountability(party_discipline=1, admonishment=2,
                                                                       refunded_yuan=30000)


def test_nothing_stated() -> None:
    assert stated([]) == Stated()
    assert accountability([]) == Accountability()


WORDS = ["巡察", "反馈", "截至目前", "问题", "个", "项", "方面", "已完成整改", "正在整改", "完成率", "%", "党纪处分",
         "人", "(", ")", ",", "。", "万元", "清退", "等", "制度", "建立", "一", "十", "3", "45", "0", "全部"]


@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=30).map("".join), max_size=5))
@example(["巡察反馈100个问题已全部完成整改,完成率150%。"]).via("a rate above 100% is not a completion rate")
def test_never_raises_on_genre_word_salad(paragraphs: list[str]) -> None:
    """Any mix of the genre's words gives valid blocks (the record classes validate)."""
    assert isinstance(stated(paragraphs), Stated)
    assert isinstance(accountability(paragraphs), Accountability)
