"""项目库: a county's projects (招商引资, 重大项目, 重点技改) with the cluster, industry and chain link they serve, the
investment, the enterprise where known and their stage 线索 → 洽谈 → 签约 → 开工 → 投产 with its dates (seed 000
§二(二)3–4, §四(一)). Published per county like the 名录: the county's projects are replaced by the batch's."""

from __future__ import annotations

import numpy as np
import pandas as pd

import queries
from uploads import rules, spec
from uploads.kinds import Kind, Prefill, empty, replace_county, restore_county
from uploads.parsing import parse
from uploads.problems import ERROR, WARNING, Checked, Problems
from uploads.sheets import Checking

NAME = spec.PROJECTS
KINDS = ("招商引资", "重大项目", "重点技改")
STAGES = ("线索", "洽谈", "签约", "开工", "投产")
DATED = {"签约": "signed_on", "开工": "started_on", "投产": "producing_on"}  # the stages that carry a date
COLUMNS = (
    spec.Column("项目名称", "text", True, "同一区县内不得重复；年年沿用同一名称，以便跟踪", "name"),
    spec.Column("区县", "county", True, "项目所在区县（名称或 6 位代码）", "adcode"),
    spec.Column("所属集群", "text", False, "本县集群的名称；不属于任何集群则空", "cluster_name"),
    spec.Column("产业", "choice", True, "从下拉列表选择", "industry"),
    spec.Column("产业链环节", "choice", False, "项目补强的产业链环节（须属于所选产业）；不确定可空", "link"),
    spec.Column("项目类型", "choice", True, "招商引资 / 重大项目 / 重点技改", "kind", choices=KINDS),
    spec.Column("计划总投资（亿元）", "number", True, "亿元，不含单位", "investment", 0.0),
    spec.Column("统一社会信用代码", "uscc", False, "实施企业的代码；新引进、尚未注册可空", "uscc"),
    spec.Column(
        "项目阶段", "choice", True, "线索 / 洽谈 / 签约 / 开工 / 投产（已达到的最后阶段）", "stage", choices=STAGES
    ),
    spec.Column("签约日期", "date", False, "如 2025-03-01；阶段为签约时必填", "signed_on"),
    spec.Column("开工日期", "date", False, "阶段为开工时必填", "started_on"),
    spec.Column("投产日期", "date", False, "阶段为投产时必填", "producing_on"),
    spec.Column("责任单位", "text", False, "如“桐城市经开区管委会”", "unit"),
)
FIELDS = {
    "cluster_name": "所属集群",
    "industry": "产业",
    "link_id": "产业链环节",
    "kind": "项目类型",
    "investment": "计划总投资（亿元）",
    "uscc": "统一社会信用代码",
    "stage": "项目阶段",
    "signed_on": "签约日期",
    "started_on": "开工日期",
    "producing_on": "投产日期",
    "unit": "责任单位",
}
STAGED = ["row_number", "name", *FIELDS]
LARGE = 500.0  # 亿元: a single project this large is a warning (units)


def check(year: int, s: Checking, sheets, context, problems: Problems) -> Checked:
    """The rules of a 项目库 upload on its checked main sheet ``s``."""
    parsed = parse(s, context, {"industry": context.industries, "link": sorted(set(context.links.name))})
    adcode = rules.scope(s, parsed, context)
    rules.duplicates(s, parsed[["name", "adcode"]], "name", "同一区县的项目名称")  # (a 全省导入 has many counties)
    rules.county_clusters(s, parsed, context)
    parsed["link_id"] = rules.link_ids(s, parsed, context)
    for key in ("uscc", "unit", *DATED.values()):
        if key not in parsed:
            parsed[key] = None
    s.flag(
        WARNING,
        (parsed.investment > LARGE).to_numpy(),
        "investment",
        lambda v: f"计划总投资 {v:g} 亿元，请核对单位（亿元）。",
        parsed.investment.to_numpy(),
    )
    known = set(context.enterprise_revenue.index)
    if "uscc" in s.position:
        s.flag(
            WARNING,
            (parsed.uscc.notna() & ~parsed.uscc.isin(known)).to_numpy(),
            "uscc",
            "不在本县企业名录中（新引进的企业可以不在名录中），请核对代码。",
        )
    _stages(s, parsed)
    tables = {}
    if not s.bad.all():
        good = parsed[~s.bad].copy()
        good["row_number"] = s.rows[~s.bad]
        tables = {"batch_projects": good}
    return Checked(NAME, year, adcode, tables, problems, rows=len(s.sheet.cells))


