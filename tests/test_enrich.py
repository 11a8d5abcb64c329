"""Enrichment: segmentation for the genre, keywords, topic tags, laziness, cache, warnings."""

from __future__ import annotations

import collections
import json
import os
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from zhenggai import InputError
from zhenggai import enrich as en
from zhenggai import topics as tp
from zhenggai.record import Problem, Publisher, Record, Source
from zhenggai.testing.records import records

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(ROOT.glob("fixtures/*/*-text/*.txt"))
DATA = ROOT / "src" / "core" / "data"
TOPIC_IDS = ("party_building", "theory", "discipline", "cadres", "economy", "business_env", "finance",
             "construction", "safety_env", "livelihood", "ideology", "supervision")


def data_words(name: str) -> list[str]:
    return [w for line in (DATA / name).read_text("utf-8").splitlines() for w in line.split("#", 1)[0].split()]


def user_terms() -> list[str]:
    return data_words("userdict.txt")


def run_python(code: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter (fresh jieba state) with extra environment."""
    return subprocess.run([sys.executable, *args, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=300)


def make_record(paragraphs: tuple[str, ...], problems: tuple[Problem, ...] = ()) -> Record:
    return Record(
        doc_id="0123456789abcdef",
        source=Source(media_type="text/plain", encoding="utf-8", encoding_source="given", sha256="0" * 64),
        publisher=Publisher(plugin="generic"),
        paragraphs=paragraphs,
        problems=problems,
    )


# --- segmentation -------------------------------------------------------------------

@pytest.mark.parametrize("term", user_terms())
def test_user_dictionary_terms_are_single_tokens(term):
    assert en.segment(term) == [term]


@pytest.mark.parametrize("sentence, term", [
    ("市委第二巡察组对新区党工委进行了常规巡察", "巡察组"),
    ("省委专项巡察组对园区开展巡察", "巡察组"),
    ("组织党员干部认真学习", "党员干部"),
    ("要求全区广大党员干部从巡视整改中汲取教训", "党员干部"),
    ("修订辽东湾新区政府采购管理制度", "政府采购"),
    ("坚决做到“两个维护”,树牢“四个意识”", "两个维护"),
    ("落实全面从严治党主体责任清单", "主体责任"),
    ("召开专题民主生活会", "民主生活会"),
    ("进驻新区政务服务中心办公", "政务服务中心"),
    ("违反中央八项规定精神问题时有发生", "中央八项规定"),
    ("切实纠治“四风”问题", "四风"),
])
def test_user_dictionary_terms_stay_whole_in_context(sentence, term):
    assert term in en.segment(sentence)


def test_segment_folds_full_width_and_drops_whitespace():
    assert en.segment("ＡＢＣ　公司，２０２０年") == en.segment("ABC 公司,2020年")
    assert not any(t.isspace() for t in en.segment("巡察 整改\n落实\t情况"))


# --- keywords -----------------------------------------------------------------------

CJK_WORDS = st.sampled_from(data_words("stopwords.txt")[:300] + data_words("stopwords-derived.txt") + [
    "汨罗", "园区", "安全生产", "招投标", "国有资产", "党费", "一是", "两个", "第三", "2020", "十三五", "万元",
    "营商环境", "信访", "四风", "干部", "资金", "项目", "企业", "统一", "问题", "整改", "ABC", "5G"])
PUNCT = st.sampled_from(["，", "。", "、", ",", ";", "(", ")", " ", "\n", "“", "”"])
genre_text = st.lists(st.one_of(CJK_WORDS, PUNCT), max_size=80).map("".join)


@given(genre_text, st.integers(0, 30))
@example("切实加强巡察整改工作,进一步落实问题整改责任。", 20)
@example("一是二是三是两个第三2020年万元", 5)
def test_keywords_are_candidates_never_stop_words(text, k):
    words = en.keywords(text, k)
    assert len(words) <= k
    assert len(set(words)) == len(words)
    assert not set(words) & en.stop_words()
    assert all(en.is_candidate(w) for w in words)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_keywords_say_what_the_report_is_about(seed):
    text = seed.read_text("utf-8")
    words = en.keywords(text)
    assert len(words) == en.DEFAULT_TOP_K
    boilerplate = {"切实", "进一步", "认真", "深入", "全面", "加强", "推进", "落实", "整改", "问题", "工作",
                   "巡察", "巡视", "情况", "新区"}
    assert not boilerplate & set(words)
    assert en.keywords(text) == words


def test_keywords_rank_by_tf_idf_with_ties_in_string_order():
    # Words the IDF table does not list all weigh the same: ties go to the smaller string.
    text = "风花雪月 琴棋书画 琴棋书画 风花雪月 书画"
    assert en.keywords(text) == ["琴棋书画", "风花雪月", "书画"]
    assert en.keywords(text, 1) == ["琴棋书画"]
    assert en.keywords(text, 0) == []


def test_keywords_weigh_by_the_shipped_idf():
    rows = [line.split("\t") for line in (DATA / "idf.txt").read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    common = next(w for w, _idf, df in rows if int(df) >= 5 and en.segment(w) == [w] and en.is_candidate(w))
    # Once each: the word unseen in the folder (highest idf) comes before the common one.
    assert en.keywords(f"{common} 琴棋书画") == ["琴棋书画", common]


@pytest.mark.parametrize("bad", [-1, 1.5, "3", True])
def test_keywords_reject_a_bad_k(bad):
    with pytest.raises(InputError):
        en.keywords("营商环境", bad)


@pytest.mark.parametrize("call", [
    lambda: en.keywords(b"bytes"), lambda: en.segment(None), lambda: en.topics_of(1),
    lambda: en.topics_of("x", heading=2), lambda: en.enrich({"paragraphs": []}),
])
def test_bad_input_raises_input_error(call):
    with pytest.raises(InputError):
        call()


# --- topics -------------------------------------------------------------------------

def test_taxonomy_has_the_twelve_documented_topics():
    assert tuple(en.TAXONOMY) == TOPIC_IDS
    docs = (ROOT / "docs" / "topics.md").read_text("utf-8")
    for topic in en.TAXONOMY.values():
        assert topic.terms and topic.label and topic.label_zh
        assert f"`{topic.id}`" in docs and topic.label in docs


@pytest.mark.parametrize("topic, heading, text", [
    ("party_building", "基层党组织建设薄弱,“三会一课”制度落实不到位", ""),
    ("theory", "落实“第一议题”制度有偏差", ""),
    ("discipline", "违规发放津补贴", ""),
    ("discipline", "整治形式主义官僚主义有待加强", ""),
    ("cadres", "干部选拔任用程序不规范", ""),
    ("economy", "招商引资项目履约不到位", ""),
    ("business_env", "优化营商环境还有差距", ""),
    ("finance", "国有资产管理不到位,专项资金使用不规范", ""),
    ("construction", "工程建设规避招投标", ""),
    ("safety_env", "安全隐患排查未能做到全覆盖", ""),
    ("livelihood", "信访积案化解不力", ""),
    ("ideology", "意识形态工作责任制落实不到位", ""),
    ("supervision", "审计整改不到位,整改成果运用不够", ""),
    # No heading term: three distinct terms of one topic in the text suffice.
    ("safety_env", "", "开展隐患排查,配齐应急物资,加强危险化学品监管。"),
    ("finance", "", "规范财务管理,加强预算执行和资金监管。"),
])
def test_topic_positives(topic, heading, text):
    assert topic in en.topics_of(text, heading=heading)


@pytest.mark.parametrize("topic, heading, text", [
    # Token-level matching: 统一 is not 一, 安全感 is not 安全生产, 工程师 is not 工程.
    ("party_building", "统一思想,统一行动", ""),
    ("construction", "聘请工程师开展培训", ""),
    ("safety_env", "增强群众安全感", ""),
    # One or two terms in the text only are not enough.
    ("finance", "", "加强资金监管。"),
    ("cadres", "", "组织干部学习。加强人才培养。"),
    # A group heading's topic yields to the problem's own evidence.
    ("discipline", "", "整治违规占地,规范土地出让和招投标,加强工程建设管理。"),
])
def test_topic_negatives(topic, heading, text):
    assert topic not in en.topics_of(text, heading=heading, parent="落实全面从严治党主体责任不到位")


def test_a_problem_with_no_evidence_of_its_own_takes_its_groups_topic():
    assert en.topics_of("", heading="", parent="落实全面从严治党主体责任不到位") == ("discipline",)


def test_group_heading_plus_one_text_term_tags():
    parent = "落实全面从严治党主体责任不到位"
    assert en.topics_of("压实一岗双责。", parent=parent) == ("discipline",)
    assert en.topics_of("压实一岗双责。") == ()


def test_minor_text_topics_give_way_to_the_dominant_one():
    # safety_env: 7 distinct terms; finance: 3 (财务管理, 预算, 预算执行), under half of 7.
    text = "开展隐患排查,配齐应急物资,加强危险化学品监管和消防安全检查,落实安全生产责任,整治大气污染。规范财务管理,加强预算执行。"
    assert en.topics_of(text) == ("safety_env",)
    assert set(en.topics_of(text, heading="财务管理存在漏洞")) == {"finance", "safety_env"}


def test_decide_rule():
    hits = lambda **kw: {t: frozenset(v) for t, v in kw.items()}  # noqa: E731
    assert tp.decide(hits(a={"x"}), {}, {}) == ("a",)
    assert tp.decide({}, hits(a={"x"}), hits(a={"y"})) == ("a",)
    assert tp.decide({}, hits(a={"x"}), {}) == ("a",)  # the group's topic, as a fallback
    assert tp.decide({}, hits(a={"x"}), hits(b={"y", "z", "w"})) == ("b",)
    assert tp.decide({}, {}, hits(a={"x", "y", "z"}, b={"u", "v", "w"})) == ("a", "b")
    # b (3) is under half of a (7): dropped, a heading term scoring like any other hit.
    assert tp.decide({}, {}, hits(a=set("abcdefg"), b={"u", "v", "w"})) == ("a",)
    assert tp.decide(hits(b={"u"}), {}, hits(a=set("abcdefghij"))) == ("a",)
    assert tp.decide(hits(b={"u"}), {}, hits(a=set("abcde"))) == ("a", "b")
    # nothing reaches THRESHOLD: the best topic with a score of FALLBACK still tags
    assert tp.decide({}, {}, hits(a={"x", "y"}, b={"z"})) == ("a",)
    assert tp.decide({}, {}, hits(a={"x"})) == ()
    # at most MAX_TOPICS, the best-scoring ones
    many = hits(a=set("abcdef"), b=set("ghijk"), c=set("lmno"), d=set("pqr"))
    assert tp.decide({}, {}, many) == ("a", "b", "c")


def test_tagger_matches_token_sequences_not_characters():
    taxonomy = tp.load_taxonomy("[t]\nlabel = T\nlabel_zh = 测\nterms = 一 违规 发放 违规发放 吃喝\n")
    tagger = tp.Tagger(taxonomy, en.segment)
    assert tagger.hits([en.segment("统一思想")]) == {}
    assert tagger.hits([en.segment("一")]) == {"t": frozenset({"一"})}
    assert tagger.hits([en.segment("违规发放奖金")]) == {"t": frozenset({"违规", "发放", "违规发放"})}
    # A term never spans two chunks.
    assert tagger.hits([en.segment("违规"), en.segment("发放")]) == {"t": frozenset({"违规", "发放"})}


@pytest.mark.parametrize("text, message", [
    ("terms = x", "malformed"),
    ("[Bad-Id]\nlabel = a\nlabel_zh = b\nterms = c", "lower_snake_case"),
    ("[a]\nlabel = a\nlabel_zh = b\n", "no terms"),
    ("[a]\nlabel_zh = b\nterms = c", "no label"),
    ("# nothing", "no topic"),
])
def test_load_taxonomy_rejects_malformed_files(text, message):
    with pytest.raises(InputError, match=message):
        tp.load_taxonomy(text)


def test_load_taxonomy_rejects_non_text():
    with pytest.raises(InputError):
        tp.load_taxonomy(b"[a]")


def test_load_taxonomy_reads_comments_and_dedups_terms():
    taxonomy = tp.load_taxonomy("# c\n[a]\nlabel = A\nlabel_zh = 甲\nterms =\n    x y # note\n    # skipped\n\n    y z\n")
    assert taxonomy["a"] == tp.Topic("a", "A", "甲", ("x", "y", "z"))


# --- enrich on records ------------------------------------------------------------

def seed_record(path: Path) -> Record:
    """The seed's lines as paragraphs; every paragraph with a 关于“…” quote is a problem."""
    paragraphs = tuple(line.strip() for line in path.read_text("utf-8").splitlines() if line.strip())
    problems = tuple(Problem(id=f"#{i}", title=p.split("。", 1)[0], text=p, path=(paragraphs[i - 1],))
                     for i, p in enumerate(paragraphs) if i and "关于“" in p)
    return make_record(paragraphs, problems)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_enrich_fills_keywords_and_topics(seed):
    record = seed_record(seed)
    out = en.enrich(record)
    assert out.keywords == tuple(en.keywords("\n".join(record.paragraphs)))
    assert out.topics == dict(collections.Counter(t for p in out.problems for t in p.topics))
    for before, after in zip(record.problems, out.problems):
        assert after.topics == en.topics_of(before.text, heading=before.title, parent=before.path[-1])
        assert attrs.evolve(after, topics=()) == before
    assert attrs.evolve(out, keywords=(), topics={}, problems=record.problems) == record
    assert en.enrich(record) == out


@given(records())
def test_enrich_any_valid_record(record):
    out = en.enrich(record)
    assert set(out.topics) <= set(en.TAXONOMY)
    assert out.topics == dict(collections.Counter(t for p in out.problems for t in p.topics))
    assert all(p.topics == tuple(sorted(set(p.topics))) for p in out.problems)
    assert attrs.evolve(out, keywords=record.keywords, topics=record.topics,
                        problems=tuple(attrs.evolve(p, topics=q.topics) for p, q in zip(out.problems, record.problems))
                        ) == record


@given(st.lists(st.text(st.sampled_from("统一安全生产干部选拔任用资金预算审计,。关于“”的问题 \u3000"), min_size=1, max_size=40),
                min_size=1, max_size=6), st.data())
def test_body_span_reads_tokens_inside_the_part(paragraphs, data):
    body = en._Body(tuple(paragraphs))
    i = data.draw(st.integers(0, len(paragraphs) - 1))
    a = data.draw(st.integers(0, len(paragraphs[i]) - 1))
    b = data.draw(st.integers(a + 1, len(paragraphs[i])))
    part = paragraphs[i][a:b]
    tokens = body.span(part)
    assert "".join(tokens) in en.fold(part)
    assert body.span(paragraphs[i]) == body.tokens[paragraphs.index(paragraphs[i])]
    assert body.span("不在正文中的句子") == en._tokens("不在正文中的句子")


def test_enrich_is_the_same_whatever_the_hash_seed(tmp_path):
    code = """
        import json, sys
        sys.path.insert(0, sys.argv[1])
        from test_enrich import seed_record, SEEDS
        from zhenggai import enrich
        out = [enrich.enrich(seed_record(s)) for s in SEEDS]
        print(json.dumps([[r.keywords, r.topics, [p.topics for p in r.problems]] for r in out], ensure_ascii=False))
    """
    outs = set()
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", textwrap.dedent(code), str(ROOT / "tests")], capture_output=True,
                              text=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=300)
        assert done.returncode == 0, done.stderr
        outs.add(done.stdout)
    assert len(outs) == 1 and json.loads(outs.pop())


