"""Tests for zhenggai.contacts: the contact fields near the end of the report."""

from __future__ import annotations


import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from support import seed_document

from zhenggai.contacts import contacts
from zhenggai.record import Contacts

SEEDS = {
    0: Contacts(phones=("0427-3410198",), emails=("ldwxc2020@163.com",)),
    1: Contacts(phones=("0411—88171399",),
                addresses=("大连经济技术开发区金马路199号省委巡视整改落实领导小组办公室(收)",)),
    2: Contacts(phones=("0595-22483550",), emails=("qzgxqjny@163.com",),
                addresses=("鲤城区南环路1051号鲤城高新区管委会大楼6楼",), postcodes=("362000",)),
    3: Contacts(phones=("07305613028",), emails=("919366295@qq.com",),
                addresses=("汨罗市龙舟北路与龙舟南路交叉口西北100米湖南汨罗高新技术产业开区管委会",)),
    4: Contacts(phones=("0575-89180330",), emails=("sxbhxq@163.com",),
                addresses=("浙江省绍兴市滨海新区沥海街道南滨东路98号绍兴滨海新区行政服务中心607室",)),
}


@pytest.mark.parametrize("number", sorted(SEEDS))
def test_seeds(number: int) -> None:
    _title, body = seed_document(number)
    assert contacts(body) == SEEDS[number]


SIGNATURE = ["中共某某区委", "2021年2月9日"]


def test_full_width_punctuation() -> None:
    body = ["正文。", "联系电话：０５９５－２２４８３５５０；通信地址：鲤城区南环路1051号，邮编：362000；"
            "电子邮箱：QZGXQJNY＠163.COM。", *SIGNATURE]
    assert contacts(body) == Contacts(phones=("０５９５－２２４８３５５０",), emails=("qzgxqjny@163.com",),
                                      addresses=("鲤城区南环路1051号",), postcodes=("362000",))


def test_several_numbers_mobile_and_extension() -> None:
    body = ["联系电话:0427-3410198、13912345678/(0427)3410199;举报电话:12388。", *SIGNATURE]
    assert contacts(body).phones == ("0427-3410198", "13912345678", "(0427)3410199", "12388")


def test_area_code_and_space() -> None:
    assert contacts(["联系电话:0427 3410198。", *SIGNATURE]).phones == ("0427 3410198",)


def test_body_numbers_are_not_contacts() -> None:
    body = [
        "截至目前,挽回经济损失1.8亿元,印发《实施办法》(鲤委〔2020〕15号),2020年12月31日前完成。",
        "开通举报电话12388,设立意见箱,畅通群众来信来访渠道。",
        "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议,请及时向我们反映。"
        "联系电话:0427-3410198(工作日8:30-17:00)。",
        *SIGNATURE,
    ]
    assert contacts(body) == Contacts(phones=("0427-3410198",))


def test_only_the_last_paragraphs() -> None:
    body = ["联系电话:0427-3410198。", *(f"第{i}段正文。" for i in range(10)), *SIGNATURE]
    assert contacts(body) == Contacts()


def test_prose_mentions_are_not_fields() -> None:
    body = ["欢迎通过电话、信件、邮箱等方式反映。联系方式:电话0411-88171399;传真0411-88171300。", *SIGNATURE]
    assert contacts(body) == Contacts(phones=("0411-88171399",))


def test_field_inside_parentheses() -> None:
    body = ["请寄信至纪工委(地址:大连市金马路199号)或拨打电话(电话:0411-88171399)。", *SIGNATURE]
    assert contacts(body) == Contacts(phones=("0411-88171399",), addresses=("大连市金马路199号",))


def test_postcode_inside_address_parentheses() -> None:
    body = ["通信地址:大连市金马路199号(邮编116600)。", *SIGNATURE]
    assert contacts(body) == Contacts(addresses=("大连市金马路199号",), postcodes=("116600",))


