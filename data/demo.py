"""The demo dataset: public facts of DOMAIN.md §3 where they exist, seeded synthetic values elsewhere.

Every figure carries a source: ``pub-N`` rows of kind 公开报道 (the reported wording kept as the title), or
``demo`` (示例生成, generated with ``SEED``). Province-level published facts are reproduced exactly: 72 clusters
in 2022 and 2023 with 7275.6 and 7916.1 亿元, and in 2023 23 百亿级 clusters (2 ≥500, 6 at 300–500, 15 at
100–300). The same seed always gives the same tables.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from data import demo_enterprises, demo_projects, demo_talents, towns_2010
from data.city_industries import CITY_INDUSTRIES
from data.vocab import HONOURS, INDICATORS
from geo import boundaries

DATA_DIR = Path(__file__).parent
SEED = 20231231
YEARS = tuple(range(2019, 2026))
PROVINCE_TOTALS = {2022: 7275.6, 2023: 7916.1}  # 公开报道: 72 clusters in both years
DEMO_SOURCE = ("demo", "示例生成", "演示数据：按固定随机种子生成的示例值，不是真实统计", f"seed={SEED}")

# Clusters recognised each year beyond the curated ones, so that 2022 and 2023 both count 72.
NEW_SYNTHETIC_CLUSTERS = {2019: 22, 2020: 6, 2021: 6, 2022: 7, 2024: 6, 2025: 6}


def regions() -> pd.DataFrame:
    """Province, 16 cities and 104 counties with level, city, region group and kind (市辖区/县级市/县)."""
    counties = boundaries.counties()
    rows = [{"adcode": "340000", "name": "安徽省", "level": "省", "city_adcode": None, "region": None, "kind": "省"}]
    for c in boundaries.cities().itertuples():
        rows.append(
            {
                "adcode": c.city_adcode,
                "name": c.city,
                "level": "市",
                "city_adcode": c.city_adcode,
                "region": c.region,
                "kind": "地级市",
            }
        )
    for c in counties.itertuples():
        kind = {"区": "市辖区", "市": "县级市"}.get(c.name[-1], "县")
        rows.append(
            {
                "adcode": c.adcode,
                "name": c.name,
                "level": "区县",
                "city_adcode": c.city_adcode,
                "region": c.region,
                "kind": kind,
            }
        )
    return pd.DataFrame(rows)


def _curated_clusters() -> pd.DataFrame:
    curated = pd.read_csv(DATA_DIR / "demo_clusters.csv", dtype={"adcode": str})
    curated["synthetic"] = False
    return curated


def _synthetic_clusters(rng: np.random.Generator, counties: pd.DataFrame, taken: set[str]) -> pd.DataFrame:
    # Counties (县, 县级市 first) that have no curated cluster get one, recognised over the years.
    free = counties[~counties.adcode.isin(taken)].copy()
    free["order"] = free.kind.map({"县": 0, "县级市": 0, "市辖区": 1}) + rng.random(len(free))
    free = free.sort_values("order")
    rows, i = [], 0
    for year, count in NEW_SYNTHETIC_CLUSTERS.items():
        for county in free.iloc[i : i + count].itertuples():
            rows.append(
                {
                    "adcode": county.adcode,
                    "industry": rng.choice(CITY_INDUSTRIES[county.city_adcode]),
                    "level": rng.choice(["省级", "市级", "县级"], p=[0.4, 0.4, 0.2]),
                    "recognised_year": year,
                    "synthetic": True,
                }
            )
        i += count
    return pd.DataFrame(rows)


def cluster_name(place: str, industry: str) -> str:
    """ "无为市电线电缆产业集群", without a doubled word where the industry already ends in one ("茶产业" → "歙县茶产业集群")."""
    return f"{place}{industry}{'集群' if industry.endswith('产业') else '产业集群'}"


def clusters(rng: np.random.Generator, regions_: pd.DataFrame) -> pd.DataFrame:
    """Curated clusters (DOMAIN.md §3) and synthetic ones; one row per cluster with its 五个一 items."""
    counties = regions_[regions_.level == "区县"]
    curated = _curated_clusters()
    synthetic = _synthetic_clusters(rng, counties, set(curated.adcode))
    table = pd.concat([curated, synthetic], ignore_index=True)
    names = counties.set_index("adcode").name
    table["name"] = [cluster_name(place, industry) for place, industry in zip(table.adcode.map(names), table.industry)]
    table["cluster_id"] = ["C" + a + f"{i:02d}" for i, a in zip(table.groupby("adcode").cumcount(), table.adcode)]
    table["is_leading"] = ~table.duplicated("adcode")
    strength = np.where(table.synthetic, 0.45, 0.8)
    for column in ("has_management_body", "has_public_brand", "has_association", "has_rd_center", "has_full_chain"):
        table[column] = rng.random(len(table)) < strength
    return table


def _revenue_paths(rng: np.random.Generator, table: pd.DataFrame, facts: pd.DataFrame) -> pd.DataFrame:
    """Revenue per cluster and year: anchored on 2023 design values and published figures."""
    revenue = facts[facts.indicator == "revenue"].set_index(["adcode", "industry"])
    growth = rng.normal(0.09, 0.03, len(table)).clip(0.0, 0.2)
    base = table.revenue_2023.to_numpy(dtype=float, copy=True)
    for i, row in enumerate(table.itertuples()):
        if (row.adcode, row.industry) in revenue.index:
            fact = revenue.loc[(row.adcode, row.industry)]
            if fact.year == 2023:
                base[i] = fact.value
            else:  # growth chosen so that the published year and the 2023 design value both hold
                growth[i] = (base[i] / fact.value) ** (1 / (2023 - fact.year)) - 1
    synthetic = table.synthetic.to_numpy()
    base[synthetic] = rng.lognormal(np.log(20), 0.6, synthetic.sum()).clip(5, 95)
    years = np.array(YEARS)
    values = base[:, None] * (1 + growth[:, None]) ** (years[None, :] - 2023)
    frame = pd.DataFrame(values, columns=years, index=table.cluster_id)
    active = table.recognised_year.to_numpy()[:, None] <= years[None, :]
    frame = frame.where(active)
    # Scale the synthetic clusters so that the published province totals hold exactly.
    frame = frame.round(2)
    for year, total in PROVINCE_TOTALS.items():
        fixed = frame.loc[~synthetic, year].sum()
        frame.loc[synthetic, year] = (
            frame.loc[synthetic, year] * (total - fixed) / frame.loc[synthetic, year].sum()
        ).round(2)
        largest = frame.loc[synthetic, year].idxmax()  # the rounding residue, so the sum is exact
        frame.loc[largest, year] = round(frame.loc[largest, year] + total - frame[year].sum(), 2)
    if frame.loc[synthetic, 2023].max() >= 100:
        raise AssertionError("a synthetic cluster reached 百亿 in 2023; the published tier counts would break")
    return frame


def cluster_figures(rng: np.random.Generator, table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Long figures (cluster_id, year, indicator, value, source_id) and the 公开报道 sources they cite."""
    facts = pd.read_csv(DATA_DIR / "public_facts.csv", dtype={"adcode": str})
    revenue = _revenue_paths(rng, table, facts)
    long = revenue.stack().rename("revenue").reset_index()
    long.columns = ["cluster_id", "year", "revenue"]
    long = long.dropna(subset=["revenue"])
    per_cluster = pd.DataFrame(
        {
            "cluster_id": table.cluster_id,
            "firm_size": rng.uniform(1.6, 4.0, len(table)),
            "rd": rng.normal(2.1, 0.6, len(table)).clip(0.6, 4.8),
            "margin": rng.uniform(0.04, 0.09, len(table)),
            "platforms": rng.poisson(1.0, len(table)),
        }
    )
    long = long.merge(per_cluster, on="cluster_id")
    step = long.year - 2019
    long["firms_above_scale"] = np.maximum(8, (long.revenue / long.firm_size).round())
    long["rd_intensity"] = (long.rd + 0.06 * step).round(2)
    long["platforms"] = long.platforms + (step * rng.random(len(long)) > 3).astype(int)
    long["profit"] = (long.revenue * long.margin).round(2)
    figures = long.melt(
        id_vars=["cluster_id", "year"], value_vars=list(INDICATORS), var_name="indicator", value_name="value"
    )
    figures["source_id"] = "demo"
    return _apply_facts(figures, table, facts)


