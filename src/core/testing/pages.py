"""Realistic web pages for reports: the page templates behind the HTML fixtures.

Government sites publish rectification reports inside a lot of chrome: banners,
navigation menus, breadcrumbs, 发布时间/来源 lines, sidebars of related articles,
打印/关闭 links, 上一篇/下一篇 links and footers with 版权所有, ICP numbers and the
网站标识码. ``render_page`` wraps a report's title and paragraphs in the chrome of one
of five *kinds* of site, modelled on the sites the seed reports were scraped from:

``liaoning_pj``
    盘锦辽滨沿海经济技术开发区: an old table-layout CMS (nested tables, ``<font>``,
    ``&nbsp;`` indentation, welcome banner, 关闭 打印, 上一篇/下一篇).
``liaoning_jp``
    大连金普新区: a table-layout CMS whose article body mixes ``<p>`` paragraphs with
    ``<div>`` blocks of ``<br>``-separated lines; 发布时间, 责编, 【打印】.
``fujian``
    泉州鲤城: a div-layout government portal; 来源/发布时间 line, 【责任编辑:…】.
``hunan``
    巴陵风纪网-style discipline-commission site: column title, 编辑/发表时间/来源/浏览次数
    line, a 【巡察整改】 (or 【巡视整改】) prefix on the article title.
``zhejiang``
    a site reposting the report: 原文链接 and a 【免责声明】 paragraph after the body.

Every page has a doctype, ``<head>`` with ``<title>`` and the charset declaration,
``<meta>`` tags of the kind's CMS, ``<style>`` and ``<script>`` blocks whose Chinese text
must never reach extracted text, a navigation menu, a sidebar of related articles, the
article and a footer. Chrome shows only the metadata it is given (a page without
``published_at`` shows no date anywhere), so a fixture's expectations can be read off the
seed it renders.

Paragraph conventions: each paragraph is HTML-escaped; an empty (or blank) paragraph is
rendered as an empty spacer paragraph (``<p>&nbsp;</p>``), as pasted-from-Word pages
have them; a newline inside a paragraph is a line break (``<br>``) *within* it, the way
hard-wrapped paragraphs look on real pages. Output is deterministic: no randomness, no
clock. Pages are plain strings; ``encode_page`` turns them into the bytes a server sends.
"""

from __future__ import annotations

import bisect
import codecs
import re
import zlib
from html import escape
from typing import Callable, NamedTuple, Optional, Sequence

from ..errors import InputError
from ..text import SPACES

__all__ = ["KINDS", "encode_page", "render_page", "widen_punctuation"]

KINDS: tuple[str, ...] = ("liaoning_pj", "liaoning_jp", "fujian", "hunan", "zhejiang")

# --------------------------------------------------------------------------------------
# widen_punctuation
# --------------------------------------------------------------------------------------

_WIDE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_CANDIDATE = re.compile(r"[,:;?!()]")
# URLs keep their ASCII punctuation. One literal prefix, then one character class: linear.
_URL = re.compile(r"(?:https?|ftp)://[!-~]+|www\.[!-~]+")
_URL_TRAILING = ",;:!?"
_SKIP = frozenset(SPACES) - {"\n"}
_WIDE_CHAR = re.compile("[^\x00-\x7f" + re.escape("".join(sorted(_SKIP))) + "]")
_NON_DIGIT = re.compile(r"\D")


def _is_wide(ch: str) -> bool:
    """A character that makes its neighbourhood Chinese text (CJK, full-width marks, “”)."""
    return ch > "\x7f" and ch not in _SKIP