# --- laziness, cache, warnings ---------------------------------------------------

def test_importing_zhenggai_does_not_import_jieba():
    done = run_python("import zhenggai, zhenggai.enrich, zhenggai.topics, sys; assert 'jieba' not in sys.modules", {})
    assert done.returncode == 0, done.stderr


def test_normalize_without_enrichment_never_imports_jieba():
    done = run_python(f"""
        import sys, zhenggai
        record = zhenggai.normalize({str(SEEDS[0])!r}, enrich=False)
        assert record.keywords == () and record.topics == {{}}
        assert 'jieba' not in sys.modules
    """, {})
    assert done.returncode == 0, done.stderr


def test_cache_goes_to_the_configured_directory(tmp_path):
    cache = tmp_path / "deep" / "cache"
    shared = Path("/tmp/jieba.cache")
    before = shared.stat().st_mtime_ns if shared.exists() else None
    done = run_python("from zhenggai import enrich; print(enrich.segment('巡察组'))", {en.CACHE_ENV: str(cache)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['巡察组']"
    assert [p.name for p in cache.iterdir()] == ["jieba.cache"]
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache / "jieba.cache").stat().st_mode) & 0o022 == 0
    assert (shared.stat().st_mtime_ns if shared.exists() else None) == before


def test_default_cache_directory_is_the_platform_user_cache(monkeypatch):
    import platformdirs

    monkeypatch.delenv(en.CACHE_ENV, raising=False)
    assert en.cache_dir() == Path(platformdirs.user_cache_dir("zhenggai"))
    monkeypatch.setenv(en.CACHE_ENV, "~/zg")
    assert en.cache_dir() == Path.home() / "zg"