def _stages(s: Checking, parsed: pd.DataFrame) -> None:
    """The stage's own date is required; a date of a stage not yet reached is an error; dates in stage order."""
    reached = parsed.stage.map(lambda v: STAGES.index(v) if isinstance(v, str) else -1).to_numpy()
    for stage, key in DATED.items():
        label = f"{stage}日期"
        given = parsed[key].notna().to_numpy()
        own = (parsed.stage == stage).to_numpy()
        if key in s.position:
            s.flag(
                ERROR,
                given & (reached >= 0) & (reached < STAGES.index(stage)),
                key,
                lambda v, stage=stage, label=label: f"项目阶段为“{v}”，尚未{stage}，不应填写{label}。",
                parsed.stage.to_numpy(),
            )
            typed = (s.text(key) != "").to_numpy()  # (a cell that is not a date has its own error already)
            s.flag(ERROR, own & ~typed, key, f"项目阶段为“{stage}”，须填写{label}。")
        elif own.any():
            s.flag(ERROR, own, "stage", f"项目阶段为“{stage}”，须填写{label}（文件中没有“{label}”列）。")
    order = list(DATED.values())
    for before, after in zip(order, order[1:]):
        if after not in s.position:
            continue
        a, b = parsed[before].to_numpy(), parsed[after].to_numpy()
        wrong = np.array([x is not None and y is not None and y < x for x, y in zip(a, b)], dtype=bool)
        s.flag(ERROR, wrong, after, lambda v: f"早于{v}。", [FIELDS[before]] * len(a))


def staged(batch_id: int, checked: Checked) -> dict[str, pd.DataFrame]:
    rows = checked.tables["batch_projects"][STAGED].assign(batch_id=batch_id)
    return {"batch_projects": rows.astype({k: object for k in DATED.values()})}


def proposed(checked: Checked) -> pd.DataFrame:
    return checked.tables.get("batch_projects", empty(["name", *FIELDS]))


def submitted(con, batch_id: int) -> pd.DataFrame:
    return queries.run(con, "batch_projects_of", batch_id=batch_id)


def confirmed(con, adcode: str, year: int) -> pd.DataFrame:
    return queries.run(con, "county_projects", adcode=adcode)


def publish(con, batch: pd.Series, source_id: str) -> None:
    replace_county(con, batch, "projects", source_id)


def rollback(con, batch: pd.Series) -> None:
    restore_county(con, batch, "projects")


def prefill(con, adcode: str, year: int) -> Prefill:
    """The county's confirmed projects, to bring up to date (a stage reached, its date) and send back whole."""
    rows = queries.run(con, "prefill_projects", adcode=adcode)
    county = queries.run(con, "region", adcode=adcode).name.iloc[0]
    rows = rows.assign(adcode=county)
    for key in DATED.values():
        rows[key] = rows[key].map(lambda d: None if pd.isna(d) else pd.Timestamp(d).date().isoformat())
    return Prefill(
        {NAME: rows},
        f"已预填{county}已确认的 {len(rows):,} 个项目；项目库整体替换上次确认的项目库，请更新阶段和日期、"
        "增删项目后上传（未列出的项目将从项目库中移除）。",
    )


KIND = Kind(
    NAME,
    (spec.Template(NAME, COLUMNS),),
    check,
    staged,
    ("name", "项目名称"),
    FIELDS,
    proposed,
    submitted,
    confirmed,
    publish,
    rollback,
    prefill,
)
