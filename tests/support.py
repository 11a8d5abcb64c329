"""Helpers shared by several test modules (``pythonpath = ["tests"]`` in pyproject.toml
makes ``import support`` work in every pytest import mode)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from zhenggai.text import clean_line, close_cjk_spaces

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CORPUS = Path(__file__).resolve().parent / "corpus"
_CHROME = re.compile(r"(?:来源|发布时间|发表时间|编辑)[:：]")
_DATE_LINE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def real_documents() -> list[Path]:
    """Every real document the repository holds: the seeds (text and page) and the
    corpus openings."""
    seeds = [p for p in sorted(FIXTURES.glob("*/*/*")) if p.suffix in {".txt", ".html"}]
    return seeds + sorted(CORPUS.glob("*.txt"))


def seed_document(number: int) -> tuple[str, list[str]]:
    """(title, body) of a seed as the frame step hands them over: the title line with its
    【…】 prefix removed and spaces closed; the non-empty lines after it, without the page
    chrome that follows the title, up to and including the signature date line."""
    (path,) = FIXTURES.glob(f"*/{number:03d}-text/*.txt")
    lines = [clean_line(line) for line in path.read_text(encoding="utf-8").splitlines()]
    at = next(i for i, line in enumerate(lines) if "关于" in line and "通报" in line)
    title = re.sub(r"^【[^】]*】", "", close_cjk_spaces(lines[at]))
    body: list[str] = []
    for line in lines[at + 1:]:
        if line and not _CHROME.match(line):
            body.append(line)
            if _DATE_LINE.fullmatch(line):
                break
    return title, body


_CN = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    """1..31 as official dates write it (十六, 二十, 三十一)."""
    tens, ones = divmod(n, 10)
    return ("" if tens < 2 else _CN[tens]) + ("十" if tens else "") + (_CN[ones] if ones else "")


def cn_date(d: dt.date) -> str:
    """A date in Chinese numerals: 二〇二〇年十一月十六日."""
    return "".join(_CN[int(c)] for c in str(d.year)) + f"年{_cn_small(d.month)}月{_cn_small(d.day)}日"


# One or more examples per rule: from the seeds (000..004), the corpus (01..27), and the
# common variants of government sites.
EXAMPLES = {
    "welcome-banner": ["欢迎访问“\xa0盘锦辽滨沿海经济技术开发区”官方网站", "欢迎您访问中国大连政府门户网站"],
    "breadcrumb": ["当前位置: 首页 >走进新区 >通知公告",
                   "您现在的位置:首页 > 工作机构 > 法定机构 > 明珠湾开发建设管理局 > 工作动态",
                   "您当前的位置 : 首页> 工作动态 > 巡视巡察", "所在位置:首页>巡视巡察>巡察整改",
                   "首页 > 政务公开 > 通知公告"],
    "font-size": ["字体:[小]", "【浏览字号 :大 中 小】", "字号 大 中 小", "【字体:大 中 小】【打印】【关闭】"],
    "editor-line": ["责编:督察处", "【责任编辑:庄秀鹃】", "【责任编辑:庄秀鹃】0", "审核:张明 编辑:李华"],
    "info-line": ["发布时间:2019-08-21\xa0\xa0\xa0\xa0",
                  "来源:中共泉州市鲤城区委高新技术产业开发区工作委员会 发布时间:2021-02-10 23:00",
                  "编辑:岳纪宣\xa0发表时间:2023-12-27 16:11\xa0来源:巴陵风纪网\xa0浏览次数:\xa0",
                  "发布时间:2024-07-18 11:16 作者: 信息来源: 中共武汉经开区党工委",
                  "信息时间::2020-07-17", "发布日期: 2025-12-25 08:50",
                  "    日期:2023-05-04 08:46:31 来源:区文旅体局 浏览量:",
                  "来源:明珠湾管理局发布日期:2022-12-08",
                  "来源:杭州廉政网      发布时间:2019-05-27 11:03:55",
                  "【来源】:人民网", "浏览次数:1024", "发布时间 2020-11-20"],
    "timestamp-line": ["2022-04-08 10:00 浙江省纪委省监委网站"],
    "original-link": ["原文链接:http://www.zjsjw.gov.cn/gongzuodongtai/xunshixuncha/202402/t20240222_21711899.shtml",
                      "【原文地址】:https://www.example.gov.cn/a/1.html"],
    "disclosure-meta": ["• 信息索引号:", "  • 文件名称:", "索引号:113307020501239658/2023-46395",
                        "发文字号:大委发〔2020〕12号", "  • 公开方式:"],
    "print-close": ["关闭 打印", "【打印】", "【关闭窗口】", "收藏", "[打印本页] [关闭窗口]",
                    "【打印此页】 【关闭窗口】 【返回顶部】"],
    "share-bar": ["    分享:", "分享到: 微信 微博 QQ空间", "扫一扫在手机打开当前页", "微信 微博"],
    "read-aloud": ["    朗读", "【听全文】"],
    "prev-next": ["上一篇: 大连凌晨紧急通报!", "下一篇: 盘锦辽东湾新区面向社会公开招聘事业 编制工作人员体检公告",
                  "上一条:无", "【下一篇】关于开展2021年度巡察工作的通知"],
    "related-header": ["相关文章", "相关链接:", "【热点推荐】", "相关阅读 >>"],
    "disclaimer": ["[免责声明] 本文来源于网络转载,仅供学习交流使用,不构成商业目的。版权归原作者所有,如涉及作品内容、"
                   "版权和其它问题,请在30日内与本网联系,我们将在第一时间处理。",
                   "免责声明:本网站转载的作品,不代表本网观点。", "版权归原作者所有,如有侵权请联系删除。"],
    "copyright": ["版权所有:中共大连市纪委 大连市监委", "Copyright © 2020 www.example.gov.cn All Rights Reserved"],
    "icp-record": ["辽ICP备05001234号-1", "京公网安备 11010202000001号", "网站标识码:2102000001"],
    "site-sponsor": ["主办单位:中共大连市委 承办:大连市委网信办", "技术支持:大连某某科技有限公司"],
    "separator": ["-", "|", "———", "* * *"],
    "page-number": ["- 3 -", "—12—"],
    "newspaper-header": ["浙江日报 数字报纸", "00006版:要闻"],
    "attachment-label": ["附件1", "附件"],
    "view-counter": ["0", "1024"],
    "footer-nav": ["网站地图 | 联系我们", "关于我们 | 网站声明"],
}
