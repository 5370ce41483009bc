"""Honour counts turned into what the 优质企业 page shows: densities, location quotients with a floor, the seed 000
target of 20 quality firms per 首位产业集群, and the seed 001 2025 cluster-wide targets.

Counting itself happens in SQL (``queries/honour_scope_counts.sql`` and friends); everything here is pure and
tested on hand-built frames.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# Seed 000: 专精特新中小企业或国家高新技术企业. A “小巨人” is a national-level 专精特新中小企业, so it counts too.
QUALITY_HONOURS = ("专精特新中小企业", "专精特新“小巨人”", "国家高新技术企业")
# Seed 001's 省级以上各类专精特新企业: either 专精特新 honour, each enterprise once.
SRDI_HONOURS = ("专精特新中小企业", "专精特新“小巨人”")
# The one definition of "专精特新企业" wherever the app or an export shows that count.
SRDI_DEFINITION = (
    "专精特新企业＝持有专精特新中小企业或专精特新“小巨人”称号的企业（“小巨人”是国家级专精特新，计入），每家只计一次；"
    "即〔001〕“省级以上各类专精特新企业”的口径。下表按单项荣誉分列，同一企业持有两项时各计一次。"
)
MIN_FIRMS = 30  # a unit with fewer 规上企业 has a density, but no rank
SPAN = 3  # years of history behind a projection

FLOOR_RULE = (
    f"密度 = 荣誉企业数 ÷ 规上企业数 × 100；区位熵 = 本地密度 ÷ 全省密度（>1 表示高于全省平均）。"
    f"规上企业不足 {MIN_FIRMS} 家的县区数值照常显示，但不参与密度和区位熵排名，地图上标为“样本不足”："
    f"几家企业中有一家获评，密度就会虚高。"
)
COUNTING_RULE = (
    "一家企业持有两项荣誉，在两项下各计一次；不在任何集群内的企业计入所在县区，不计入集群。"
    "荣誉按首次获评年份累计到所选年份（未记录摘牌）；分母为企业名录中的规上企业。"
)


def density(enterprises, firms) -> pd.Series:
    """Honour holders per 100 规上企业; NaN where a unit has no 规上企业."""
    enterprises = pd.Series(enterprises, dtype=float)
    firms = pd.Series(firms, dtype=float, index=enterprises.index)
    return (enterprises / firms.where(firms > 0) * 100).rename("density")


def location_quotient(enterprises, firms, total_enterprises, total_firms) -> pd.Series:
    """The unit's share of honour holders among its 规上企业 over the province's (scalars or aligned arrays);
    NaN where either share is undefined or the province has none."""
    local = density(enterprises, firms)
    reference = density(
        pd.Series(total_enterprises, index=local.index, dtype=float),
        pd.Series(total_firms, index=local.index, dtype=float),
    )
    return (local / reference.where(reference > 0)).rename("lq")


def rank(frame: pd.DataFrame, column: str, min_firms: int = MIN_FIRMS) -> pd.DataFrame:
    """``frame`` sorted for a ranking by ``column`` (descending), with ``rank`` (1 = top; ties share a rank) and
    ``ranked`` (False for units with fewer than ``min_firms`` 规上企业 or no value: they come last, unranked)."""
    ranked = (frame.firms >= min_firms) & frame[column].notna()
    ranks = frame[column].where(ranked).rank(method="min", ascending=False)
    out = frame.assign(ranked=ranked, rank=ranks.astype("Int64"))
    return out.sort_values(["ranked", column, "firms"], ascending=[False, False, False], na_position="last")


def with_density(rows: pd.DataFrame, province: pd.DataFrame) -> pd.DataFrame:
    """``rows`` of ``honour_scope_counts`` with ``density`` and ``lq``, each against the row of ``province``
    (the province's rows, one per honour) for the same honour."""
    ref = province.set_index("honour")
    return rows.assign(
        density=density(rows.enterprises, rows.firms).to_numpy(),
        lq=location_quotient(
            rows.enterprises,
            rows.firms,
            rows.honour.map(ref.enterprises).to_numpy(),
            rows.honour.map(ref.firms).to_numpy(),
        ).to_numpy(),
    )


@dataclass(frozen=True)
class QualityStatus:
    clusters: int  # 首位产业集群 in scope
    met: int  # with ≥ target quality firms now
    projected_met: int  # expected to have them by the target year
    shortfall: int  # quality firms missing, summed over the clusters that fall short


def quality_gaps(clusters: pd.DataFrame, target: float, year: int, by_year: int, span: int = SPAN) -> pd.DataFrame:
    """The 首位产业集群 of ``clusters`` (rows of ``cluster_quality``) with the gap to ``target`` quality firms.

    Adds ``gap`` (firms missing now, 0 when met), ``met``, ``per_year`` (net new quality firms a year over the last
    ``span`` years), ``projected`` (at that pace by ``by_year``), ``on_track`` and ``needed_per_year`` (to close the
    gap by ``by_year``). Sorted: largest gap first.
    """
    leading = clusters[clusters.is_leading].copy()
    years_left = max(by_year - year, 0)
    leading["gap"] = (target - leading.quality).clip(lower=0).astype(int)
    leading["met"] = leading.gap == 0
    leading["per_year"] = (leading.quality - leading.quality_start) / span
    leading["projected"] = leading.quality + leading.per_year * years_left
    leading["on_track"] = leading.projected >= target
    leading["needed_per_year"] = (leading.gap / years_left) if years_left else leading.gap.astype(float)
    return leading.sort_values(["gap", "quality"], ascending=[False, True])


def quality_status(gaps: pd.DataFrame) -> QualityStatus:
    return QualityStatus(len(gaps), int(gaps.met.sum()), int(gaps.on_track.sum()), int(gaps.gap.sum()))


# Seed 001's 2025 cluster-wide targets: metric of ``policy_targets`` → column of ``cluster_honour_totals``.
TARGET_COLUMNS = {
    "high_tech": "高新技术企业",
    "srdi": "省级以上专精特新企业",
    "leaders": "龙头企业（群主）",
    "partners": "配套“伙伴”企业",
}
# The honours behind each measure: the link from a total to its enterprise list.
TARGET_HONOURS = {
    "high_tech": ("国家高新技术企业",),
    "srdi": SRDI_HONOURS,
    "leaders": ("龙头/链主企业",),
    "partners": ("配套“伙伴”企业",),
}


def target_progress(totals: pd.DataFrame, targets: pd.DataFrame, year: int) -> pd.DataFrame:
    """One row per seed 001 cluster-wide honour target: metric, label, target_year, target, value (in ``year``),
    share (value ÷ target), gap (0 when met), wording and source_doc."""
    now = totals[totals.year == year]
    rows = []
    for t in targets[targets.metric.isin(list(TARGET_COLUMNS))].itertuples():
        value = float(now[t.metric].iloc[0]) if not now.empty else np.nan
        rows.append(
            {
                "metric": t.metric,
                "label": TARGET_COLUMNS[t.metric],
                "target_year": t.year,
                "target": t.value,
                "value": value,
                "share": value / t.value if t.value else np.nan,
                "gap": max(t.value - value, 0) if not np.isnan(value) else np.nan,
                "wording": t.wording,
                "source_doc": t.source_doc,
            }
        )
    return pd.DataFrame(
        rows, columns=["metric", "label", "target_year", "target", "value", "share", "gap", "wording", "source_doc"]
    )
