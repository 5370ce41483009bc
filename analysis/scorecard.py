"""The scorecard's figures: which tier counts it shows, the target metric of each, and how values are written."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis import formats

TARGET_YEARS = (2025, 2027)


@dataclass(frozen=True)
class Kpi:
    """A figure of the scorecard: its label, its column in ``tier_counts``, its metric in the targets, its unit."""

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
    """``value`` as the whole app writes it (``analysis.formats``): 亿元 with one decimal, counts whole."""
    return formats.figure(value, unit)


@dataclass(frozen=True)
class TargetGap:
    """How far a value is from a year's target: every document's figure, lowest first, and the gap to the lowest."""

    year: int
    figures: list[tuple[float, str]]  # (figure, document), lowest first
    gap: float  # the lowest figure minus the value; ≤ 0 when reached

    @property
    def met(self) -> bool:
        return self.gap <= 0

    def status(self, unit: str) -> str:
        return "已达到" if self.met else f"差 {value_text(self.gap, unit)}"


def target_gap(targets: pd.DataFrame, metric: str, year: int, value: float) -> TargetGap | None:
    """The gap of ``value`` to the targets of ``metric`` in ``year`` (rows of ``policy_targets``); None if none."""
    figures = sorted(
        (
            (float(v), d)
            for m, y, v, d in zip(  # (plain Python: a few dozen rows, asked per table cell)
                targets.metric.tolist(), targets.year.tolist(), targets.value.tolist(), targets.source_doc.tolist()
            )
            if m == metric and y == year
        ),
        key=lambda f: f[0],
    )
    if not figures:
        return None
    return TargetGap(year, figures, figures[0][0] - value)