def widen_punctuation(text: str) -> str:
    """Convert ASCII punctuation to its full-width twin where a Chinese page prints it.

    Archives often store reports with ASCII punctuation (``,`` ``:`` ``(``); the pages
    they came from printed ``，`` ``：`` ``（``. This restores that: ``, : ; ? !`` become
    full-width when the nearest non-space character on either side is Chinese text
    (or other full-width punctuation); a pair of parentheses becomes full-width when
    what it encloses or what surrounds it is. It leaves alone ``,`` and ``:`` between
    two digits (``3.4:76.1:20.5``, ``23:00``, ``1,000``), URLs (``http://…``,
    ``www.…``), and everything else (``.`` ``-`` ``%`` ``"`` ``<>``), so numbers,
    times, phone numbers, e-mail addresses and document numbers keep their form.

    One character for one character: ``zhenggai.text.fold(widen_punctuation(s)) == s``
    for any ``s`` without full-width punctuation. Linear in ``len(text)``.
    """
    protected = []  # (start, end) of URLs, in order
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in _URL_TRAILING:
            end -= 1
        protected.append((m.start(), end))
    candidates = [i for i in (m.start() for m in _CANDIDATE.finditer(text))
                  if not _inside(protected, i)]
    if not candidates:
        return text
    n = len(text)
    wide_positions = [m.start() for m in _WIDE_CHAR.finditer(text)]

    def neighbour(i: int, step: int) -> int:
        """Index of the nearest non-space character from ``i`` in direction ``step``."""
        k = i + step
        while 0 <= k < n and text[k] in _SKIP:
            k += step
        return k

    def wide_at(k: int) -> bool:
        return 0 <= k < n and _is_wide(text[k])

    def wide_between(a: int, b: int) -> bool:
        k = bisect.bisect_right(wide_positions, a)
        return k < len(wide_positions) and wide_positions[k] < b

    widen: set[int] = set()
    stack: list[int] = []
    lone: list[int] = []
    for i in candidates:
        if text[i] == "(":
            stack.append(i)
        elif text[i] == ")":
            if not stack:
                lone.append(i)
                continue
            j = stack.pop()
            if wide_between(j, i) or wide_at(neighbour(j, -1)) or wide_at(neighbour(i, 1)):
                widen.update((j, i))
    for i in lone + stack:
        if wide_at(neighbour(i, -1)) or wide_at(neighbour(i, 1)):
            widen.add(i)

    for i in candidates:
        ch = text[i]
        if ch in "()":
            continue
        if ch in ",:" and 0 < i < n - 1 and "0" <= text[i - 1] <= "9" and "0" <= text[i + 1] <= "9":
            continue
        before, after = neighbour(i, -1), neighbour(i, 1)
        if wide_at(before) or before in widen or wide_at(after) or after in widen:
            widen.add(i)

    if not widen:
        return text
    chars = list(text)
    for i in widen:
        chars[i] = _WIDE[chars[i]]
    return "".join(chars)


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    """True when ``i`` falls in one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, (i + 1,)) - 1  # the last span starting at or before i
    return k >= 0 and i < spans[k][1]


# --------------------------------------------------------------------------------------
# encode_page
# --------------------------------------------------------------------------------------

# Labels resolved as browsers do (WHATWG Encoding Standard): gb2312 pages are GBK.
_CODEC_ALIASES = {"gb2312": "gbk", "gb_2312": "gbk", "gb_2312-80": "gbk", "x-gbk": "gbk", "csgb2312": "gbk"}


def _codec(charset: str) -> str:
    label = charset.strip().lower()
    label = _CODEC_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        raise InputError(f"unknown charset {charset!r}", step="pages") from None


def encode_page(html: str, charset: str) -> bytes:
    """The bytes a server sends for ``html`` declared as ``charset``.

    ``gb2312`` is encoded as GBK, as browsers read it; a character the charset cannot
    encode becomes a numeric character reference (``&#8212;``), as CMSs write them.
    """
    return html.encode(_codec(charset), "xmlcharrefreplace")


# --------------------------------------------------------------------------------------
# render_page
# --------------------------------------------------------------------------------------


class _Page(NamedTuple):
    """What one rendering needs: the title escaped once, the rest as given."""

    title: str  # escaped
    title_raw: str
    paragraphs: tuple[str, ...]  # raw
    published_at: Optional[str]
    origin: Optional[str]
    editor: Optional[str]
    original_url: Optional[str]
    prev_next: Optional[tuple[str, str]]
    charset: str
    article_id: int


def _e(text: str) -> str:
    return escape(text, quote=False)


def _info(page: "_Page", *fields: tuple[str, str]) -> list[str]:
    """The "label：value" parts of an info line, for the page's fields that are set."""
    return [f"{label}：{_e(getattr(page, name))}" for label, name in fields if getattr(page, name)]


def _a(text: str) -> str:
    return escape(text, quote=True)

def _xhtml_head(page: _Page) -> tuple[str, ...]:
    """The opening of the old table-layout CMSs' pages: XHTML doctype, charset by http-equiv."""
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml">',
        "<head>",
        f'<meta http-equiv="Content-Type" content="text/html; charset={_a(page.charset)}" />',
    )



def _blank(paragraph: str) -> bool:
    return paragraph.strip(SPACES + "\n") == ""


def _lines(paragraph: str, br: str) -> str:
    """A paragraph's escaped text, its inner newlines as line breaks."""
    return (br + "\n").join(_e(part) for part in paragraph.split("\n"))


def _digits(published_at: Optional[str]) -> str:
    """``20210210`` for ``2021-02-10 23:00``; a fixed date when there is none."""
    if published_at:
        d = _NON_DIGIT.sub("", published_at)[:8]
        if len(d) == 8:
            return d
    return "20240101"


