"""人才库: a county's talents and teams of a 人才计划 (seed 000 §四(一) 一图三库) — name, person or team, field, the
plan's level and name, the year chosen, employer and cluster. Published per county like the 名录: the county's rows
are replaced. Names are personal data: the kind stores them, ``records.talents`` decides who may read them."""

from __future__ import annotations

import numpy as np
import pandas as pd

import queries
from uploads import rules, spec
from uploads.kinds import Kind, Prefill, empty, replace_county, restore_county
from uploads.parsing import parse
from uploads.problems import ERROR, WARNING, Checked, Problems
from uploads.sheets import Checking

NAME = spec.TALENTS
KINDS = ("个人", "团队")
COLUMNS = (
    spec.Column("姓名或团队名称", "text", True, "同一人才或团队只填一行（填最高层级的人才计划）", "name"),
    spec.Column("类别", "choice", True, "个人 / 团队", "kind", choices=KINDS),
    spec.Column("区县", "county", True, "所在区县（名称或 6 位代码）", "adcode"),
    spec.Column("所属集群", "text", False, "本县集群的名称；不属于任何集群则空", "cluster_name"),
    spec.Column("产业", "choice", True, "从下拉列表选择", "industry"),
    spec.Column("专业领域", "text", False, "如“锂电池正极材料”", "field"),
    spec.Column("人才计划层级", "choice", True, "国家级 / 省级 / 市级 / 县级", "level", choices=spec.LEVELS),
    spec.Column("人才计划名称", "text", False, "如“安徽省战略性新兴产业技术领军人才”", "program"),
    spec.Column("入选年份", "year", True, "入选该人才计划的年份", "year"),
    spec.Column("工作单位", "text", False, "企业或机构全称", "employer"),
    spec.Column("工作单位统一社会信用代码", "uscc", False, "有则填写", "employer_uscc"),
    spec.Column("团队人数", "number", False, "团队填写；个人不填", "members", 2.0, 10000.0),
)
FIELDS = {
    "kind": "类别",
    "cluster_name": "所属集群",
    "industry": "产业",
    "field": "专业领域",
    "level": "人才计划层级",
    "program": "人才计划名称",
    "year": "入选年份",
    "employer": "工作单位",
    "employer_uscc": "工作单位统一社会信用代码",
    "members": "团队人数",
}
STAGED = ["row_number", "name", *FIELDS]


def check(year: int, s: Checking, sheets, context, problems: Problems) -> Checked:
    """The rules of a 人才库 upload on its checked main sheet ``s``."""
    parsed = parse(s, context, {"industry": context.industries})
    adcode = rules.scope(s, parsed, context)
    rules.duplicates(
        s, parsed[["name", "adcode"]], "name", "同一区县的姓名或团队名称"
    )  # (a 全省导入 has many counties)
    rules.county_clusters(s, parsed, context)
    for key in ("cluster_name", "field", "program", "employer", "employer_uscc", "members"):
        if key not in parsed:
            parsed[key] = None
    s.flag(ERROR, (parsed.year > year).to_numpy(), "year", f"入选年份晚于上报年度 {year}。")
    if "members" in s.position:
        person = (parsed.kind == "个人").to_numpy() & pd.notna(parsed.members).to_numpy()
        s.flag(ERROR, person, "members", "类别为“个人”，不填团队人数。")
        whole = pd.isna(parsed.members) | (parsed.members == np.floor(parsed.members.astype(float)))
        s.flag(ERROR, ~whole.to_numpy(), "members", "团队人数须为整数。")
    if "employer_uscc" in s.position:
        known = set(context.enterprise_revenue.index)
        s.flag(
            WARNING,
            (parsed.employer_uscc.notna() & ~parsed.employer_uscc.isin(known)).to_numpy(),
            "employer_uscc",
            "不在本县企业名录中，请核对代码（高校、科研院所等单位可以不在名录中）。",
        )
    tables = {}
    if not s.bad.all():
        good = parsed[~s.bad].copy()
        good["row_number"] = s.rows[~s.bad]
        tables = {"batch_talents": good}
    return Checked(NAME, year, adcode, tables, problems, rows=len(s.sheet.cells))


def staged(batch_id: int, checked: Checked) -> dict[str, pd.DataFrame]:
    rows = checked.tables["batch_talents"][STAGED].assign(batch_id=batch_id)
    return {"batch_talents": rows.astype({"year": int, "members": "Int64"})}


def proposed(checked: Checked) -> pd.DataFrame:
    return checked.tables.get("batch_talents", empty(["name", *FIELDS]))


def submitted(con, batch_id: int) -> pd.DataFrame:
    return queries.run(con, "batch_talents_of", batch_id=batch_id)


def confirmed(con, adcode: str, year: int) -> pd.DataFrame:
    return queries.run(con, "county_talents", adcode=adcode)


def publish(con, batch: pd.Series, source_id: str) -> None:
    replace_county(con, batch, "talents", source_id)


def rollback(con, batch: pd.Series) -> None:
    restore_county(con, batch, "talents")


def prefill(con, adcode: str, year: int) -> Prefill:
    """The county's confirmed 人才库 (names included: the template goes to the county's own filer or the 省级管理员)."""
    rows = queries.run(con, "county_talents", adcode=adcode)
    county = queries.run(con, "region", adcode=adcode).name.iloc[0]
    return Prefill(
        {NAME: rows.assign(adcode=county)},
        f"已预填{county}已确认的 {len(rows):,} 名（个）人才和团队；人才库整体替换上次确认的人才库，请增删改后上传"
        "（未列出的将从人才库中移除）。姓名属于个人信息，请妥善保管本文件。",
    )


KIND = Kind(
    NAME,
    (spec.Template(NAME, COLUMNS),),
    check,
    staged,
    ("name", "姓名或团队名称"),
    FIELDS,
    proposed,
    submitted,
    confirmed,
    publish,
    rollback,
    prefill,
)
