"""The scorecard's figures: which tier counts it shows, the target metric of each, and how values are written."""

from __future__ import annotations

from dataclasses import dataclass

TARGET_YEARS = (2025, 2027)


@dataclass(frozen=True)
class Kpi:
    label: str
    field: str  # column of the ``tier_counts`` query
    metric: str  # target metric in ``targets``
    unit: str


KPIS = (
    Kpi("集群数", "clusters", "cluster_count", "个"),
    Kpi("营收合计", "revenue", "total_revenue", "亿元"),
    Kpi("百亿级", "clusters_100", "clusters_100", "个"),
    Kpi("300–500亿级", "clusters_300_500", "clusters_300_500", "个"),
    Kpi("500亿级以上", "clusters_500", "clusters_500", "个"),
    Kpi("千亿级", "clusters_1000", "clusters_1000", "个"),
)


def value_text(value: float, unit: str) -> str:
    """Counts as integers; 亿元 with one decimal unless whole (targets are round figures)."""
    return f"{value:,.1f}" if unit == "亿元" and not float(value).is_integer() else f"{value:,.0f}"
