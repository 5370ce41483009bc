"""集群年度数据: a county's clusters of one year, with their figures and 五个一. Published per county and year: the
county's figures and 首位产业 of that year are replaced; clusters keep their ids by name, new ones get the next."""

from __future__ import annotations

import numpy as np
import pandas as pd

import queries
from data.vocab import INDICATORS
from uploads import rules, spec
from uploads.kinds import Kind, Prefill, empty
from uploads.parsing import parse
from uploads.problems import ERROR, WARNING, Checked, Problems
from uploads.sheets import Checking

NAME = spec.CLUSTERS


def _indicator(
    key: str, note: str, maximum: float | None = None, required: bool = False, minimum: float | None = 0.0
) -> spec.Column:
    label, unit = INDICATORS[key]
    return spec.Column(f"{label}（{unit}）", "number", required, note, key, minimum, maximum)


COLUMNS = (
    spec.Column("年度", "year", True, "数据所属年份，如 2025", "year"),
    spec.Column("区县", "county", True, "区县名称（可带或不带“县/市/区”）或 6 位行政区划代码", "adcode"),
    spec.Column("集群名称", "text", True, "如“桐城市高端装备制造产业集群”；同一区县内不得重复", "name"),
    spec.Column("产业", "choice", True, "从下拉列表选择", "industry"),
    spec.Column("首位产业", "yesno", True, "该集群是否为本县首位产业（每县至多一个“是”）", "is_leading"),
    spec.Column("集群级别", "choice", True, "国家级 / 省级 / 市级 / 县级", "level", choices=spec.LEVELS),
    spec.Column("认定年份", "year", True, "集群获认定的年份", "recognised_year"),
    _indicator("revenue", "当年营业收入，亿元，不含单位", required=True),
    _indicator("firms_above_scale", "规模以上工业企业数，家；未统计可空"),
    _indicator("rd_intensity", "研发经费占营业收入比重，%；未统计可空", maximum=100.0),
    _indicator("platforms", "省级及以上公共服务平台数，个；未统计可空"),
    _indicator("profit", "利润总额，亿元；可为负（亏损）；未统计可空", minimum=None),
    spec.Column("管理机构", "yesno", True, "五个一：有无集群管理机构", "has_management_body"),
    spec.Column("公共品牌", "yesno", True, "五个一：有无区域公共品牌", "has_public_brand"),
    spec.Column("行业协会", "yesno", True, "五个一：有无行业协会或联盟", "has_association"),
    spec.Column("研发中心", "yesno", True, "五个一：有无共性技术研发中心", "has_rd_center"),
    spec.Column("全产业链", "yesno", True, "五个一：是否建成全产业链图谱", "has_full_chain"),
    spec.Column(
        "示范基地", "yesno", False, "是否省级新质生产力产业基地示范（〔002〕）；可不填，不填为否", "is_demo_base"
    ),
    spec.Column(
        "市场占有率较高",
        "yesno",
        False,
        "是否全国市场占有率、美誉度较高的集群（〔001〕）；可不填，不填为否",
        "high_market_share",
    ),
)
FIELDS = {
    "industry": "产业",
    "level": "集群级别",
    "revenue": "营业收入（亿元）",
    "firms_above_scale": "规上企业数",
    "rd_intensity": "研发投入强度（%）",
    "platforms": "公共服务平台",
    "profit": "利润总额（亿元）",
}
STAGED = [
    "row_number",
    "name",
    "industry",
    "is_leading",
    "level",
    "recognised_year",
    "has_management_body",
    "has_public_brand",
    "has_association",
    "has_rd_center",
    "has_full_chain",
    "is_demo_base",
    "high_market_share",
]
FLAGS = ("is_demo_base", "high_market_share")  # optional yes/no columns: absent or empty = 否


