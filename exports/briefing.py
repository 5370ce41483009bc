"""What a briefing says: the figures of one selection (year, region or city, map metric), formatted as text.

Built once from named queries and written out by ``pptx_file`` and ``pdf_file``, so both files say the same. The
queries come in as ``query(name, **params)``: ``queries.run`` bound to a cursor (the download buttons run outside
the page's script run, and tests and benches outside Streamlit) or ``store.query`` (汇报模式's tiles).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from analysis import provenance
from analysis.scope import Scope
from analysis.scorecard import KPIS, TARGET_YEARS, target_gap, value_text
from analysis.tiers import BANDS
from geo import boundaries, choropleth, static_map

Query = Callable[..., pd.DataFrame]
TOP_CLUSTERS = 10
TOP_COUNTIES = 10
DEMO_NOTE = "演示数据：公开报道数据与示例生成数据混合，不代表官方统计"


@dataclass(frozen=True)
class Selection(Scope):
    """What the briefing covers: a scope (as the sidebar's year, region and city) and the map's metric."""

    metric: str = "集群营收合计"  # key of ``choropleth.METRICS``


@dataclass(frozen=True)
class Tile:
    """One KPI as shown on a slide or page: its label, its value as text, its unit and the target line."""

    label: str
    value: str
    unit: str
    target: str = ""  # e.g. "2027年目标 10 · 差 6"; empty below province level


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass(frozen=True)
class Briefing:
    title: str
    subtitle: str
    kpis: list[Tile]
    map_title: str
    map_png: bytes
    tables: list[Table]  # the tier table, the largest clusters, the honour rankings
    notes: list[str] = field(default_factory=list)
    demo: bool = False

    def text(self) -> str:
        """Every word and figure of the briefing, for checks (a file must contain them all)."""
        parts = [self.title, self.subtitle, self.map_title, *self.notes]
        parts += [f"{k.label} {k.value} {k.unit} {k.target}" for k in self.kpis]
        for table in self.tables:
            parts += [table.title, *table.columns, table.note, *(" ".join(r) for r in table.rows)]
        return "\n".join(parts)


def _target(targets: pd.DataFrame, metric: str, value: float, unit: str) -> str:
    """The last target year's lowest figure and the gap to it, e.g. '2027年目标 10〔003〕 · 差 6'."""
    years = targets[(targets.metric == metric) & targets.year.isin(TARGET_YEARS)].year
    if years.empty:
        return ""
    gap = target_gap(targets, metric, int(years.max()), value)
    lowest, document = gap.figures[0]
    return f"{gap.year}年目标 {value_text(lowest, unit)}〔{document}〕 · {gap.status(unit)}"


def kpi_strip(query: Query, s: Selection) -> list[Tile]:
    """Clusters, revenue and tiers (with the 2027 targets for the province), then 专精特新 and 高新技术 counts."""
    counts = query("tier_counts", year=s.year, region=s.region, city=s.city).iloc[0]
    targets = query("policy_targets") if s.province else None
    kpis = [
        Tile(
            k.label,
            value_text(counts[k.field], k.unit),
            k.unit,
            _target(targets, k.metric, counts[k.field], k.unit) if targets is not None else "",
        )
        for k in KPIS
    ]
    counties = s.within(query("county_metrics", year=s.year))
    kpis.append(Tile("专精特新企业", f"{counties.srdi.sum():,}", "家"))
    kpis.append(Tile("高新技术企业", f"{counties.high_tech.sum():,}", "家"))
    return kpis


def tier_table(query: Query, s: Selection) -> Table:
    """Clusters by revenue band: the province, its regions and cities; a region and its cities; or the city."""
    bands = query("tier_bands", year=s.year)
    if s.city:
        rows = bands[bands.scope_code == s.city]
    elif s.region:
        rows = bands[(bands.scope_code == s.region) | ((bands.level == "市") & (bands.region == s.region))]
    else:
        rows = bands
    columns = ["范围", "集群数", "营收（亿元）", *(b.label for b in BANDS)]
    body = [
        [r.scope, f"{r.clusters:,}", f"{r.revenue:,.1f}", *(f"{getattr(r, f'n_{b.column}'):,}" for b in BANDS)]
        for r in rows.itertuples()
    ]
    return Table(f"营收梯队分布（{s.year}年，个）", columns, body, "梯队按集群当年营业收入划分，含下限。")


def cluster_table(query: Query, s: Selection) -> Table:
    """The largest clusters of the selection by revenue."""
    clusters = query("tier_clusters", year=s.year, start_year=s.year, region=s.region, city=s.city)
    top = clusters.head(TOP_CLUSTERS)
    body = [
        [str(i), r.name, r.county, r.city, f"{r.revenue:,.1f}", r.tier] for i, r in enumerate(top.itertuples(), start=1)
    ]
    return Table(
        f"营收前{TOP_CLUSTERS}的集群（{s.year}年）",
        ["排名", "集群", "县区", "所属市", "营收（亿元）", "梯队"],
        body,
        f"{s.name}共 {len(clusters)} 个集群有{s.year}年营收数据。",
    )


def honour_tables(query: Query, s: Selection) -> list[Table]:
    """Counties ranked by 专精特新 enterprises (ties share a rank), and for the province or a region its cities."""
    counties = s.within(query("county_metrics", year=s.year))
    giants = query("honour_scope_counts", year=s.year)
    giants = giants[giants.honour == "专精特新“小巨人”"].set_index("code").enterprises
    columns = ["排名", "县区", "所属市", "专精特新企业", "其中“小巨人”", "高新技术企业"]
    ranked = counties.assign(rank=counties.srdi.rank(method="min", ascending=False).astype(int))
    top = ranked.sort_values(["rank", "adcode"]).head(TOP_COUNTIES)
    tables = [
        Table(
            f"专精特新企业数前{TOP_COUNTIES}的县区（{s.year}年）",
            columns,
            [
                [str(r.rank), r.name, r.city, f"{r.srdi:,}", f"{int(giants.get(r.adcode, 0)):,}", f"{r.high_tech:,}"]
                for r in top.itertuples()
            ],
            "专精特新企业含专精特新中小企业与“小巨人”，每家计一次。",
        )
    ]
    if not s.city:
        cities = counties.groupby(["city_adcode", "city"], as_index=False)[["srdi", "high_tech"]].sum()
        cities["giants"] = cities.city_adcode.map(giants).fillna(0).astype(int)
        cities["rank"] = cities.srdi.rank(method="min", ascending=False).astype(int)
        tables.append(
            Table(
                f"各市专精特新企业数（{s.year}年）",
                ["排名", "市", "专精特新企业", "其中“小巨人”", "高新技术企业"],
                [
                    [str(r.rank), r.city, f"{r.srdi:,}", f"{r.giants:,}", f"{r.high_tech:,}"]
                    for r in cities.sort_values(["rank", "city_adcode"]).itertuples()
                ],
            )
        )
    return tables


def map_title(s: Selection) -> str:
    return f"{s.name} · {choropleth.METRICS[s.metric].label} · {s.year}年"


def map_image(query: Query, s: Selection, render: Callable[..., bytes] = static_map.render_png) -> bytes:
    """The map of the selection's metric, the selection in colour and fitted, as on the 全省产业地图 page
    (``render``: ``static_map.render_png``, or the same run elsewhere, e.g. in a worker process)."""
    metric = choropleth.METRICS[s.metric]
    demo = query("dataset_kind").kind[0] == "demo"
    counties = boundaries.counties()[["adcode", "geometry"]].merge(
        query("county_metrics", year=s.year), on="adcode", validate="1:1"
    )
    inside = s.covers(counties)
    return render(
        counties, metric, inside, title=map_title(s), badge="演示数据" if demo else "", note=DEMO_NOTE if demo else ""
    )


def source_notes(query: Query, s: Selection, shown: int = 8) -> list[str]:
    """Where the selection's cluster figures of the year come from (as on the page's 数据来源 fold)."""
    sources = query("figure_sources", year=s.year, region=s.region, city=s.city, cluster=None)
    said = provenance.lines(sources)
    more = f"；另有 {len(said) - shown} 项来源，见系统" if len(said) > shown else ""
    return [f"数据来源（{s.year}年集群数据）：{provenance.summary(sources)}。" + "；".join(said[:shown]) + more]


def build(query: Query, s: Selection, render: Callable[..., bytes] = static_map.render_png) -> Briefing:
    """The briefing of ``s``: title, KPI strip, map image, tier table, largest clusters and honour rankings."""
    if s.metric not in choropleth.METRICS:
        raise ValueError(f"unknown map metric {s.metric!r}; expected one of {list(choropleth.METRICS)}")
    query = lru_cache(maxsize=None)(query)  # county_metrics and dataset_kind serve several parts; none mutates them
    demo = query("dataset_kind").kind[0] == "demo"
    notes = [DEMO_NOTE] if demo else []
    return Briefing(
        title=f"{s.name}产业集群发展情况",
        subtitle=f"{s.year}年 · 安徽省县域产业集群地图" + (" · 演示数据" if demo else ""),
        kpis=kpi_strip(query, s),
        map_title=map_title(s),
        map_png=map_image(query, s, render),
        tables=[tier_table(query, s), cluster_table(query, s), *honour_tables(query, s)],
        notes=notes
        + ["营收梯队：百亿级指营收≥100亿元，含500亿级、千亿级；目标数取政策文件中较低者计算差距。"]
        + source_notes(query, s),
        demo=demo,
    )