def test_email_address_label_is_not_an_address() -> None:
    body = ["电子邮箱地址:Jubao@Example.org.cn。", *SIGNATURE]
    assert contacts(body) == Contacts(emails=("jubao@example.org.cn",))


def test_duplicates_kept_once_in_order() -> None:
    body = ["联系电话:0427-3410198。", "举报电话:0427-3410198、0427-3410199;邮箱:a@b.cn;E-mail:A@B.CN。", *SIGNATURE]
    assert contacts(body) == Contacts(phones=("0427-3410198", "0427-3410199"), emails=("a@b.cn",))


def test_no_contacts() -> None:
    assert contacts([]) == Contacts()
    assert contacts(["正文。", *SIGNATURE]) == Contacts()


# --- property: a generated contact line parses back -----------------------------------

landlines = st.builds(
    lambda area, sep, number: f"0{area}{sep}{number}",
    st.from_regex(r"[1-9][0-9]{1,2}", fullmatch=True),
    st.sampled_from(["-", "—", "－", ""]),
    st.from_regex(r"[2-8][0-9]{6,7}", fullmatch=True),
)
mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
emails = st.builds(
    lambda local, domain, tld: f"{local}@{domain}.{tld}",
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,11}[A-Za-z0-9]", fullmatch=True),
    st.from_regex(r"[A-Za-z0-9]{1,10}", fullmatch=True),
    st.sampled_from(["com", "cn", "COM", "gov.cn", "org"]),
)
addresses = st.sampled_from(["鲤城区南环路1051号鲤城高新区管委会大楼6楼", "大连经济技术开发区金马路199号(收)",
                             "浙江省绍兴市滨海新区沥海街道南滨东路98号607室"])


@given(
    st.lists(landlines | mobiles, min_size=1, max_size=3, unique=True),
    st.sampled_from(["、", "/"]),
    st.lists(emails, min_size=0, max_size=2, unique_by=str.lower),
    st.none() | addresses,
    st.none() | st.from_regex(r"[1-8][0-9]{5}", fullmatch=True),
    st.booleans(),
)
@example(["0411—88171399"], "、", ["LDWXC2020@163.COM"], None, None, False)
def test_generated_contact_lines_parse_back(
    phones: list[str], sep: str, mails: list[str], address: str | None, postcode: str | None, full_width: bool
) -> None:
    fields = [f"联系电话:{sep.join(phones)}"]
    if address:
        fields.append(f"通信地址:{address}" + (f",邮编:{postcode}" if postcode else ""))
    elif postcode:
        fields.append(f"邮政编码:{postcode}")
    fields += [f"电子邮箱:{m}" for m in mails]
    line = "如有意见建议,请及时向我们反映。" + ";".join(fields) + "。"
    if full_width:
        line = line.translate(str.maketrans({":": "：", ";": "；", ",": "，"}))
    got = contacts(["2020年挽回损失1.8亿元,印发〔2020〕15号文件。", line, *SIGNATURE])
    assert got == Contacts(
        phones=tuple(phones),
        emails=tuple(m.lower() for m in mails),
        addresses=(address,) if address else (),
        postcodes=(postcode,) if postcode else (),
    )


# --- pathological lines (timings: benchmarks/hostile.py) ----------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["电话:", "a@", "@b.", "0427-", "地址", "1"])
def test_long_lines_complete(unit: str) -> None:
    line = unit * (100_000 // len(unit))
    assert contacts([line, line + "联系电话:1234567"]).phones == ("1234567",)


def test_email_outside_a_field_of_a_contact_paragraph() -> None:
    body = ["也可将意见发送至Jubao@163.com。联系电话:0427-3410198。", *SIGNATURE]
    assert contacts(body) == Contacts(phones=("0427-3410198",), emails=("jubao@163.com",))


def test_email_needs_a_domain_with_a_top_level_name() -> None:
    body = ["联系方式:@163.com、a@localhost、b@163.1、c@x.cn.", *SIGNATURE]
    assert contacts(body).emails == ("c@x.cn",)