def check(year: int, s: Checking, sheets, context, problems: Problems) -> Checked:
    """The rules of a cluster upload on its checked main sheet ``s``."""
    parsed = parse(s, context, {"industry": context.industries})
    adcode = rules.scope(s, parsed, context)
    s.flag(
        ERROR,
        (parsed.year.notna() & (parsed.year != year)).to_numpy(),
        "year",
        lambda v: f"年度 {v:g} 与本次上报的年度 {year} 不符。",
        parsed.year.to_numpy(),
    )
    rules.duplicates(s, parsed[["adcode", "name"]], "name", "同一区县的集群名称")
    leading = (parsed.is_leading == True).to_numpy()  # noqa: E712  (object column of True/False/None)
    for county in pd.unique(parsed.adcode[leading]):  # (a province-wide import holds many counties)
        own = leading & (parsed.adcode == county).to_numpy()
        if own.sum() > 1:
            first = int(s.rows[np.flatnonzero(own)[0]])
            later = own.copy()
            later[np.flatnonzero(own)[0]] = False
            s.flag(ERROR, later, "is_leading", f"每个区县至多一个首位产业集群，第 {first} 行已填“是”。")
    s.flag(ERROR, (parsed.recognised_year > year).to_numpy(), "recognised_year", f"认定年份晚于上报年度 {year}。")
    _titles(s, parsed, context)
    if "profit" in parsed:
        s.flag(WARNING, (parsed.profit > parsed.revenue).to_numpy(), "profit", "利润总额大于营业收入，请核对。")
    last = context.last_year.set_index(["adcode", "name"]).revenue
    before = pd.Series([last.get((a, n), np.nan) for a, n in zip(parsed.adcode, parsed.name)], dtype=float)
    rules.jumps(s, parsed.revenue, before, "revenue", "上年已确认的营业收入")
    s.flag(  # a pre-filled template sent back untouched (uploads/templates.py fills last year's figures)
        WARNING,
        (before.notna() & (parsed.revenue.reset_index(drop=True) == before)).to_numpy(),
        "revenue",
        "与上年已确认的营业收入完全相同，请确认已更新为本年数据。",
    )
    figures = pd.DataFrame()
    if not s.bad.all():
        good = parsed[~s.bad].copy()
        indicators = [k for k in INDICATORS if k in good]
        figures = (
            good.melt(id_vars=["adcode", "name"], value_vars=indicators, var_name="indicator", value_name="value")
            .dropna(subset=["value"])
            .rename(columns={"name": "cluster_name"})
        )
        good["row_number"] = s.rows[~s.bad]
        parsed = good
    tables = {"batch_clusters": parsed, "batch_cluster_figures": figures}
    return Checked(NAME, year, adcode, tables, problems, rows=len(s.sheet.cells))


def _titles(s: Checking, parsed: pd.DataFrame, context) -> None:
    """The 省级 title is the province's decision (records.recognition, records.revocation): a cluster 认定 by the
    province is reported 省级 (or 国家级), one whose title was 撤销 is not reported 省级."""
    titles = context.titles.set_index(["adcode", "name"]).pool_status
    status = pd.Series([titles.get((a, n)) for a, n in zip(parsed.adcode, parsed.name)], dtype=object)
    level = parsed.level.reset_index(drop=True)
    s.flag(
        ERROR,
        ((status == "省级认定") & level.notna() & ~level.isin(["省级", "国家级"])).to_numpy(),
        "level",
        lambda v: (
            f"本集群经省级认定为省级集群，集群级别应填“省级”（或“国家级”），不能填“{v}”；如有变化请联系省工信厅。"
        ),
        level.to_numpy(),
    )
    s.flag(
        ERROR,
        ((status == "撤销") & (level == "省级")).to_numpy(),
        "level",
        "本集群的省级称号已按程序撤销（第十四条），集群级别不能填“省级”。",
    )


def staged(batch_id: int, checked: Checked) -> dict[str, pd.DataFrame]:
    clusters = checked.tables["batch_clusters"].copy()
    for flag in FLAGS:  # optional columns: absent or empty = 否
        clusters[flag] = clusters[flag].fillna(False).astype(bool) if flag in clusters else False
    clusters = clusters[STAGED].assign(batch_id=batch_id, recognised_year=clusters.recognised_year.astype(int))
    figures = checked.tables["batch_cluster_figures"].assign(batch_id=batch_id)
    return {
        "batch_clusters": clusters,
        "batch_cluster_figures": figures[["batch_id", "cluster_name", "indicator", "value"]],
    }


