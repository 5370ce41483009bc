"""The 项目库's figures (pure): the stage funnel (how many projects reached each stage, with their investment), stage
counts by county, city or cluster, and the 重点技改 projects of the 首位产业 clusters under way in a year against seed
000's "每年在县域首位产业集群实施200项左右重点技术改造项目"."""

from __future__ import annotations

from datetime import date

import pandas as pd

STAGES = ("线索", "洽谈", "签约", "开工", "投产")
KINDS = ("招商引资", "重大项目", "重点技改")
TECH_TARGET = 200  # 重点技改 projects a year in the 首位产业 clusters (seed 000 §二(二)4)
UNDER_WAY = STAGES[:4]  # not yet in production: a missing link with such a project is being filled
DATES = ("signed_on", "started_on", "producing_on")


def funnel(projects: pd.DataFrame) -> pd.DataFrame:
    """One row per stage: reached (projects at that stage or later), at (projects whose latest stage it is) and
    investment (亿元) of those that reached it."""
    order = projects.stage.map(STAGES.index)
    return pd.DataFrame(
        {
            "stage": STAGES,
            "reached": [int((order >= i).sum()) for i in range(len(STAGES))],
            "at": [int((order == i).sum()) for i in range(len(STAGES))],
            "investment": [float(projects.investment[order >= i].sum()) for i in range(len(STAGES))],
        }
    )


def implemented(projects: pd.DataFrame, year: int) -> pd.Series:
    """Which projects are 重点技改 of a 首位产业 cluster under way in ``year``: started by its end and not in production
    before its start (in production during the year counts)."""
    started = pd.to_datetime(projects.started_on)
    producing = pd.to_datetime(projects.producing_on)
    first, last = pd.Timestamp(date(year, 1, 1)), pd.Timestamp(date(year, 12, 31))
    return (
        (projects.kind == "重点技改")
        & projects.is_leading.astype(bool)
        & (started <= last).fillna(False)
        & (producing.isna() | (producing >= first))
    )


def by_group(projects: pd.DataFrame, group: str, label: str, year: int) -> pd.DataFrame:
    """Per ``group`` (a column: county, city or cluster): projects at each latest stage, all projects, total
    investment, and the 首位产业 重点技改 under way in ``year``; largest investment first."""
    if projects.empty:
        return pd.DataFrame(columns=[label, *STAGES, "项目数", "计划总投资（亿元）", f"{year}年实施重点技改"])
    counts = pd.crosstab(projects[group], projects.stage).reindex(columns=list(STAGES), fill_value=0)
    table = counts.assign(
        项目数=counts.sum(axis=1),
        **{"计划总投资（亿元）": projects.groupby(group).investment.sum().round(1)},
        **{f"{year}年实施重点技改": implemented(projects, year).groupby(projects[group]).sum().astype(int)},
    )
    return table.sort_values("计划总投资（亿元）", ascending=False).rename_axis(label).reset_index()


def under_way(projects: pd.DataFrame, adcodes, link_ids) -> pd.DataFrame:
    """The projects not yet in production in ``adcodes`` that fill one of ``link_ids`` (for 循链招商's missing links)."""
    return projects[
        projects.adcode.isin(set(adcodes)) & projects.link_id.isin(set(link_ids)) & projects.stage.isin(UNDER_WAY)
    ]
