"""Every policy target of data/targets.csv against the store's figures of a year (pure): the province's counts
(``tier_counts`` and ``target_progress``) and, for the per-cluster targets, how many clusters fall short.

A count target is reached when the figure is at least the target; ``counties_without_100`` (每个县(市)至少1个百亿级
集群) is reached when it is at most the target (0). A per-cluster target ("每个集群至少…") is reached when no
cluster falls short; the table says how many do. A target whose figure the store does not have says so.
"""

from __future__ import annotations

import pandas as pd

from analysis import formats

AT_MOST = {"counties_without_100"}  # reached when the figure is at most the target
PER_CLUSTER = {"platforms_per_cluster", "leading_cluster_quality_firms"}
NOTES = {
    "provincial_clusters": "按集群级别“省级”计",
    "national_clusters": "按集群级别“国家级”计",
    "demo_bases": "按集群年度数据的“示范基地”计",
    "high_share_clusters": "按集群年度数据的“市场占有率较高”计",
    "counties_without_100": "县和县级市中尚无百亿级集群的个数",
    "leading_cluster_quality_firms": "专精特新中小企业与高新技术企业相加（同一企业两项都有时计两次）",
    "tech_upgrade_projects": "项目库中首位产业集群的重点技改项目，当年在建或当年投产（开工不晚于年底、未投产或投产不早于年初）",
}
DOC_NOTES = {("platforms_per_cluster", "000"): "县域首位产业集群", ("platforms_per_cluster", "002"): "全部县域产业集群"}


def shortfalls(values: pd.DataFrame, year: int) -> dict[str, tuple[int, int]]:
    """Per-cluster targets: (clusters short of it, clusters counted) in ``year`` (``cluster_indicators`` rows)."""
    rows = values[values.year == year]
    leading = rows[rows.is_leading.astype(bool)]
    quality = leading.srdi.fillna(0) + leading.high_tech.fillna(0)
    return {
        "platforms_per_cluster": (int((rows.platforms.fillna(0) < 1).sum()), len(rows)),
        "platforms_per_cluster〔000〕": (int((leading.platforms.fillna(0) < 1).sum()), len(leading)),  # 首位产业集群
        "leading_cluster_quality_firms": (int((quality < 20).sum()), len(leading)),
    }


def table(targets: pd.DataFrame, figures: dict[str, float], short: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """One row per target: 目标年份, 文件, 目标, 目标值, 当前, 进度, 口径."""
    rows = []
    for t in targets.sort_values(["year", "source_doc", "target_id"]).itertuples():
        goal = f"{formats.figure(t.value, t.unit)} {t.unit}"
        own = f"{t.metric}〔{t.source_doc}〕"  # a document's own reading of the metric (000: 首位产业集群 only)
        if t.metric in PER_CLUSTER and (own in short or t.metric in short):
            lacking, counted = short.get(own, short.get(t.metric))
            now, progress = (
                f"{lacking} 个集群未达到（共 {counted} 个）",
                "已达到" if lacking == 0 else f"差 {lacking} 个集群",
            )
        elif t.metric in figures and pd.notna(figures[t.metric]):
            value = float(figures[t.metric])
            reached = value <= t.value if t.metric in AT_MOST else value >= t.value
            gap = value - t.value if t.metric in AT_MOST else t.value - value
            unit = t.unit.split("/")[0]
            now = f"{formats.figure(value, unit)} {unit}"
            progress = "已达到" if reached else f"差 {formats.figure(gap, unit)} {unit}"
        else:
            now, progress = "—", "暂无数据"
        rows.append(
            {
                "目标年份": int(t.year),
                "文件": f"〔{t.source_doc}〕",
                "目标": t.wording,
                "目标值": goal,
                "当前": now,
                "进度": progress,
                "口径": DOC_NOTES.get((t.metric, t.source_doc), NOTES.get(t.metric, "")),
            }
        )
    return pd.DataFrame(rows)


def figures_of(tiers: pd.Series, progress: pd.Series) -> dict[str, float]:
    """The province's figures by target metric, from a ``tier_counts`` row and a ``target_progress`` row."""
    return {
        "cluster_count": tiers.clusters,
        "total_revenue": tiers.revenue,
        "clusters_100": tiers.clusters_100,
        "clusters_300_500": tiers.clusters_300_500,
        "clusters_500": tiers.clusters_500,
        "clusters_1000": tiers.clusters_1000,
        **{k: progress[k] for k in progress.index},
    }
