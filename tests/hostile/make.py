"""Build the hostile inputs of issue 7: broken, binary, misencoded and pathological pages.

Run ``python tests/hostile/make.py [DIR]`` to (re)write them (default: this folder).
The output is deterministic (no clock, no randomness: "random" bytes come from a
SHA-256 counter stream, the PNG uses stored deflate blocks), so the committed files can
be checked against this script (``tests/test_hostile.py`` does; the gzip blob is
compared after decompression, as zlib builds may compress differently).

Only small inputs are committed. The big ones (over the size limit, a 100,000-char
line, 30,000 nested ``<div>``, 30,000 unclosed ``<font>``) come from ``big_inputs()``,
which the tests call to write them next to the small ones at test time.

``EXPECTED`` says what each input must give: ``"record"`` (with or without the
warning that the page is not a report) or the name of the ``zhenggai.errors`` type.
It is written from what the input is, not from what the code happens to do.
"""

from __future__ import annotations

import gzip
import hashlib
import struct
import sys
import zlib
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent

# A short rectification report in the genre's conventions (GB/T 9704 headings, status
# lines, signature block) from a made-up county, so that no plugin's place names match.
TITLE = "中共青山县农业农村局党组关于县委巡察整改进展情况的通报"
REPORT = (
    "根据县委统一部署，2023年3月1日至4月30日，县委第一巡察组对县农业农村局党组开展了常规巡察。"
    "6月5日，县委第一巡察组向县农业农村局党组反馈了巡察意见。按照巡察工作有关要求，"
    "现将巡察整改进展情况予以公布。",
    "一、整改工作的组织落实情况",
    "局党组把巡察整改作为重要政治任务，成立整改工作领导小组，制定整改方案，逐项明确责任人和完成时限。"
    "截至目前，巡察反馈的2个方面4个问题，已完成整改3个，正在整改1个。",
    "二、巡察反馈问题的整改落实情况",
    "（一）贯彻落实党的路线方针政策和县委决策部署方面",
    "1.学习贯彻党的创新理论不够深入。",
    "整改情况：一是制定理论学习中心组学习计划，全年开展集中学习12次；二是开展专题研讨4次。已完成整改。",
    "2.推进乡村振兴重点任务有差距。",
    "整改情况：一是梳理重点任务清单，明确23项具体措施；二是建立月调度机制。正在整改，长期坚持。",
    "（二）落实全面从严治党责任方面",
    "1.“一岗双责”落实不到位。",
    "整改情况：一是签订责任书36份；二是开展廉政谈话48人次。已完成整改。",
    "2.财务管理不规范。",
    "整改情况：一是修订财务管理制度5项；二是清退违规发放补贴2.6万元。已完成整改。",
    "三、下一步工作打算",
    "局党组将持续巩固巡察整改成果，建立健全长效机制，推动巡察整改常态化长效化。",
    "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
    "联系电话：0000-1234567；电子邮箱：qsnyj@example.com。",
    "中共青山县农业农村局党组",
    "2023年12月20日",
)

CHROME_HEAD = ("<div class=\"top\"><a href=\"/\">青山县人民政府</a></div>\n"
               "<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li>"
               "<li><a href=\"/xcxs/\">巡视巡察</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul></div>\n"
               "<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/xcxs/\">巡视巡察</a></div>\n")
CHROME_FOOT = ("<div class=\"footer\"><p>主办：青山县人民政府办公室　版权所有</p>"
               "<p>网站标识码：0000000000　备案号：X ICP备00000000号</p></div>\n")


def page(title: str, paragraphs: tuple[str, ...] | list[str], *, charset: str = "utf-8",
         date: str = "2023-12-21 09:30") -> str:
    """A government-site page: head with title and charset, chrome, the article, footer."""
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"{charset}\">\n<title>{escape(title)}</title>\n"
            f"</head>\n<body>\n{CHROME_HEAD}<div class=\"article\">\n<h1>{escape(title)}</h1>\n"
            f"<div class=\"info\">发布时间：{date}　来源：青山县农业农村局</div>\n"
            f"<div class=\"content\">\n{body}\n</div>\n</div>\n{CHROME_FOOT}</body>\n</html>\n")


def stream(label: str, size: int) -> bytes:
    """``size`` bytes that look random, the same on every run (SHA-256 in counter mode)."""
    out = bytearray()
    block = 0
    while len(out) < size:
        out += hashlib.sha256(f"{label}:{block}".encode()).digest()
        block += 1
    return bytes(out[:size])


