"""企业名录: a county's enterprises, with their honours on a second sheet (or a second CSV). Published per county: the
county's enterprises and their honours are replaced; a firm registered in another county stops the publication."""

from __future__ import annotations

import pandas as pd

import queries
from data import pinyin
from uploads import rules, spec
from uploads import sheets as sheet_rules
from uploads.kinds import Conflict, Kind, Prefill, empty
from uploads.parsing import parse
from uploads.problems import ERROR, Checked, Problems
from uploads.sheets import Checking

NAME = spec.ENTERPRISES
HONOURS_SHEET = "企业荣誉"
COLUMNS = (
    spec.Column("统一社会信用代码", "uscc", True, "18 位，按 GB 32100-2015 校验", "uscc"),
    spec.Column("企业名称", "text", True, "营业执照上的全称", "name"),
    spec.Column("区县", "county", True, "企业所在区县（名称或 6 位代码）", "adcode"),
    spec.Column("所属集群", "text", False, "本县集群的名称；不属于任何集群则空", "cluster_name"),
    spec.Column("产业", "choice", True, "从下拉列表选择", "industry"),
    spec.Column("产业链环节", "choice", False, "从下拉列表选择（须属于所选产业的产业链）；不确定可空", "link"),
    spec.Column("营业收入（亿元）", "number", False, "最近一年营业收入，亿元；未知可空", "revenue", 0.0),
    spec.Column("规上企业", "yesno", True, "是否规模以上工业企业", "above_scale"),
    spec.Column("经度", "number", False, "十进制度，如 117.0531", "lon", 114.0, 120.5),
    spec.Column("纬度", "number", False, "十进制度，如 31.0412", "lat", 29.0, 35.0),
    spec.Column(
        "坐标系",
        "choice",
        False,
        "WGS-84（GPS）或 GCJ-02（高德、腾讯地图）；空则按 WGS-84",
        "crs",
        choices=(spec.WGS84, spec.GCJ02),
    ),
)
HONOUR_COLUMNS = (
    spec.Column("统一社会信用代码", "uscc", True, "须在“企业名录”表中", "uscc"),
    spec.Column("荣誉", "choice", True, "从下拉列表选择", "honour"),
    spec.Column("首次获得年份", "year", True, "首次获得该荣誉的年份", "year"),
)
FIELDS = {
    "name": "企业名称",
    "cluster_name": "所属集群",
    "industry": "产业",
    "link_id": "产业链环节",
    "revenue": "营业收入（亿元）",
    "above_scale": "规上企业",
    "lon": "经度",
    "lat": "纬度",
}
STAGED = ["row_number", "uscc", "name", "cluster_name", "industry", "link_id", "revenue", "above_scale", "lon", "lat"]


def check(year: int, s: Checking, sheets, context, problems: Problems) -> Checked:
    """The rules of an enterprise upload on its checked main sheet ``s``, then its honours."""
    parsed = parse(s, context, {"industry": context.industries, "link": sorted(set(context.links.name))})
    adcode = rules.scope(s, parsed, context)
    rules.duplicates(s, parsed[["uscc"]], "uscc", "统一社会信用代码")
    parsed["link_id"] = rules.link_ids(s, parsed, context)
    rules.county_clusters(s, parsed, context)
    if "revenue" in parsed:
        before = parsed.uscc.map(context.enterprise_revenue).astype(float)
        rules.jumps(s, parsed.revenue, before, "revenue", "现有营业收入")
    rules.coordinates(s, parsed, context)
    honours, honour_rows = _honours(sheets, s.sheet, parsed, year, context, problems)
    tables = {}
    if not s.bad.all():
        good = parsed[~s.bad].copy()
        good["row_number"] = s.rows[~s.bad]
        tables = {"batch_enterprises": good, "batch_enterprise_honours": honours}
    return Checked(NAME, year, adcode, tables, problems, rows=len(s.sheet.cells) + honour_rows)