def _link_list(items: Sequence[str], href: str, first_id: int) -> list[str]:
    return [f'<li><a href="{href}{first_id + k}.html" target="_blank" title="{_a(t)}">{_e(t)}</a></li>'
            for k, t in enumerate(items)]


def _prev_next_rows(page: _Page, wrap: Callable[[str], str]) -> list[str]:
    """上一篇/下一篇 links, each wrapped in the kind's block element."""
    if page.prev_next is None:
        return []
    prev, nxt = page.prev_next
    stem = f"./t{_digits(page.published_at)}_"
    return [wrap(f'上一篇：<a href="{stem}{page.article_id - 1}.html">{_e(prev)}</a>'),
            wrap(f'下一篇：<a href="{stem}{page.article_id + 1}.html">{_e(nxt)}</a>')]


def _source_link(page: _Page) -> str:
    """原文链接: the address of the page the report was taken from, as a link."""
    url = page.original_url or ""
    return f'原文链接：<a href="{_a(url)}" target="_blank">{_e(url)}</a>'


def _gov_meta(page: _Page, site: str, column: str, self_closing: str) -> list[str]:
    """The <meta> tags government CMSs write (政府网站网页设计规范): only known values."""
    tags = [("SiteName", site), ("ColumnName", column), ("ArticleTitle", page.title_raw),
            ("PubDate", page.published_at), ("ContentSource", page.origin)]
    return [f'<meta name="{name}" content="{_a(value)}"{self_closing}>' for name, value in tags if value]


# -- (a) liaoning_pj ---------------------------------------------------------------------

_PJ_SITE = "盘锦辽滨沿海经济技术开发区"
_PJ_NAV = ("首页", "走进新区", "新闻中心", "政务公开", "招商引资", "园区产业", "公共服务", "互动交流")
_PJ_MENU = ("新区概况", "领导信息", "机构设置", "通知公告")
_PJ_HOT = ("盘锦辽东湾新区召开2020年第三季度安全生产工作会议",
           "关于开展2020年度“扫黄打非”集中行动的通知",
           "新区举办非公企业党建指导员培训班",
           "辽东湾新区2020年1-9月经济运行情况",
           "新区开展秋冬季森林草原防灭火专项检查")


