"""Province-wide gap lists of the seeds' per-cluster requirements: clusters without a public service platform (seed
002: every cluster ≥ 1 综合性公共服务平台 by 2027; seed 000: every 首位产业集群 ≥ 1 共性技术平台) and the 五个一 items
each cluster still lacks (seeds 000/001). Pure functions over rows of ``queries/cluster_indicators.sql``."""

from __future__ import annotations

import pandas as pd

from analysis.evaluation import FIVE_ONES


def platform_gaps(year_rows: pd.DataFrame) -> pd.DataFrame:
    """The clusters of the year with no platform reported, or none: 集群, 县区, 所属市, 级别, 平台（个）."""
    short = year_rows[~(year_rows.platforms.fillna(0) >= 1)].sort_values(["city", "county", "name"])
    return pd.DataFrame(
        {
            "集群": short.name,
            "县区": short.county,
            "所属市": short.city,
            "级别": short.level,
            "平台（个）": short.platforms.map(lambda v: "未报" if pd.isna(v) else f"{int(v)}"),
        }
    )


def five_one_gaps(year_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per cluster lacking any 五个一 item: 集群, 县区, 所属市, 缺少的项目 (in the seeds' order), 缺项数."""
    missing = [
        "、".join(wording for column, wording in FIVE_ONES.items() if not bool(row[column]))
        for _, row in year_rows.iterrows()
    ]
    out = pd.DataFrame(
        {
            "集群": year_rows.name.to_numpy(),
            "县区": year_rows.county.to_numpy(),
            "所属市": year_rows.city.to_numpy(),
            "缺少的项目": missing,
            "缺项数": [m.count("、") + 1 if m else 0 for m in missing],
        }
    )
    return out[out.缺项数 > 0].sort_values(["缺项数", "所属市", "县区"], ascending=[False, True, True])


def item_counts(year_rows: pd.DataFrame) -> dict[str, int]:
    """How many of the clusters lack each 五个一 item."""
    return {wording: int((~year_rows[column].astype(bool)).sum()) for column, wording in FIVE_ONES.items()}


def by_county(year_rows: pd.DataFrame) -> pd.DataFrame:
    """Per county with clusters: adcode, no_platform (clusters without a platform), five_one_missing (五个一 items
    missing over its clusters), detail (its clusters lacking anything, for the map's tooltip)."""
    rows = year_rows.assign(
        no_platform=~(year_rows.platforms.fillna(0) >= 1),
        missing=sum((~year_rows[c].astype(bool)).astype(int) for c in FIVE_ONES),
    )
    out = rows.groupby("adcode").agg(no_platform=("no_platform", "sum"), five_one_missing=("missing", "sum"))
    detail = rows[rows.no_platform | (rows.missing > 0)].groupby("adcode").name.agg("、".join)
    return out.join(detail.rename("detail")).fillna({"detail": "无"}).reset_index()
