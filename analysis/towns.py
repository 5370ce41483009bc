"""Seed 003's 2010 专业镇 baseline against today (pure): the document's table by city rebuilt from the data, each
county's named 2010 towns beside its clusters today, and the county's category on the map.

A county *continues* its 2010 专业镇 when one of its clusters today is in an industry that the 2010 town's industry
leads to (``lineage`` in data/towns_2010.csv, e.g. 制刷 → 刷业, 工程塑料 → 资源循环利用); the link is a reading of
the two vocabularies, stated per town in the file.
"""

from __future__ import annotations

import pandas as pd

REGIONS = ("皖南", "皖北", "皖中")  # the document's column order
CONTINUED, DISCONTINUED, UNNAMED = (
    "2010年专业镇产业今有同类集群",
    "2010年专业镇产业今无同类集群",
    "规划未点名本县专业镇",
)
PALETTE = ((CONTINUED, "#15803d"), (DISCONTINUED, "#f59e0b"), (UNNAMED, "#e5e7eb"))


def region_table(cities: pd.DataFrame) -> pd.DataFrame:
    """The document's 省认定产业集群专业镇地域分布情况表: per region a (地市, 汇总) pair of columns, cities in the
    document's order, and a 合计 row summed from the data."""
    columns = {}
    rows = int(cities.groupby("region").size().max())
    for region in REGIONS:
        own = cities[cities.region == region].sort_values("position")
        names = own.city_2010.tolist() + [""] * (rows - len(own))
        counts = [str(n) for n in own.towns] + [""] * (rows - len(own))
        columns[f"{region}·地市"] = names + ["合计"]
        columns[f"{region}·汇总"] = counts + [str(int(own.towns.sum()))]
    return pd.DataFrame(columns)


def totals(cities: pd.DataFrame) -> dict[str, int]:
    """Towns by region, and the province's total, from the by-city table."""
    by_region = cities.groupby("region").towns.sum()
    return {region: int(by_region.get(region, 0)) for region in REGIONS} | {"全省": int(cities.towns.sum())}


def lineage(value) -> set[str]:
    return set(value.split("|")) if isinstance(value, str) and value else set()


def county_comparison(named: pd.DataFrame, clusters: pd.DataFrame) -> pd.DataFrame:
    """One row per today's county with a named 2010 town: adcode, county, city, towns ("town（industry）", "；"-joined),
    clusters (today's industries, "、"-joined, or "无"), continued (the 2010 industries' heirs among them), status
    (CONTINUED or DISCONTINUED)."""
    rows = []
    for adcode, own in named[named.adcode.notna()].groupby("adcode", sort=False):
        today = sorted(set(clusters[clusters.adcode == adcode].industry))
        heirs = set().union(*(lineage(v) for v in own.lineage))
        kept = [industry for industry in today if industry in heirs]
        rows.append(
            {
                "adcode": adcode,
                "county": own.county.iloc[0],
                "city": own.city.iloc[0],
                "towns": "；".join(f"{r.town}（{r.industry}）" for r in own.itertuples()),
                "clusters": "、".join(today) or "无",
                "continued": "、".join(kept),
                "status": CONTINUED if kept else DISCONTINUED,
            }
        )
    return pd.DataFrame(rows, columns=["adcode", "county", "city", "towns", "clusters", "continued", "status"])


def map_categories(adcodes: pd.Series, comparison: pd.DataFrame) -> pd.DataFrame:
    """Every county of ``adcodes`` with its category (PALETTE) and the tooltip's detail (its towns, or none)."""
    found = comparison.set_index("adcode")
    status = [found.status.get(a, UNNAMED) for a in adcodes]
    detail = [found.towns.get(a, "无") for a in adcodes]
    return pd.DataFrame({"adcode": adcodes.to_numpy(), "status": status, "detail": detail})
