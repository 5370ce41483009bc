"""Province-wide figures the store cannot compute from its clusters, entered by the 省级管理员 with their source:
today the 全省规上工业企业研发投入强度 of a year (seed 000: 县域首位产业集群企业平均研发投入强度高于全省规上工业企业
平均水平, 2027). Saving checks the user in the data layer, replaces that year's figure and is audited."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

import queries
from records import Refused, access, audit, policy

INDICATORS = {"rd_intensity_above_scale": ("全省规上工业企业研发投入强度", "%", 0.0, 20.0)}


class FigureError(Refused, ValueError):
    """A figure that cannot be saved (unknown indicator, out of range, no source), in Chinese."""


def save(con, username: str, indicator: str, year: int, value: float, source: str) -> None:
    if indicator not in INDICATORS:
        raise FigureError(f"未知的全省指标“{indicator}”。")
    label, unit, low, high = INDICATORS[indicator]
    if value is None or pd.isna(value) or not low <= float(value) <= high:
        raise FigureError(f"{label}须在 {low:g} 到 {high:g}{unit} 之间。")
    if not 2000 <= int(year) <= datetime.now().year:
        raise FigureError(f"年份 {year} 不在可选范围内。")
    try:
        source = policy.text(source, "数据来源（如《安徽省国民经济和社会发展统计公报》）", limit=200)
    except policy.PolicyError as wrong:
        raise FigureError(str(wrong)) from None
    with policy.step(con):
        access.require(con, username, "set_province_figures")
        queries.run(
            con,
            "province_figure_save",
            indicator=indicator,
            year=int(year),
            value=float(value),
            unit=unit,
            source=source,
            username=username,
            now=datetime.now(),
        )
        audit.record(
            con, username, "录入全省指标", year=int(year), detail=f"{label} {float(value):g}{unit}（{source}）"
        )


def latest(con, indicator: str, year: int) -> pd.Series | None:
    """The figure of ``year``, else of the latest year before it; None if none was entered."""
    found = queries.run(con, "province_figures")
    found = found[(found.indicator == indicator) & (found.year <= year)]
    return None if found.empty else found.iloc[0]
