"""The enterprise list's filters: read from a URL (checked against what exists), written back to it, and turned
into the parameters of ``queries/enterprise_search.sql``. Pure functions, tested without Streamlit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from analysis import formats
from analysis.scope import Scope
from data import pinyin
from data.vocab import HONOURS

MEMBERSHIP = {"in": "集群内企业", "out": "集群外企业"}
USCC = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}")  # GB 32100-2015 shape
MAX_TEXT = 60  # characters of a name search
PAGE_SIZE = 200  # rows per page of the list on screen


@dataclass(frozen=True)
class Search:
    adcodes: tuple[str, ...] = ()  # counties …
    cities: tuple[str, ...] = ()  # … and cities (adcodes): the enterprises in any of them,
    exclude: bool = False  # or, when True, those in none of them ("all battery firms outside 合肥")
    cluster: str | None = None
    member: str | None = None  # "in" / "out" / None
    honours: tuple[str, ...] = ()
    industry: str | None = None
    link: str | None = None
    text: str = ""
    revenue_min: float | None = None  # 亿元, inclusive
    revenue_max: float | None = None

    def is_empty(self) -> bool:
        return self == Search()


@dataclass(frozen=True)
class Options:
    """What a URL may name: the valid values of each filter."""

    adcodes: frozenset[str]
    clusters: frozenset[str]
    industries: frozenset[str]
    links: dict[str, frozenset[str]] = field(default_factory=dict)  # industry → its link_ids
    cities: frozenset[str] = frozenset()


def from_params(params: dict[str, str], options: Options) -> Search:
    """The search a URL asks for; values that do not exist are dropped, never passed on."""

    def listed(key, valid):
        return tuple(v for v in params.get(key, "").split(",") if v in valid)

    industry = params.get("industry") if params.get("industry") in options.industries else None
    link = params.get("link")
    if link not in options.links.get(industry, frozenset()):
        link = None

    def amount(key):
        try:
            value = float(params.get(key, ""))
        except ValueError:
            return None
        return value if 0 <= value < 1e7 else None

    return Search(
        adcodes=listed("adcode", options.adcodes),
        cities=listed("cities", options.cities),
        exclude=params.get("except") == "1",
        cluster=params.get("cluster") if params.get("cluster") in options.clusters else None,
        member=params.get("member") if params.get("member") in MEMBERSHIP else None,
        honours=listed("honour", set(HONOURS)),
        industry=industry,
        link=link,
        text=params.get("q", "").strip()[:MAX_TEXT],
        revenue_min=amount("rmin"),
        revenue_max=amount("rmax"),
    )


def to_params(search: Search) -> dict[str, str]:
    """The list's own query parameters (see ``enterprise_links.FILTER_KEYS``), empty ones left out."""
    values = {
        "adcode": ",".join(search.adcodes),
        "cities": ",".join(search.cities),
        "except": "1" if search.exclude and (search.adcodes or search.cities) else None,
        "cluster": search.cluster,
        "member": search.member,
        "honour": ",".join(search.honours),
        "industry": search.industry,
        "link": search.link,
        "q": search.text,
        "rmin": _amount_text(search.revenue_min),
        "rmax": _amount_text(search.revenue_max),
    }
    return {k: v for k, v in values.items() if v}