def _render_liaoning_pj(page: _Page) -> list[str]:
    """Old table-layout CMS: everything in nested tables, text in <font>."""
    indent = "&nbsp;&nbsp;&nbsp;&nbsp;"
    out = [
        *_xhtml_head(page),
        f"<title>{page.title}_{_PJ_SITE}</title>",
        *_gov_meta(page, _PJ_SITE, "通知公告", " /"),
        '<link href="/templets/default/style/dedecms.css" rel="stylesheet" type="text/css" />',
        '<style type="text/css">',
        "/* 正文样式：宋体 14px，行距 28px */",
        "body{margin:0;font-size:12px;background:#eef3f9}",
        ".content p{line-height:28px;margin:6px 0}.title font{letter-spacing:1px}",
        "</style>",
        '<script type="text/javascript">',
        "// 设为首页、加入收藏",
        "function SetHome(obj){try{obj.style.behavior='url(#default#homepage)';"
        "obj.setHomePage(location.href);}catch(e){alert('您的浏览器不支持此操作，请手动设置首页。');}}",
        "function AddFav(){alert('请按 Ctrl+D 加入收藏夹');}",
        "</script>",
        "</head>",
        "<body>",
        "<!-- 头部开始 -->",
        '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">',
        '<tr><td height="30" class="top_banner"><font color="#ffffff">'
        f"欢迎访问“&nbsp;{_PJ_SITE}”官方网站</font></td></tr>",
        '<tr><td height="24" align="right"><script type="text/javascript">'
        "document.write('<a href=\"javascript:void(0)\" onclick=\"SetHome(this)\">设为首页</a> | "
        "<a href=\"javascript:AddFav()\">加入收藏</a>');</script></td></tr>",
        f'<tr><td><img src="/images/banner.jpg" width="1000" height="150" alt="{_PJ_SITE}" /></td></tr>',
        '<tr><td height="36" class="nav">'
        + " | ".join(f'<a href="/{k}/">{_e(t)}</a>' for k, t in enumerate(_PJ_NAV)) + "</td></tr>",
        "</table>",
        "<!-- 头部结束 -->",
        '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">',
        "<tr>",
        '<td width="230" valign="top" class="left">',
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">',
        '<tr><td class="left_title"><font color="#ffffff"><b>走进新区</b></font></td></tr>',
        *(f'<tr><td class="left_menu"><a href="/zjxq/{k}/">{_e(t)}</a></td></tr>' for k, t in enumerate(_PJ_MENU)),
        '<tr><td class="left_title"><font color="#ffffff"><b>热点推荐</b></font></td></tr>',
        *(f'<tr><td class="left_list">·<a href="/xwzx/{7001 + k}.html" target="_blank">{_e(t)}</a></td></tr>'
          for k, t in enumerate(_PJ_HOT)),
        "</table>",
        "</td>",
        '<td width="770" valign="top" class="right">',
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">',
        '<tr><td height="32" class="position">当前位置: <a href="/">首页</a> &gt;<a href="/zjxq/">走进新区</a> '
        '&gt;<a href="/zjxq/tzgg/">通知公告</a></td></tr>',
        f'<tr><td align="center" class="title"><font size="5" color="#c00000"><b>{page.title}</b></font></td></tr>',
    ]
    info = _info(page, ("发布时间", "published_at"), ("来源", "origin"))
    if info:
        out.append(f'<tr><td align="center" class="info">{"&nbsp;&nbsp;".join(info)}</td></tr>')
    out += ['<tr><td class="content" id="zoom">', "<!-- 正文开始 -->"]
    # Runs of four paragraphs; every third run sits in a nested table of <td><font> rows.
    for start in range(0, len(page.paragraphs), 4):
        run = page.paragraphs[start:start + 4]
        if (start // 4) % 3 == 2:
            out.append('<table width="100%" border="0" cellspacing="0" cellpadding="0">')
            out += ["<tr><td>&nbsp;</td></tr>" if _blank(p) else
                    f'<tr><td><font size="3">{indent}{_lines(p, "<br />")}</font></td></tr>' for p in run]
            out.append("</table>")
        else:
            out += ["<p>&nbsp;</p>" if _blank(p) else
                    f'<p><font face="宋体" size="3">{indent}{_lines(p, "<br />")}</font></p>' for p in run]
    out.append("<!-- 正文结束 -->")
    out.append("</td></tr>")
    if page.original_url:
        out.append(f"<tr><td>{_source_link(page)}</td></tr>")
    if page.editor:
        out.append(f'<tr><td align="right">【责任编辑：{_e(page.editor)}】</td></tr>')
    out.append('<tr><td align="right" class="tools"><a href="javascript:window.close()">关闭</a> '
               '<a href="javascript:window.print()">打印</a></td></tr>')
    out += _prev_next_rows(page, lambda s: f'<tr><td class="prenext">{s}</td></tr>')
    out += [
        "</table>",
        "</td>",
        "</tr>",
        "</table>",
        "<!-- 底部开始 -->",
        '<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="footer">',
        f"<tr><td align=\"center\">版权所有：{_PJ_SITE}管理委员会&nbsp;&nbsp;主办单位：{_PJ_SITE}管理委员会办公室</td></tr>",
        '<tr><td align="center">地址：辽宁省盘锦市辽东湾新区行政中心&nbsp;&nbsp;邮编：124221</td></tr>',
        '<tr><td align="center">辽ICP备05012345号-1&nbsp;&nbsp;辽公网安备 21110202000123号&nbsp;&nbsp;'
        "网站标识码：2111000012</td></tr>",
        "</table>",
        "</body>",
        "</html>",
    ]
    return out


# -- (b) liaoning_jp ---------------------------------------------------------------------

_JP_SITE = "大连金普新区"
_JP_NAV = ("首页", "新区概况", "公开", "服务", "互动", "投资", "专题专栏")
_JP_RELATED = ("金普新区召开党工委理论学习中心组学习会议",
               "关于2019年第二季度政府网站检查情况的通报",
               "金普新区开展“项目浪潮年”招商引资专项行动",
               "新区纪工委通报三起违反中央八项规定精神典型问题",
               "关于公开征集金普新区2020年惠民实事项目的公告")


def _render_liaoning_jp(page: _Page) -> list[str]:
    """Table-layout CMS whose body mixes <p>s with <div>s of <br>-separated lines."""
    indent = "&nbsp; &nbsp; &nbsp; &nbsp;"
    out = [
        *_xhtml_head(page),
        f"<title>{page.title}-{_JP_SITE}</title>",
        *_gov_meta(page, _JP_SITE, "公示公告", " /"),
        '<style type="text/css">',
        "/* 内容页 */ body{margin:0;font-family:'宋体'} #zoom{font-size:16px;line-height:30px}",
        ".sj{color:#666;text-align:center} .right_list li{list-style:none;line-height:26px}",
        "</style>",
        '<script type="text/javascript" src="/js/jquery.min.js"></script>',
        '<script type="text/javascript">',
        "function doZoom(size){document.getElementById('zoom').style.fontSize=size+'px';}",
        "var tips = '当前页面已过期，请刷新后重试';",
        "</script>",
        "</head>",
        "<body>",
        '<table width="1100" border="0" align="center" cellpadding="0" cellspacing="0" class="head">',
        f'<tr><td><img src="/images/logo.png" alt="{_JP_SITE}" /></td></tr>',
        '<tr><td class="nav">' + "&nbsp;|&nbsp;".join(
            f'<a href="/{k}/">{_e(t)}</a>' for k, t in enumerate(_JP_NAV)) + "</td></tr>",
        "</table>",
        '<table width="1100" border="0" align="center" cellpadding="0" cellspacing="0">',
        '<tr><td colspan="2" class="dqwz">当前位置: <a href="/">首页</a> &gt; <a href="/gk/">公开</a> &gt; '
        '<a href="/gk/gsgg/">公示公告</a></td></tr>',
        "<tr>",
        '<td width="800" valign="top">',
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">',
        f'<tr><td class="bt" align="center"><h2>{page.title}</h2></td></tr>',
    ]
    info = _info(page, ("发布时间", "published_at"), ("来源", "origin"))
    if info:
        out.append(f'<tr><td class="sj">{"&nbsp;&nbsp;".join(info)}&nbsp;&nbsp;&nbsp;&nbsp;</td></tr>')
    out += ["<tr><td>", '<div id="zoom">']
    # Runs of five paragraphs; every second run is one <div> of <br>-separated lines.
    for start in range(0, len(page.paragraphs), 5):
        run = page.paragraphs[start:start + 5]
        if (start // 5) % 2 == 1:
            body = "<br />\n".join("" if _blank(p) else indent + _lines(p, "<br />") for p in run)
            out.append(f"<div>{body}</div>")
        else:
            out += ["<p>&nbsp;</p>" if _blank(p) else f"<p>{indent}{_lines(p, '<br />')}</p>" for p in run]
    out += ["</div>", "</td></tr>"]
    if page.original_url:
        out.append(f"<tr><td>{_source_link(page)}</td></tr>")
    if page.editor:
        out.append(f'<tr><td align="right" class="zb">责编：{_e(page.editor)}</td></tr>')
    out.append('<tr><td align="right"><a href="javascript:window.print();">【打印】</a></td></tr>')
    out += _prev_next_rows(page, lambda s: f"<tr><td>{s}</td></tr>")
    out += [
        "</table>",
        "</td>",
        '<td width="300" valign="top" class="right">',
        '<div class="right_title">相关文章</div>',
        '<ul class="right_list">',
        *_link_list(_JP_RELATED, "/gk/gsgg/2019/", 3301),
        "</ul>",
        "</td>",
        "</tr>",
        "</table>",
        '<table width="1100" border="0" align="center" cellpadding="0" cellspacing="0" class="foot">',
        '<tr><td align="center">主办单位：大连金普新区管委会办公室&nbsp;&nbsp;承办单位：大连金普新区电子政务中心</td></tr>',
        '<tr><td align="center">版权所有：大连金普新区管理委员会&nbsp;&nbsp;网站标识码：2102130001</td></tr>',
        '<tr><td align="center">辽ICP备09012345号&nbsp;&nbsp;辽公网安备 21021302000456号</td></tr>',
        "</table>",
        "</body>",
        "</html>",
    ]
    return out


# -- (c) fujian --------------------------------------------------------------------------

_FJ_SITE = "泉州市鲤城区人民政府"
_FJ_HOST = "www.qzlc.gov.cn"
_FJ_NAV = ("首页", "走进鲤城", "政务公开", "政务服务", "互动交流", "专题专栏")
_FJ_RELATED = ("鲤城区召开巡察整改工作推进会",
               "鲤城高新区开展安全生产大排查大整治",
               "关于鲤城区2020年度政府信息公开工作年度报告的公告")
_FJ_HOT = ("鲤城区2021年春节期间文化活动安排",
           "鲤城区开展“六稳”“六保”政策宣讲进企业活动",
           "鲤城高新区新增2家省级科技小巨人领军企业")


def _render_fujian(page: _Page) -> list[str]:
    """Div-layout government portal (UTF-8, <meta charset>, canonical link)."""
    digits = _digits(page.published_at)
    url = f"https://{_FJ_HOST}/zwgk/tzgg/{digits[:6]}/t{digits}_{page.article_id}.htm"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        f'<meta charset="{_a(page.charset)}">',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        f"<title>{page.title}_通知公告_{_FJ_SITE}</title>",
        f'<meta name="SiteDomain" content="{_FJ_HOST}">',
        '<meta name="SiteIDCode" content="3505020001">',
        *_gov_meta(page, _FJ_SITE, "通知公告", ""),
        f'<link rel="canonical" href="{url}">',
        "<style>",
        "/* 正文区域 */ .article-content p{text-indent:0;line-height:2;font-size:16px}",
        ".crumb a{color:#333} .sidebar h3{border-bottom:2px solid #b30000}",
        "</style>",
        "<script>",
        "var browserTip = '为获得更好的浏览效果，请使用IE9以上版本浏览器';",
        "function fontZoom(size){document.getElementById('zoom').style.fontSize = size + 'px';}",
        "</script>",
        "</head>",
        "<body>",
        '<div class="header">',
        f'<div class="logo"><a href="/"><img src="/images/logo.png" alt="{_FJ_SITE}"></a></div>',
        '<div class="search"><form action="/search/" method="get">'
        '<input type="text" name="q" placeholder="请输入关键字"><input type="submit" value="搜索"></form></div>',
        "</div>",
        '<div class="nav"><ul>',
        *(f'<li><a href="/{k}/">{_e(t)}</a></li>' for k, t in enumerate(_FJ_NAV)),
        "</ul></div>",
        '<div class="main">',
        '<div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
        '<a href="/zwgk/tzgg/">通知公告</a></div>',
        '<div class="article">',
        f'<h1 class="article-title">{page.title}</h1>',
    ]
    info = _info(page, ("来源", "origin"), ("发布时间", "published_at"))
    if info:
        out.append(f'<div class="article-info">{"&nbsp;&nbsp;".join(info)}</div>')
    out.append('<div class="article-content" id="zoom">')
    out += ["<p><br></p>" if _blank(p) else f"<p>\u3000\u3000{_lines(p, '<br>')}</p>" for p in page.paragraphs]
    out.append("</div>")
    if page.original_url:
        out.append(f'<div class="article-source">{_source_link(page)}</div>')
    if page.editor:
        out.append(f'<div class="article-editor">【责任编辑：{_e(page.editor)}】</div>')
    out.append('<div class="article-tools"><script>document.write(\'<a href="javascript:window.print()">'
               "【打印本页】</a>');</script> <a href=\"javascript:window.close()\">【关闭窗口】</a></div>")
    out += _prev_next_rows(page, lambda s: f'<div class="prevnext">{s}</div>')
    out += [
        '<div class="related"><h3>相关文章</h3><ul>',
        *_link_list(_FJ_RELATED, "/zwgk/gzdt/", 2570001),
        "</ul></div>",
        "</div>",
        '<div class="sidebar"><h3>热点推荐</h3><ul>',
        *_link_list(_FJ_HOT, "/zwgk/rdtj/", 2580001),
        "</ul></div>",
        "</div>",
        '<div class="footer">',
        f"<p>主办单位：{_FJ_SITE}办公室&nbsp;&nbsp;承办单位：泉州市鲤城区融媒体中心</p>",
        f"<p>版权所有：{_FJ_SITE}&nbsp;&nbsp;网站标识码：3505020001</p>",
        '<p><a href="https://beian.miit.gov.cn/">闽ICP备06012345号</a>&nbsp;&nbsp;'
        "闽公网安备 35050202000123号</p>",
        "</div>",
        "</body>",
        "</html>",
    ]
    return out


# -- (d) hunan ---------------------------------------------------------------------------

_HN_SITE = "巴陵风纪网"
_HN_COLUMN = "本级巡视巡察情况"
_HN_NAV = ("首页", "工作动态", "巡视巡察", "审查调查", "党纪法规", "廉政教育", "监督举报")
_HN_RELATED = ("岳阳市委第三轮巡察完成反馈",
               "市纪委监委通报4起违反中央八项规定精神问题",
               "岳阳经开区深化巡察整改成果运用")
_HN_HOT = ("以案为鉴 警钟长鸣：岳阳市开展警示教育月活动",
           "岳阳市纪委监委召开2023年第四季度工作调度会",
           "清廉园区建设推进会在汨罗召开")


def _hunan_title(title: str) -> str:
    """The site prefixes article titles with the column's label, 【巡察整改】 or 【巡视整改】."""
    if title.startswith("【"):
        return title
    label = "巡视整改" if "巡视" in title and "巡察" not in title else "巡察整改"
    return f"【{label}】{title}"


def _render_hunan(page: _Page) -> list[str]:
    """Discipline-commission site: column title, 编辑/发表时间/来源/浏览次数 line."""
    title = _e(_hunan_title(page.title_raw))
    out = [
        "<!DOCTYPE html>",
        "<html>",
        "<head>",
        f'<meta charset="{_a(page.charset)}">',
        f"<title>{title}-{_HN_SITE}</title>",
        *_gov_meta(page._replace(title_raw=_hunan_title(page.title_raw)), _HN_SITE, _HN_COLUMN, ""),
        '<meta name="keywords" content="巴陵风纪网,岳阳市纪委监委,巡视巡察">',
        "<style>",
        "/* 文章页 */ .con_title{font-size:22px;color:#b10000} .con_info{color:#888;font-size:13px}",
        ".con_text p{text-indent:0;line-height:30px}",
        "</style>",
        "<script>",
        "function share(site){alert('分享到' + site + '：请复制本页地址');}",
        "</script>",
        "</head>",
        "<body>",
        "<!-- 顶部 -->",
        f'<div class="top"><div class="logo"><img src="/images/logo.png" alt="{_HN_SITE}"></div>',
        '<div class="top_tool"><script>document.write(\'<a href="javascript:void(0)">设为首页</a>\');'
        "</script></div></div>",
        '<div class="menu"><ul>',
        *(f'<li><a href="/{k}/">{_e(t)}</a></li>' for k, t in enumerate(_HN_NAV)),
        "</ul></div>",
        '<div class="content_wrap">',
        f'<div class="column_title"><span>{_HN_COLUMN}</span></div>',
        '<div class="article">',
        f'<h1 class="con_title">{title}</h1>',
    ]
    info = _info(page, ("编辑", "editor"), ("发表时间", "published_at"), ("来源", "origin"))
    info.append('浏览次数：<span id="hits"><script>document.write(\'加载中…\');</script></span>')
    out.append(f'<div class="con_info">{"&nbsp;".join(info)}&nbsp;</div>')
    out.append('<div class="con_text" id="zoom">')
    out += ["<p>&nbsp;</p>" if _blank(p) else f"<p>&emsp;&emsp;{_lines(p, '<br>')}</p>" for p in page.paragraphs]
    out.append("</div>")
    if page.original_url:
        out.append(f'<div class="con_source">{_source_link(page)}</div>')
    out += _prev_next_rows(page, lambda s: f'<div class="con_page">{s}</div>')
    out += [
        '<div class="con_share"><script>document.write(\'分享到：<a href="javascript:share(\\\'微信\\\')">'
        "微信</a>');</script></div>",
        "</div>",
        '<div class="side">',
        '<div class="side_box"><h3>相关文章</h3><ul>',
        *_link_list(_HN_RELATED, "/xsxc/", 43001),
        "</ul></div>",
        '<div class="side_box"><h3>热点推荐</h3><ul>',
        *_link_list(_HN_HOT, "/gzdt/", 44001),
        "</ul></div>",
        "</div>",
        "</div>",
        '<div class="footer">',
        "<p>主办单位：中共岳阳市纪律检查委员会 岳阳市监察委员会</p>",
        "<p>版权所有：巴陵风纪网&nbsp;&nbsp;网站标识码：4306000019</p>",
        "<p>湘ICP备12012345号&nbsp;&nbsp;湘公网安备 43060202000789号</p>",
        "</div>",
        "</body>",
        "</html>",
    ]
    return out


# -- (e) zhejiang ------------------------------------------------------------------------

_ZJ_SITE = "党建文摘网"
_ZJ_HOST = "www.djwz.example"  # a fictional reposting site (reserved .example domain)
_ZJ_NAV = ("首页", "时政要闻", "纪检监察", "巡视巡察", "党建动态", "理论学习")
_ZJ_RELATED = ("中共宁波前湾新区工作委员会巡视整改工作综述",
               "浙江省委巡视机构召开巡视整改督查工作推进会",
               "如何做好巡视整改“后半篇文章”")
_ZJ_HOT = ("十五届省委第二轮巡视完成反馈",
           "以高质量巡视整改推动高质量发展",
           "浙江开展清廉建设成效评估")
_ZJ_DISCLAIMER = ("【免责声明】 本文来源于网络转载，仅供学习交流使用，不构成商业目的。版权归原作者所有，"
                  "如涉及作品内容、版权和其它问题，请在30日内与本网联系，我们将在第一时间处理。")


def _render_zhejiang(page: _Page) -> list[str]:
    """A site reposting the report: 原文链接 and 免责声明 after the body."""
    url = f"https://{_ZJ_HOST}/article/{page.article_id}.html"
    first = next((p for p in page.paragraphs if not _blank(p)), "")
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        f'<meta charset="{_a(page.charset)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{page.title} - {_ZJ_SITE}</title>",
        f'<meta name="description" content="{_a(first[:80])}">',
        f'<meta property="og:title" content="{_a(page.title_raw)}">',
        f'<meta property="og:site_name" content="{_ZJ_SITE}">',
        f'<link rel="canonical" href="{url}">',
        "<style>",
        "/* 文章正文 */ .post-body p{text-indent:2em;margin:0 0 1em} .disclaimer{color:#999;font-size:12px}",
        "</style>",
        "<script>",
        "var _hmt = _hmt || []; // 访问统计",
        "window.onload = function(){ console.log('页面加载完成'); };",
        "</script>",
        "</head>",
        "<body>",
        '<div class="site-header">',
        f'<div class="brand"><a href="/">{_ZJ_SITE}</a></div>',
        '<div class="site-nav"><ul>',
        *(f'<li><a href="/c/{k}/">{_e(t)}</a></li>' for k, t in enumerate(_ZJ_NAV)),
        "</ul></div>",
        "</div>",
        '<div class="container">',
        '<div class="post">',
        '<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/c/3/">巡视巡察</a> &gt; 正文</div>',
        f'<h1 class="post-title">{page.title}</h1>',
    ]
    info = _info(page, ("来源", "origin"), ("发布时间", "published_at"))
    if info:
        out.append(f'<div class="post-meta">{"&nbsp;&nbsp;".join(info)}</div>')
    out.append('<div class="post-body">')
    out += ["<p><br></p>" if _blank(p) else f"<p>{_lines(p, '<br>')}</p>" for p in page.paragraphs]
    out.append("</div>")
    if page.editor:
        out.append(f'<div class="post-editor">（责任编辑：{_e(page.editor)}）</div>')
    if page.original_url:
        out.append(f'<p class="source-link">{_source_link(page)}</p>')
    out.append(f'<p class="disclaimer">{_ZJ_DISCLAIMER}</p>')
    out += _prev_next_rows(page, lambda s: f'<div class="post-nav">{s}</div>')
    out += [
        '<div class="related"><h3>相关文章</h3><ul>',
        *_link_list(_ZJ_RELATED, "/article/", 880001),
        "</ul></div>",
        "</div>",
        '<div class="sidebar"><h3>热点推荐</h3><ul>',
        *_link_list(_ZJ_HOT, "/article/", 890001),
        "</ul></div>",
        "</div>",
        '<div class="site-footer">',
        f"<p>版权所有 © {_ZJ_SITE}&nbsp;&nbsp;主办单位：{_ZJ_SITE}编辑部</p>",
        "<p>浙ICP备17012345号-2&nbsp;&nbsp;浙公网安备 33010602009876号&nbsp;&nbsp;网站标识码：3300000099</p>",
        "</div>",
        "</body>",
        "</html>",
    ]
    return out