def _honours(sheets, main, parsed: pd.DataFrame, year: int, context, problems: Problems) -> tuple[pd.DataFrame, int]:
    """The 企业荣誉 table (its own sheet, or a second CSV file), checked against the 名录 and the vocabulary."""
    template = spec.Template(HONOURS_SHEET, HONOUR_COLUMNS)
    sheet = sheet_rules.pick([other for other in sheets if other is not main], template, set(spec.TEMPLATE_SHEETS))
    none = pd.DataFrame(columns=["uscc", "honour", "year"])
    if sheet is None or not len(sheet.cells):  # no honours this year: the sheet may be missing or header-only
        return none, 0
    h = Checking(sheet, HONOUR_COLUMNS, problems)
    if not h.complete:
        return none, len(sheet.cells)
    rows = parse(h, context, {"honour": context.honours})
    missing = (rows.uscc.notna() & ~rows.uscc.isin(set(parsed.uscc.dropna()))).to_numpy()
    h.flag(ERROR, missing, "uscc", lambda v: f"企业 {v} 不在“企业名录”表中。", rows.uscc.to_numpy())
    h.flag(ERROR, (rows.year > year).to_numpy(), "year", f"首次获得年份晚于上报年度 {year}。")
    rules.duplicates(h, rows[["uscc", "honour"]], "honour", "同一企业的同一荣誉")
    return rows[~h.bad], len(sheet.cells)


def staged(batch_id: int, checked: Checked) -> dict[str, pd.DataFrame]:
    honours = checked.tables["batch_enterprise_honours"]
    return {
        "batch_enterprises": checked.tables["batch_enterprises"][STAGED].assign(batch_id=batch_id),
        "batch_enterprise_honours": honours[["uscc", "honour", "year"]].assign(
            batch_id=batch_id, year=honours.year.astype(int)
        ),
    }


def proposed(checked: Checked) -> pd.DataFrame:
    return checked.tables.get("batch_enterprises", empty(["uscc", *FIELDS]))


def submitted(con, batch_id: int) -> pd.DataFrame:
    return queries.run(con, "batch_enterprises_of", batch_id=batch_id)


def confirmed(con, adcode: str, year: int) -> pd.DataFrame:
    return queries.run(con, "county_enterprises", adcode=adcode)


def publish(con, batch: pd.Series, source_id: str) -> None:
    batch_id, adcode = int(batch.batch_id), batch.adcode
    elsewhere = queries.run(con, "enterprises_elsewhere", batch_id=batch_id, adcode=adcode)
    if not elsewhere.empty:
        first = elsewhere.iloc[0]
        raise Conflict(
            f"{len(elsewhere)} 家企业已登记在其他区县（如第 {first.row_number} 行 {first['name']} "
            f"在{first.county}），请先核实企业所在地。"
        )
    queries.run(con, "publish_snapshot_enterprises", batch_id=batch_id, adcode=adcode)
    queries.run(con, "publish_snapshot_honours", batch_id=batch_id, adcode=adcode)
    queries.run(con, "county_honours_delete", adcode=adcode)
    queries.run(con, "county_enterprises_delete", adcode=adcode)
    queries.run(con, "publish_enterprises", batch_id=batch_id, adcode=adcode, source_id=source_id)
    queries.run(con, "publish_honours", batch_id=batch_id, source_id=source_id)
    pinyin.backfill(con)


def rollback(con, batch: pd.Series) -> None:
    batch_id, adcode = int(batch.batch_id), batch.adcode
    queries.run(con, "county_honours_delete", adcode=adcode)
    queries.run(con, "county_enterprises_delete", adcode=adcode)
    queries.run(con, "rollback_restore_enterprises", batch_id=batch_id)
    queries.run(con, "rollback_restore_honours", batch_id=batch_id)


def prefill(con, adcode: str, year: int) -> Prefill:
    """The county's confirmed 名录 and honours (coordinates as stored, WGS-84), to edit and send back whole."""
    firms = queries.run(con, "prefill_enterprises", adcode=adcode)
    county = queries.run(con, "region", adcode=adcode).name.iloc[0]
    firms = firms.assign(adcode=county, crs=firms.lon.notna().map({True: spec.WGS84, False: None}))
    honours = queries.run(con, "prefill_honours", adcode=adcode)
    return Prefill(
        {NAME: firms, HONOURS_SHEET: honours},
        f"已预填{county}已确认的 {len(firms):,} 家企业和 {len(honours):,} 项荣誉；名录整体替换上次确认的名录，"
        "请增删改后上传（未列出的企业将从名录中移除）。",
    )


KIND = Kind(
    NAME,
    (spec.Template(NAME, COLUMNS), spec.Template(HONOURS_SHEET, HONOUR_COLUMNS)),
    check,
    staged,
    ("uscc", "统一社会信用代码"),
    FIELDS,
    proposed,
    submitted,
    confirmed,
    publish,
    rollback,
    prefill,
)