def _amount_text(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"


def query_args(search: Search, filters: Scope, **extra) -> dict:
    """Parameters of ``enterprise_search`` / ``enterprise_points`` / ``enterprise_cells`` for ``search`` within the
    sidebar's year, region and city; ``extra`` adds the query's own (``limit``, ``offset`` (default 0), ``cell``)."""
    return {
        "year": filters.year,
        "region": filters.region,
        "city": filters.city,
        # the places chosen: in any of them, or (exclude) in none; each list may be empty
        **_places(search),
        "cluster": search.cluster,
        "member": None if search.member is None else search.member == "in",
        "honours": list(search.honours) or None,
        "industry": search.industry,
        "link": search.link,
        # a whole 统一社会信用代码 is looked up by key (the index); any other text searches names and initials
        "uscc": search.text.upper() if USCC.fullmatch(search.text.upper()) else None,
        "text": search.text if search.text and not USCC.fullmatch(search.text.upper()) else None,
        "initials": pinyin.runs_pattern(search.text) if pinyin.is_initials_query(search.text) else None,
        "initials_like": pinyin.like_pattern(search.text) if pinyin.is_initials_query(search.text) else None,
        "initials_whole": pinyin.whole_pattern(search.text) if pinyin.is_initials_query(search.text) else None,
        "revenue_min": search.revenue_min,
        "revenue_max": search.revenue_max,
        "offset": 0,
        **extra,
    }


def _places(search: Search) -> dict:
    chosen = bool(search.adcodes or search.cities)
    places = {"adcodes": list(search.adcodes), "cities": list(search.cities)}
    inside = places if chosen and not search.exclude else {"adcodes": None, "cities": None}
    outside = places if chosen and search.exclude else {"adcodes": None, "cities": None}
    return inside | {"not_adcodes": outside["adcodes"], "not_cities": outside["cities"]}


def within(counties: pd.DataFrame, search: Search) -> pd.Series:
    """Which of ``counties`` (adcode, city_adcode) the search's places keep (all when none is chosen)."""
    if not (search.adcodes or search.cities):
        return pd.Series(True, index=counties.index)
    named = counties.adcode.isin(search.adcodes) | counties.city_adcode.isin(search.cities)
    return ~named if search.exclude else named


def describe(search: Search, names: dict[str, str], filters: Scope) -> str:
    """The search in words, e.g. '安徽省 · 桐城市 · 专精特新中小企业 · 2025年'."""
    parts = [filters.name]
    if search.adcodes or search.cities:
        places = "、".join(names.get(a, a) for a in (*search.cities, *search.adcodes))
        parts.append(f"{places}以外" if search.exclude else places)
    if search.cluster:
        parts.append(names.get(search.cluster, search.cluster))
    if search.member:
        parts.append(MEMBERSHIP[search.member])
    if search.industry:
        parts.append(search.industry)
    if search.link:
        parts.append(names.get(search.link, search.link))
    if search.honours:
        parts.append("或".join(search.honours))
    if search.text:
        parts.append(f"名称含“{search.text}”" + ("（或拼音首字母）" if pinyin.is_initials_query(search.text) else ""))
    if search.revenue_min is not None or search.revenue_max is not None:
        low = "" if search.revenue_min is None else f"{search.revenue_min:g}"
        high = "" if search.revenue_max is None else f"{search.revenue_max:g}"
        parts.append(f"营收 {low}–{high} 亿元")
    return " · ".join(parts + [f"{filters.year}年"])


# Columns of the list on screen and in exports: query column → heading.
COLUMNS = {
    "name": "企业名称",
    "uscc": "统一社会信用代码",
    "county": "县区",
    "city": "所属市",
    "industry": "产业",
    "stage": "环节位置",
    "link": "产业链环节",
    "cluster": "所属集群",
    "revenue": "营业收入（万元）",  # (a firm's revenue spans orders of magnitude: analysis.formats)
    "honours": "荣誉",
    "above_scale": "规上企业",
    "lon": "经度",
    "lat": "纬度",
    "source_kind": "数据来源",
}


def table(rows: pd.DataFrame) -> pd.DataFrame:
    """Search rows as the list shows and exports them."""
    out = rows[list(COLUMNS)].rename(columns=COLUMNS)
    out["营业收入（万元）"] = out["营业收入（万元）"].map(formats.to_wan).astype("Int64")
    out["规上企业"] = out["规上企业"].map({True: "是", False: "否"})
    out["所属集群"] = out["所属集群"].fillna("（集群外）")
    return out