def proposed(checked: Checked) -> pd.DataFrame:
    clusters = checked.tables.get("batch_clusters", empty(["name", *FIELDS]))
    return clusters.reindex(columns=["name", *FIELDS])


def submitted(con, batch_id: int) -> pd.DataFrame:
    return queries.run(con, "batch_cluster_figures_of", batch_id=batch_id)


def confirmed(con, adcode: str, year: int) -> pd.DataFrame:
    return queries.run(con, "county_cluster_figures", adcode=adcode, year=year)


def publish(con, batch: pd.Series, source_id: str) -> None:
    batch_id, adcode, year = int(batch.batch_id), batch.adcode, int(batch.year)
    queries.run(con, "publish_snapshot_clusters", batch_id=batch_id, adcode=adcode)
    queries.run(con, "publish_snapshot_cluster_figures", batch_id=batch_id, adcode=adcode, year=year)
    queries.run(con, "publish_snapshot_leading", batch_id=batch_id, adcode=adcode, year=year)
    queries.run(con, "county_year_figures_delete", adcode=adcode, year=year)
    queries.run(con, "county_year_leading_delete", adcode=adcode, year=year)
    names = queries.run(con, "batch_clusters_of", batch_id=batch_id).name
    with queries.frame(con, "cluster_ids", pd.DataFrame({"name": list(names), "cluster_id": _ids(con, adcode, names)})):
        queries.run(con, "publish_clusters", batch_id=batch_id, adcode=adcode)
    queries.run(con, "publish_cluster_figures", batch_id=batch_id, year=year, adcode=adcode, source_id=source_id)
    queries.run(con, "publish_leading", batch_id=batch_id, year=year, adcode=adcode, source_id=source_id)


def _ids(con, adcode: str, names) -> list[str]:
    """Each cluster's id: its own when the county has a cluster of that name, else the next free C{adcode}NN."""
    existing = queries.run(con, "cluster_ids_of_county", adcode=adcode)
    ids = dict(zip(existing.name, existing.cluster_id))
    taken = set(existing.cluster_id)
    for name in names:
        if name not in ids:
            n = 1
            while f"C{adcode}{n:02d}" in taken:
                n += 1
            ids[name] = f"C{adcode}{n:02d}"
            taken.add(ids[name])
    return [ids[n] for n in names]


def rollback(con, batch: pd.Series) -> None:
    batch_id, adcode, year = int(batch.batch_id), batch.adcode, int(batch.year)
    queries.run(con, "county_year_figures_delete", adcode=adcode, year=year)
    queries.run(con, "county_year_leading_delete", adcode=adcode, year=year)
    queries.run(con, "rollback_clusters", batch_id=batch_id, adcode=adcode)
    queries.run(con, "rollback_restore_clusters", batch_id=batch_id)
    queries.run(con, "rollback_restore_cluster_figures", batch_id=batch_id)
    queries.run(con, "rollback_restore_leading", batch_id=batch_id)


def prefill(con, adcode: str, year: int) -> Prefill:
    """The county's confirmed clusters with their latest figures up to ``year``, as this year's rows to update."""
    rows = queries.run(con, "prefill_clusters", adcode=adcode, year=year)
    county = queries.run(con, "region", adcode=adcode).name.iloc[0]
    years = sorted({int(y) for y in rows.figures_year.dropna()})
    rows = rows.assign(year=year, adcode=county).drop(columns=["figures_year"])
    since = "、".join(f"{y}年" for y in years) or "无"
    return Prefill(
        {NAME: rows},
        f"已预填{county}已确认的 {len(rows)} 个集群（指标为 {since} 的已确认数），请逐项更新为 {year} 年数据后上传。",
    )


KIND = Kind(
    NAME,
    (spec.Template(NAME, COLUMNS),),
    check,
    staged,
    ("name", "集群名称"),
    FIELDS,
    proposed,
    submitted,
    confirmed,
    publish,
    rollback,
    prefill,
)
