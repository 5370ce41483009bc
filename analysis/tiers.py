"""Revenue tiers: growth, projections to the target years, progress against targets, 百亿 coverage, watch list.

Projection method (shown on the page): each cluster's compound annual growth over its last ``SPAN`` years
(fewer if its figures start later), clipped to ``GROWTH_FLOOR``…``GROWTH_CAP``; a cluster with a single year
of figures takes the median growth of the others. Revenue in year T = revenue now × (1 + growth)^(T − now).
Clusters not yet recognised are not projected, so projected counts are a floor, not a forecast of the total.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

SPAN = 3
GROWTH_FLOOR = -0.10
GROWTH_CAP = 0.25
THRESHOLDS = (100.0, 300.0, 500.0, 1000.0)  # 亿元: the lower bounds of the bands above 百亿以下

METHOD = (
    f"预测方法：每个集群按近{SPAN}年营业收入的年均复合增速外推（数据不足{SPAN}年的按已有年份计算；"
    f"只有一年数据的取其他集群增速的中位数），增速限定在{GROWTH_FLOOR:.0%}～{GROWTH_CAP:.0%}之间；"
    "预测年营收 = 当年营收 ×（1 + 增速）^ 年数。尚未认定的新集群不计入，预测数是下限而非总量预测。"
)


@dataclass(frozen=True)
class Band:
    key: str  # the name the SQL macro ``tier()`` returns
    label: str
    low: float
    high: float | None
    column: str  # suffix of the tier_bands columns (n_…, rev_…)


BANDS = (
    Band("千亿级", "千亿级（≥1000亿）", 1000, None, "1000"),
    Band("500亿级", "500–1000亿", 500, 1000, "500"),
    Band("300–500亿级", "300–500亿", 300, 500, "300"),
    Band("百亿级", "100–300亿", 100, 300, "100"),
    Band("百亿以下", "百亿以下（<100亿）", 0, 100, "0"),
)


def growth(revenue: pd.Series, revenue_start: pd.Series, years: pd.Series) -> pd.Series:
    """Compound annual growth of each cluster from ``revenue_start`` (``years`` before) to ``revenue``.

    Missing starts take the median of the others (0 if there are none); the result is clipped.
    """
    valid = (revenue_start > 0) & (years >= 1) & (revenue > 0)
    rate = pd.Series(np.nan, index=revenue.index, dtype=float)
    rate[valid] = (revenue[valid] / revenue_start[valid]) ** (1 / years[valid]) - 1
    rate = rate.clip(GROWTH_FLOOR, GROWTH_CAP)
    fallback = rate.median() if rate.notna().any() else 0.0
    return rate.fillna(fallback)


def project(revenue: pd.Series, rate: pd.Series, years_ahead: int) -> pd.Series:
    return revenue * (1 + rate) ** years_ahead


def counts(revenue: pd.Series) -> dict[str, float]:
    """The tier metrics of targets.csv for a set of cluster revenues (bands include their lower bound)."""
    return {
        "cluster_count": float(len(revenue)),
        "total_revenue": float(revenue.sum()),
        "clusters_100": float((revenue >= 100).sum()),
        "clusters_300_500": float(((revenue >= 300) & (revenue < 500)).sum()),
        "clusters_500": float((revenue >= 500).sum()),
        "clusters_1000": float((revenue >= 1000).sum()),
    }


def counties_without_100(
    county_kind: pd.Series, adcode: pd.Series, revenue: pd.Series, all_counties: pd.Series
) -> float:
    """How many of ``all_counties`` (县 and 县级市 adcodes) have no cluster ≥100亿 among the given clusters."""
    covered = set(adcode[(revenue >= 100) & county_kind.isin(["县", "县级市"])])
    return float(len(set(all_counties) - covered))


LOWER_IS_BETTER = {"counties_without_100"}


def progress(
    targets: pd.DataFrame, now: dict[str, float], projected: dict[int, dict[str, float]], year: int
) -> pd.DataFrame:
    """One row per target: its value and document, the value in ``year``, the projection for the target year,
    whether that meets the target and by how much (positive: ahead; negative: short).

    ``projected`` maps a target year to the metrics projected for it; years not after ``year`` use ``now``.
    """
    rows = []
    for t in targets.itertuples():
        if t.metric not in now:
            continue
        expected = projected.get(t.year, now) if t.year > year else now
        value = expected[t.metric]
        margin = (t.value - value) if t.metric in LOWER_IS_BETTER else (value - t.value)
        rows.append(
            {
                "target_id": t.target_id,
                "year": t.year,
                "metric": t.metric,
                "target": t.value,
                "unit": t.unit,
                "wording": t.wording,
                "source_doc": t.source_doc,
                "now": now[t.metric],
                "expected": value,
                "on_track": margin >= 0,
                "margin": margin,
            }
        )
    return pd.DataFrame(rows)


def required_growth(current: float, goal: float, years: int) -> float:
    """The yearly growth that takes ``current`` to ``goal`` in ``years`` (inf from zero, 0 if already there)."""
    if current >= goal:
        return 0.0
    if current <= 0 or years <= 0:
        return float("inf")
    return (goal / current) ** (1 / years) - 1


def next_threshold(revenue: float) -> float | None:
    """The lower bound of the next band up (None for 千亿级)."""
    return next((t for t in THRESHOLDS if revenue < t), None)


def watch_list(clusters: pd.DataFrame, within: float, year: int, by_year: int) -> pd.DataFrame:
    """Clusters whose revenue is within ``within`` (a fraction, e.g. 0.2) below the next band's lower bound.

    ``clusters`` needs revenue and growth. Adds next_threshold, gap (亿元), gap_share (of the threshold),
    needed (yearly growth to reach it by ``by_year``, or within one year if ``by_year`` ≤ ``year``) and
    reach_year (when the cluster's own growth gets it there, None if never within 2050).
    """
    threshold = clusters.revenue.map(next_threshold)
    out = clusters.assign(next_threshold=threshold.astype(float))
    out = out[out.next_threshold.notna()]
    out = out.assign(gap=out.next_threshold - out.revenue)
    out = out.assign(gap_share=out.gap / out.next_threshold)
    out = out[out.gap_share <= within]
    horizon = max(by_year - year, 1)
    out = out.assign(needed=[required_growth(r, t, horizon) for r, t in zip(out.revenue, out.next_threshold)])
    out = out.assign(
        reach_year=[_reach_year(r, t, g, year) for r, t, g in zip(out.revenue, out.next_threshold, out.growth)]
    )
    return out.sort_values("gap_share")


def _reach_year(revenue: float, threshold: float, rate: float, year: int) -> int | None:
    if rate <= 0 or revenue <= 0:
        return None
    reach = year + int(np.ceil(np.log(threshold / revenue) / np.log(1 + rate)))
    return reach if reach <= 2050 else None


def coverage(counties: pd.DataFrame, year: int, goal_year: int = 2030) -> pd.DataFrame:
    """Each 县/县级市's distance to the 百亿县域全覆盖 goal: counties needs adcode, kind, top_revenue (its largest
    cluster, NaN if none). Adds gap (亿元 to 100, 0 if covered) and needed (yearly growth of the largest cluster
    to reach 100 by ``goal_year``; NaN without a cluster)."""
    out = counties[counties.kind.isin(["县", "县级市"])].copy()
    top = out.top_revenue
    out["gap"] = (100 - top.fillna(0)).clip(lower=0)
    years = max(goal_year - year, 1)
    out["needed"] = [np.nan if pd.isna(r) else required_growth(r, 100, years) for r in top]
    return out
