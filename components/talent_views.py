"""The 人才库's pieces: counts by county on the map, by level and kind, by county or cluster (open to every reader),
the named list for the roles that may read it (``records.talents``), and the 一图三库 lines of a cluster's profile."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import store
from analysis import formats
from analysis import projects as pj
from components import downloads, enterprise_links, legend, plain
from geo import choropleth
from records import Refused, access, talents

LEVELS = ("国家级", "省级", "市级", "县级")
NAMED = {
    "name": "姓名或团队名称",
    "kind": "类别",
    "county": "区县",
    "cluster": "所属集群",
    "industry": "产业",
    "field": "专业领域",
    "level": "人才计划层级",
    "program": "人才计划名称",
    "year": "入选年份",
    "employer": "工作单位",
    "members": "团队人数",
    "source": "来源",
}


def county_map(counts: pd.DataFrame, covered: pd.Series, key: str) -> None:
    """Talents and teams per county (the scope's counties highlighted), people in teams in the tooltip."""
    per = counts.groupby("adcode").agg(talents=("talents", "sum"), members=("members", "sum")).reset_index()
    shapes = legend.county_shapes(per)
    shapes["talents"] = shapes.talents.fillna(0)
    shapes["members_text"] = shapes.members.map(lambda v: f"{int(v):,} 人" if pd.notna(v) else "—")
    metric = choropleth.Metric(
        "talents", "人才与团队数", "个", (1, 3, 6, 10), extra=("members_text", "合计人数"), none_label="无记录"
    )
    legend.county_map(shapes, metric, shapes.adcode.isin(set(covered)), key=key, title="各区县人才与团队数", height=520)


def by_level(counts: pd.DataFrame) -> pd.DataFrame:
    """个人 and 团队 per level of the 人才计划, with the people in teams."""
    table = counts.pivot_table(index="level", columns="kind", values="talents", aggfunc="sum", fill_value=0)
    table = table.reindex(index=list(LEVELS), columns=["个人", "团队"], fill_value=0)
    people = counts[counts.kind == "团队"].groupby("level").members.sum().reindex(list(LEVELS)).fillna(0)
    return pd.DataFrame(
        {
            "人才计划层级": list(LEVELS),
            "个人": table["个人"].to_numpy(),
            "团队": table["团队"].to_numpy(),
            "团队人数": people.astype(int).to_numpy(),
        }
    )


def by_group(counts: pd.DataFrame, group: str, label: str) -> pd.DataFrame:
    """Per county or cluster: 个人, 团队, of them 国家级 and 省级, and all people."""
    if counts.empty:
        return pd.DataFrame(columns=[label, "个人", "团队", "国家级", "省级", "合计人数"])
    rows = counts.assign(key=counts[group].fillna("（未归属集群）"))
    out = rows.groupby("key").apply(
        lambda g: pd.Series(
            {
                "个人": int(g.talents[g.kind == "个人"].sum()),
                "团队": int(g.talents[g.kind == "团队"].sum()),
                "国家级": int(g.talents[g.level == "国家级"].sum()),
                "省级": int(g.talents[g.level == "省级"].sum()),
                "合计人数": int(g.members.sum()),
            }
        ),
        include_groups=False,
    )
    return out.sort_values(["国家级", "省级", "合计人数"], ascending=False).rename_axis(label).reset_index()


def named(current: access.User | None, scope_adcodes: set[str], industry: str | None) -> None:
    """The names, for a user whose role may read them (their region's, within the scope and of ``industry`` if
    given); else who may see them."""
    if not talents.may_read(current):
        st.info(
            "人才姓名属于个人信息，仅县级填报（本县）、市级审核（本市）、省级审核和省级管理员登录后可见；以上为公开的统计数字。"
        )
        return
    try:
        rows = talents.named(store.cursor(), current.username)
    except Refused as refused:
        st.error(plain.md(refused))
        return
    rows = rows[rows.adcode.isin(scope_adcodes) & ((rows.industry == industry) if industry else True)]
    st.markdown(f"#### 人才与团队名单（{len(rows):,} 条；个人信息，仅限工作使用）")
    listed = rows[list(NAMED)].rename(columns=NAMED)
    listed["团队人数"] = listed["团队人数"].astype("Int64")
    st.dataframe(listed, hide_index=True, width="stretch", height=420, key="talents_named")
    downloads.buttons(listed, "人才库名单", key="talents_named_dl", label="人才库名单")


def cluster_lines(cluster_id: str, adcode: str, year: int) -> str:
    """The 一图三库 lines of a cluster's profile: its projects (with the link to 项目库) and its talents, as HTML."""
    projects = store.query("projects")
    mine = projects[projects.cluster_id == cluster_id]
    counts = store.query("talent_counts")
    people = counts[counts.cluster_id == cluster_id]
    if mine.empty:
        project = "项目库：该集群暂无项目。"
    else:
        kinds = "、".join(f"{k} {int((mine.kind == k).sum())}" for k in pj.KINDS if (mine.kind == k).any())
        project = (
            f"项目库：<b>{len(mine)}</b> 个项目（{kinds}），计划总投资 {formats.figure(mine.investment.sum(), '亿元')} 亿元，"
            f"{int(mine.stage.isin(pj.UNDER_WAY).sum())} 个尚未投产；{year}年实施重点技改 {int(pj.implemented(mine, year).sum())} 项。"
            + " "
            + enterprise_links.page_link("在项目库中查看本县项目", "projects", year=year, county=adcode)
        )
    if people.empty:
        talent = "人才库：该集群暂无人才或团队记录。"
    else:
        levels = "、".join(
            f"{level} {int(people.talents[people.level == level].sum())}"
            for level in LEVELS
            if (people.level == level).any()
        )
        talent = (
            f"人才库：个人 <b>{int(people.talents[people.kind == '个人'].sum())}</b> 名、团队 "
            f"<b>{int(people.talents[people.kind == '团队'].sum())}</b> 个（{levels}），合计 {int(people.members.sum())} 人。"
        )
    return f'<div class="cluster-libraries"><p data-library="projects">{project}</p><p data-library="talents">{talent}</p></div>'