def png(width: int, height: int) -> bytes:
    """A complete, valid grayscale PNG (stored deflate: the same bytes with any zlib)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + bytes((x * 255 // max(width - 1, 1)) for x in range(width)) for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows, 0)) + chunk(b"IEND", b"")


def report_page(charset: str = "utf-8") -> str:
    """The control report as a page declaring ``charset`` (the text is not encoded here)."""
    return page(TITLE, REPORT, charset=charset)


def news_article() -> str:
    """A government news item from a Liaoning city: place names, no rectification."""
    return page("大连市召开全市安全生产工作会议", (
        "12月18日，大连市召开全市安全生产工作会议，传达学习全国安全生产电视电话会议精神，"
        "部署今冬明春安全生产工作。",
        "会议指出，各地区各部门要坚持人民至上、生命至上，压紧压实安全生产责任，"
        "深入开展重点行业领域安全隐患排查整治。",
        "会议要求，要加强元旦春节期间值班值守，严格落实领导带班和24小时值班制度，"
        "确保全市安全生产形势持续稳定。",
        "市应急管理局、市住房城乡建设局等部门负责同志作交流发言。",
    ))


def list_page() -> str:
    """A column's list page: nothing but links to reports, with dates."""
    items = "\n".join(
        f"<li><a href=\"/xcxs/2023{m:02d}/t{m}.html\">中共青山县{unit}党组关于巡察整改进展情况的通报</a>"
        f"<span>2023-{m:02d}-15</span></li>"
        for m, unit in enumerate(("农业农村局", "教育局", "卫生健康局", "交通运输局", "自然资源局",
                                  "水利局", "财政局", "民政局"), start=1))
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>巡视巡察-青山县人民政府</title></head>\n"
            f"<body>\n{CHROME_HEAD}<div class=\"list\"><h2>巡视巡察</h2><ul>\n{items}\n</ul>\n"
            f"<div class=\"page\"><a href=\"?p=1\">首页</a> <a href=\"?p=2\">下一页</a> <a href=\"?p=9\">尾页</a></div>"
            f"</div>\n{CHROME_FOOT}</body></html>\n")


def empty_template() -> str:
    """A CMS article template whose fields were never filled: chrome only."""
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title></title></head>\n<body>\n{CHROME_HEAD}"
            "<div class=\"article\"><h1></h1><div class=\"info\">发布时间：　来源：</div>"
            "<div class=\"content\"></div>\n<div class=\"tools\"><a href=\"javascript:window.print()\">【打印】</a>"
            "<a href=\"javascript:window.close()\">【关闭】</a></div></div>\n"
            f"{CHROME_FOOT}</body></html>\n")


def soup_mismatched() -> str:
    """Unclosed <p>/<td>, mismatched nesting (<b><i></b></i>), stray end tags."""
    parts = [f"<p><b>{escape(p)}<i></b> </i>" if i % 2 else f"<td><font color=red>{escape(p)}</div></span>"
             for i, p in enumerate(REPORT)]
    return f"<html><head><title>{TITLE}</title><body><table><tr>{''.join(parts)}</table></html></body>"


def soup_script_unclosed() -> str:
    """A <script> never closed in the middle of the body: the rest is script text."""
    paras = [f"<p>{escape(p)}</p>" for p in REPORT]
    return page(TITLE, ()).replace("<div class=\"content\">\n", "<div class=\"content\">\n" + "".join(paras[:4])
                                   + "<script>var hits = '<p>" + "".join(paras[4:]))


def soup_comment_unclosed() -> str:
    """A comment opened and never closed after the first paragraphs."""
    paras = [f"<p>{escape(p)}</p>" for p in REPORT]
    return page(TITLE, ()).replace("<div class=\"content\">\n", "<div class=\"content\">\n" + "".join(paras[:3])
                                   + "<!-- 正文开始 " + "".join(paras[3:]))