def _apply_facts(figures: pd.DataFrame, table: pd.DataFrame, facts: pd.DataFrame):
    ids = table.set_index(["adcode", "industry"]).cluster_id
    sources = []
    figures = figures.set_index(["cluster_id", "year", "indicator"])
    for n, fact in enumerate(facts.itertuples(), start=1):
        key = (ids[(fact.adcode, fact.industry)], fact.year, fact.indicator)
        if key not in figures.index:
            raise AssertionError(f"public fact {fact.title} has no cluster-year to land on")
        figures.loc[key, ["value", "source_id"]] = [fact.value, f"pub-{n}"]
        sources.append(
            {
                "source_id": f"pub-{n}",
                "kind": "公开报道",
                "title": fact.title,
                "detail": "据公开新闻和政府网站报道（DOMAIN.md §3）",
            }
        )
    return figures.reset_index(), pd.DataFrame(sources)


def leading_industries(regions_: pd.DataFrame, table: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """首位产业 of every county and year: its leading cluster's industry, else a plausible one of its city."""
    counties = regions_[regions_.level == "区县"]
    leading = table[table.is_leading].set_index("adcode")
    rows = []
    for county in counties.itertuples():
        if county.adcode in leading.index:
            industry, synthetic = leading.loc[county.adcode, ["industry", "synthetic"]]
        else:
            industry, synthetic = rng.choice(CITY_INDUSTRIES[county.city_adcode]), True
        source = "demo" if synthetic else "pub-leading"
        rows += [{"adcode": county.adcode, "year": y, "industry": industry, "source_id": source} for y in YEARS]
    return pd.DataFrame(rows)


def chains() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Chains (one per industry) and their links in stage order, from ``chains.csv``."""
    links = pd.read_csv(DATA_DIR / "chains.csv")
    industries = list(dict.fromkeys(links.industry))
    chain_ids = {name: f"K{i + 1:02d}" for i, name in enumerate(industries)}
    chain_table = pd.DataFrame(
        {
            "chain_id": [chain_ids[n] for n in industries],
            "name": [f"{n}产业链" for n in industries],
            "industry": industries,
        }
    )
    links["chain_id"] = links.industry.map(chain_ids)
    links["position"] = links.groupby("chain_id").cumcount() + 1
    links["link_id"] = links.chain_id + "-" + links.position.astype(str).str.zfill(2)
    return chain_table, links.rename(columns={"link": "name"})[["link_id", "chain_id", "stage", "name", "position"]]


def targets() -> pd.DataFrame:
    """Policy targets of DOMAIN.md §1, each with its document."""
    table = pd.read_csv(DATA_DIR / "targets.csv", dtype={"source_doc": str})
    titles = pd.read_csv(DATA_DIR / "policy_documents.csv", dtype={"source_doc": str})
    return table.merge(titles.rename(columns={"title": "source_title"}), on="source_doc")


def build(seed: int = SEED) -> dict[str, pd.DataFrame]:
    """Every table of the demo dataset, keyed by table name, in the store's column order."""
    rng = np.random.default_rng(seed)
    regions_ = regions()
    table = flags(clusters(rng, regions_), np.random.default_rng([seed, 20]))  # own stream: the rest unchanged
    figures, public_sources = cluster_figures(rng, table)
    chain_table, links = chains()
    enterprises, honours = demo_enterprises.build(rng, regions_, table, figures, chain_table, links)
    sources = pd.concat(
        [
            pd.DataFrame(
                [
                    dict(zip(("source_id", "kind", "title", "detail"), DEMO_SOURCE)),
                    {
                        "source_id": "pub-leading",
                        "kind": "公开报道",
                        "title": "县域首位/特色产业（公开报道）",
                        "detail": "DOMAIN.md §3",
                    },
                ]
            ),
            public_sources,
            demo_enterprises.public_sources(),
            pd.DataFrame([towns_2010.SOURCE]),
        ],
        ignore_index=True,
    )
    return {
        "meta": pd.DataFrame({"key": ["dataset", "seed"], "value": ["demo", str(seed)]}),
        "sources": sources,
        "regions": regions_,
        "leading_industries": leading_industries(regions_, table, rng),
        "clusters": table.drop(columns=["revenue_2023", "note", "synthetic"]),
        "indicators": pd.DataFrame(
            [
                {"indicator": k, "label": v[0], "unit": v[1], "position": i}
                for i, (k, v) in enumerate(INDICATORS.items())
            ]
        ),
        "cluster_figures": figures,
        "targets": targets(),
        "chains": chain_table,
        "chain_links": links,
        "honours": pd.DataFrame({"honour": HONOURS, "position": range(len(HONOURS))}),
        "enterprises": enterprises,
        "enterprise_honours": honours,
        **pool(table),
        **towns_2010.frames(),
        "projects": demo_projects.build(seed, table, enterprises, chain_table, links, regions_),
        "talents": demo_talents.build(seed, table, enterprises, links),
    }


def flags(table: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """The demo's 示范基地 and 市场占有率较高 flags (synthetic, like every demo value not in public_facts.csv): a
    示范基地 among 省级/国家级 clusters about one in three, 市场占有率较高 for about one in four of them."""
    titled = table.level.isin(["省级", "国家级"]).to_numpy()
    return table.assign(
        is_demo_base=titled & (rng.random(len(table)) < 0.35),
        high_market_share=titled & (rng.random(len(table)) < 0.25),
    )


def pool(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The demo 培育库: every 首位产业 cluster and every 省级 or 国家级 one entered it (demo dates: the end of its
    recognised year); a 省级 or 国家级 one is 省级认定, the others 培育. The other clusters are not in the pool (they
    may apply). One history line each, by the demo's own account."""
    table = table[table.level.isin(["省级", "国家级"]) | table.is_leading]
    status = np.where(table.level.isin(["省级", "国家级"]), "省级认定", "培育")
    day = pd.to_datetime(table.recognised_year.astype(str) + "-12-31").dt.date
    entries = pd.DataFrame(
        {
            "cluster_id": table.cluster_id,
            "adcode": table.adcode,
            "status": status,
            "entered_on": day,
            "updated_on": day,
            "reference": "演示数据",
            "source_id": "demo",
        }
    )
    events = pd.DataFrame(
        {
            "cluster_id": table.cluster_id,
            "happened_on": day,
            "username": "演示数据",
            "step": "入库",
            "status": status,
            "detail": "演示数据：培育库按集群级别生成，不是真实记录",
            "reference": "演示数据",
        }
    )
    return {"pool": entries, "pool_events": events}