_RENDERERS: dict[str, Callable[[_Page], list[str]]] = {
    "liaoning_pj": _render_liaoning_pj,
    "liaoning_jp": _render_liaoning_jp,
    "fujian": _render_fujian,
    "hunan": _render_hunan,
    "zhejiang": _render_zhejiang,
}


def render_page(
    kind: str,
    *,
    title: str,
    paragraphs: Sequence[str],
    published_at: Optional[str] = None,
    origin: Optional[str] = None,
    editor: Optional[str] = None,
    original_url: Optional[str] = None,
    prev_next: Optional[tuple[str, str]] = None,
    charset: str = "utf-8",
) -> str:
    """An HTML page of site ``kind`` (one of ``KINDS``) carrying the report.

    ``title`` and ``paragraphs`` are shown as given (escaped; see the module docstring
    for blank paragraphs and inner newlines). ``published_at``, ``origin`` (来源),
    ``editor`` (责任编辑/责编/编辑) and ``original_url`` (原文链接) appear, in the kind's
    wording and place, only when given; ``prev_next`` is the (上一篇, 下一篇) titles.
    ``charset`` is the label the page declares; encode with ``encode_page`` and the
    same label. Raises ``InputError`` for an unknown kind or charset.
    """
    renderer = _RENDERERS.get(kind)
    if renderer is None:
        raise InputError(f"unknown page kind {kind!r}; expected one of {', '.join(KINDS)}", step="pages")
    _codec(charset)
    page = _Page(
        title=_e(title),
        title_raw=title,
        paragraphs=tuple(paragraphs),
        published_at=published_at,
        origin=origin,
        editor=editor,
        original_url=original_url,
        prev_next=prev_next,
        charset=charset,
        article_id=zlib.crc32(title.encode("utf-8")) % 9_000_000 + 1_000_000,
    )
    return "\n".join(renderer(page)) + "\n"