def small_inputs() -> dict[str, bytes]:
    """The committed hostile inputs: file name → bytes."""
    report_utf8 = report_page().encode("utf-8")
    report_gbk = report_page("gbk").encode("gb18030")
    cut = report_gbk.index(REPORT[-4].encode("gb18030")) + 1  # after the 1st byte of a 2-byte char
    assert report_gbk[cut - 1] >= 0x81
    body_start = report_gbk.index(b"<div class=\"content\">")
    html = report_page()
    half = html.index("（二）")
    mixed = html[:half].encode("utf-8") + html[half:].encode("gb18030")
    repeated = page(TITLE, REPORT * 3)
    return {
        "empty.html": b"",
        "whitespace-only.txt": b" \t\r\n  \n \n",
        "bom-only.html": b"\xef\xbb\xbf",
        "nul.html": b"\x00",
        "random-bytes.html": stream("random-bytes", 4096),
        "png-header.html": png(16, 16)[:33],
        "image-png.html": png(64, 48),
        "gzip-blob.html": gzip.compress(report_utf8, compresslevel=9, mtime=0),
        "soup-mismatched.html": soup_mismatched().encode("utf-8"),
        "soup-script-unclosed.html": soup_script_unclosed().encode("utf-8"),
        "soup-comment-unclosed.html": soup_comment_unclosed().encode("utf-8"),
        "news-article.html": news_article().encode("utf-8"),
        "list-page.html": list_page().encode("utf-8"),
        "empty-template.html": empty_template().encode("utf-8"),
        "control-report.html": report_utf8,
        "gbk-truncated-mid-char.html": report_gbk[:cut],
        "gbk-declared-utf8.html": report_page("utf-8").encode("gb18030"),
        "gbk-body-only.html": report_gbk[body_start:],
        "utf16le-no-bom.html": report_page("utf-16").encode("utf-16-le"),
        "utf16be-no-bom.txt": "\n".join((TITLE, *REPORT)).encode("utf-16-be"),
        "mixed-utf8-gbk.html": mixed,
        "body-repeated-3x.html": repeated.encode("utf-8"),
        "yishi-10000.txt": ("一是" * 10_000).encode("utf-8"),
        "yishi-lines.txt": "\n".join([TITLE, *(f"一是加强{i}。" for i in range(1_000))]).encode("utf-8"),
        "marker-run-paren.txt": ("（一）" * 3_000).encode("utf-8"),
        "marker-run-dotted.txt": ("1." * 10_000).encode("utf-8"),
        "marker-run-mixed.html": page(TITLE, ["一、（一）1.（1）①" * 400, "二、" * 2_000]).encode("utf-8"),
        "punctuation-run.txt": (TITLE + "\n" + "，。、；：“”（）《》…—" * 600).encode("utf-8"),
    }


# Outcome per input: "record" means a record (a page that is no report gets one with a
# warning, see docs/errors.md); otherwise the zhenggai.errors type the input must raise.
# Binary files give DecodeError; a page with no text once its chrome is gone (the empty
# template) is an empty input.
EXPECTED: dict[str, str] = {
    "empty.html": "EmptyInputError",
    "whitespace-only.txt": "EmptyInputError",
    "bom-only.html": "EmptyInputError",
    "nul.html": "EmptyInputError",
    "random-bytes.html": "DecodeError",
    "png-header.html": "DecodeError",
    "image-png.html": "DecodeError",
    "gzip-blob.html": "DecodeError",
    "soup-mismatched.html": "record",
    "soup-script-unclosed.html": "record",
    "soup-comment-unclosed.html": "record",
    "news-article.html": "record",
    "list-page.html": "record",
    "empty-template.html": "EmptyInputError",
    "control-report.html": "record",
    "gbk-truncated-mid-char.html": "record",
    "gbk-declared-utf8.html": "record",
    "gbk-body-only.html": "record",
    "utf16le-no-bom.html": "record",
    "utf16be-no-bom.txt": "record",
    "mixed-utf8-gbk.html": "record",
    "body-repeated-3x.html": "record",
    "yishi-10000.txt": "record",
    "yishi-lines.txt": "record",
    "marker-run-paren.txt": "record",
    "marker-run-dotted.txt": "record",
    "marker-run-mixed.html": "record",
    "punctuation-run.txt": "record",
}


def big_inputs(max_bytes: int) -> dict[str, bytes]:
    """The inputs too big to commit, built at test time: file name → bytes.

    ``too-large.html`` is one byte over ``max_bytes`` (the limit the test passes to
    ``--max-bytes``); the others are under it when ``max_bytes`` >= 1 MiB.
    """
    line = "".join(REPORT[2:-2])
    long_line = (line * (100_000 // len(line) + 1))[:100_000]
    text = escape(REPORT[0])
    return {
        "too-large.html": report_page().encode("utf-8").ljust(max_bytes + 1, b" "),
        "long-line.txt": f"{TITLE}\n{long_line}\n".encode("utf-8"),
        "long-line.html": page(TITLE, [long_line]).replace("\n", "").encode("utf-8"),
        "nested-div.html": ("<html><body>" + "<div>" * 30_000 + text + "</div>" * 30_000
                            + "</body></html>").encode("utf-8"),
        "unclosed-font.html": ("<html><body>" + "<font size=3>" * 30_000 + text).encode("utf-8"),
    }


BIG_EXPECTED: dict[str, str] = {
    "too-large.html": "InputTooLargeError",
    "long-line.txt": "record",
    "long-line.html": "record",
    "nested-div.html": "record",
    "unclosed-font.html": "record",
}


def main(argv: list[str]) -> int:
    """Write the small inputs to ``argv[0]`` (default: this folder)."""
    out = Path(argv[0]) if argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    inputs = small_inputs()
    assert set(inputs) == set(EXPECTED), "every input needs an expected outcome"
    for name, data in sorted(inputs.items()):
        (out / name).write_bytes(data)
    print(f"wrote {len(inputs)} inputs, {sum(map(len, inputs.values()))} bytes, to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