def test_unusable_cache_directory_still_works_quietly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    done = run_python("from zhenggai import enrich; print(enrich.keywords('营商环境 营商环境 信访'))",
                      {en.CACHE_ENV: str(blocker / "cache")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['营商环境', '信访']"
    assert done.stderr == ""


def test_no_warning_or_log_line_reaches_the_user(tmp_path):
    # A fresh bytecode cache makes Python compile jieba's sources, which warns about
    # their invalid escape sequences; -W error turns any warning that escapes into a failure.
    done = run_python("""
        from zhenggai import enrich
        enrich.enrich  # public API only
        print(enrich.keywords('坚持以习近平新时代中国特色社会主义思想为指导'))
        print(enrich.topics_of('', heading='违规发放津补贴'))
    """, {en.CACHE_ENV: str(tmp_path / "cache"), "PYTHONPYCACHEPREFIX": str(tmp_path / "pyc")}, "-W", "error")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "('discipline',)" in done.stdout


def test_initialization_happens_once_across_threads():
    calls = []
    barrier = threading.Barrier(8)

    def factory():
        calls.append(1)
        return object()

    get = en._once(factory)
    results = []

    def worker():
        barrier.wait()
        results.append(get())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len({id(r) for r in results}) == 1


# --- agreement --------------------------------------------------------------------

def test_agreement_on_handmade_labels():
    gold = {"p1": ("discipline",), "p2": ("finance", "construction"), "p3": (), "p4": ("cadres",)}
    predicted = {"p1": ("discipline",), "p2": ("finance",), "p3": ("economy",), "extra": ("theory",)}
    result = tp.agreement(predicted, gold)
    assert result["problems"] == 4
    assert result["exact_match"] == 0.25
    assert result["topics"]["discipline"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "gold": 1, "predicted": 1}
    assert result["topics"]["construction"] == {"precision": None, "recall": 0.0, "f1": None, "gold": 1,
                                                "predicted": 0}
    assert result["topics"]["economy"] == {"precision": 0.0, "recall": None, "f1": None, "gold": 0, "predicted": 1}
    assert result["topics"]["cadres"]["recall"] == 0.0
    assert "theory" not in result["topics"]
    # micro: tp 2 (p1 discipline, p2 finance), fp 1 (economy), fn 2 (construction, cadres)
    assert result["micro"]["precision"] == pytest.approx(2 / 3)
    assert result["micro"]["recall"] == pytest.approx(0.5)
    assert result["micro"]["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert json.dumps(result)


def test_agreement_edge_cases():
    assert tp.agreement({}, {}) == {"problems": 0, "exact_match": None, "topics": {},
                                    "micro": {"precision": None, "recall": None, "f1": None}}
    wrong = tp.agreement({"p": ("a",)}, {"p": ("b",)})
    assert wrong["exact_match"] == 0.0 and wrong["micro"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert en.agreement is tp.agreement


@pytest.mark.parametrize("predicted, gold", [
    ({"p": "discipline"}, {"p": ("discipline",)}),
    ({"p": ("discipline",)}, [("p", ("discipline",))]),
    ({1: ("discipline",)}, {"p": ()}),
    ({}, {"p": (None,)}),
])
def test_agreement_rejects_malformed_labels(predicted, gold):
    with pytest.raises(InputError):
        tp.agreement(predicted, gold)


# --- the lexicon builder ----------------------------------------------------------

def load_script():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_lexicon_from_any_folder(tmp_path, capsys):
    reports = tmp_path / "reports"
    (reports / "sub").mkdir(parents=True)
    (reports / "a.txt").write_text("营商环境 信访 甲乙丙丁 切实", encoding="utf-8")
    (reports / "b.txt").write_text("营商环境 信访 审计", encoding="utf-8")
    (reports / "sub" / "c.txt").write_bytes("营商环境 招投标".encode("gb18030"))
    (reports / "skip.html").write_text("营商环境", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    script = load_script()
    assert script.main([str(reports), "--out", str(out), "--stop-share", "0.9"]) == 0
    assert "3 reports" in capsys.readouterr().out
    derived = [line for line in (out / "stopwords-derived.txt").read_text("utf-8").splitlines()
               if not line.startswith("#")]
    assert derived == ["营商环境"]  # in 3 of 3 reports
    idf_text = (out / "idf.txt").read_text("utf-8")
    rows = {w: (float(i), int(df)) for w, i, df in
            (line.split("\t") for line in idf_text.splitlines() if not line.startswith("#"))}
    assert rows["信访"] == (pytest.approx(1 + __import__("math").log(4 / 3), abs=1e-6), 2)
    assert rows["招投标"][1] == 1 and "营商环境" not in rows and "切实" not in rows
    assert "# unseen: 2.386294" in idf_text  # 1 + ln(4)
    first = idf_text
    script.main([str(reports), "--out", str(out), "--stop-share", "0.9"])
    assert (out / "idf.txt").read_text("utf-8") == first


def test_build_lexicon_rejects_bad_arguments(tmp_path):
    script = load_script()
    for argv in ([str(tmp_path / "missing")], [str(tmp_path)], [str(tmp_path), "--stop-share", "0"]):
        with pytest.raises(SystemExit):
            script.main(argv)


def test_shipped_tables_parse():
    table, unseen = en._load_idf()
    assert table and unseen >= max(table.values())
