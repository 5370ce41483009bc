"""Demo enterprises: names, valid 统一社会信用代码, chain links, revenue, coordinates and honours."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
from stdnum.cn import uscc

from data import pinyin
from data.city_industries import CITY_INDUSTRIES
from geo import boundaries

DATA_DIR = Path(__file__).parent
BRAND = "华鑫恒瑞祥泰安宏达金源丰盛中科美新天力百博通远嘉合兴昌德信诚联创凯正瀚睿银海江淮皖徽"
SUFFIXES = ("科技有限公司", "股份有限公司", "有限公司", "实业有限公司", "制造有限公司", "新材料有限公司")
# Share of firms holding each honour at the median firm; larger firms are likelier to hold one.
HONOUR_RATES = {
    "专精特新中小企业": 0.16,
    "专精特新“小巨人”": 0.025,
    "国家高新技术企业": 0.30,
    "制造业单项冠军": 0.004,
    "瞪羚企业": 0.025,
    "独角兽企业": 0.0004,
    "上市公司": 0.01,
    "配套“伙伴”企业": 0.12,
}
_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def _org_code(rng: np.random.Generator) -> str:
    body = "".join(rng.choice(list("0123456789"), 8))
    check = 11 - sum(int(c) * w for c, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2))) % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(rng: np.random.Generator, adcode: str) -> str:
    """A valid 统一社会信用代码 (GB 32100-2015) of a company registered in ``adcode``."""
    body = "91" + adcode + _org_code(rng)
    return body + uscc.calc_check_digit(body)


def _keyword(link: str) -> str:
    """The product word a firm in this chain link would put in its name: 动力电池（电芯+BMS） → 动力电池."""
    return re.split(r"[（/与]", link)[0].removesuffix("开采").removesuffix("收购").removesuffix("种植")


def _names(rng: np.random.Generator, shorts: list[str], links: list[str]) -> list[str]:
    seen, names = set(), []
    for short, link in zip(shorts, links):
        keyword = _keyword(link)
        while True:
            brand = "".join(rng.choice(list(BRAND), 2))
            name = f"{short}{brand}{keyword}{rng.choice(SUFFIXES)}"
            if name not in seen:
                break
        seen.add(name)
        names.append(name)
    return names


def _short(name: str) -> str:
    return name[:-1] if len(name) > 2 and name[-1] in "县市区" else name


def _roster(
    rng: np.random.Generator, regions: pd.DataFrame, clusters: pd.DataFrame, figures: pd.DataFrame
) -> pd.DataFrame:
    """One row per enterprise: county, cluster (or none), industry and revenue (亿元)."""
    latest = figures[(figures.indicator.isin(["revenue", "firms_above_scale"]))]
    latest = latest[latest.year == latest.year.max()].pivot(index="cluster_id", columns="indicator", values="value")
    parts = []
    for c in clusters.merge(latest, left_on="cluster_id", right_index=True).itertuples():
        n = int(c.firms_above_scale)
        revenue = rng.lognormal(0, 1.1, n)
        parts.append(
            pd.DataFrame(
                {
                    "adcode": c.adcode,
                    "cluster_id": c.cluster_id,
                    "industry": c.industry,
                    "revenue": revenue / revenue.sum() * c.revenue,
                }
            )
        )
    counties = regions[regions.level == "区县"]
    leading = clusters.drop_duplicates("adcode").set_index("adcode").industry
    for county in counties.itertuples():
        n = int(rng.integers(12, 40))
        pool = CITY_INDUSTRIES[county.city_adcode]
        parts.append(
            pd.DataFrame(
                {
                    "adcode": county.adcode,
                    "cluster_id": None,
                    "industry": rng.choice(pool, n)
                    if county.adcode not in leading.index
                    else rng.choice(list(pool) + [leading[county.adcode]], n),
                    "revenue": rng.lognormal(0, 0.9, n),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def _place(rng: np.random.Generator, roster: pd.DataFrame) -> pd.DataFrame:
    layer = boundaries.counties().set_index("adcode")
    lon, lat = np.empty(len(roster)), np.empty(len(roster))
    for adcode, idx in roster.groupby("adcode").indices.items():
        points = layer.loc[[adcode]].geometry.sample_points(len(idx), rng=rng).iloc[0]
        coords = np.array([(p.x, p.y) for p in points.geoms])
        order = rng.permutation(len(idx))  # sample_points returns points sorted by x
        lon[idx], lat[idx] = coords[order, 0].round(5), coords[order, 1].round(5)
    return roster.assign(lon=lon, lat=lat)


def _honours(rng: np.random.Generator, enterprises: pd.DataFrame) -> pd.DataFrame:
    size = np.log(enterprises.revenue.to_numpy())
    weight = np.exp(0.9 * (size - np.median(size)))
    rows = []
    for honour, rate in HONOUR_RATES.items():
        held = rng.random(len(enterprises)) < np.minimum(0.95, rate * weight)
        if honour == "配套“伙伴”企业":
            held &= enterprises.cluster_id.notna().to_numpy()
        rows.append(
            pd.DataFrame(
                {
                    "uscc": enterprises.uscc[held],
                    "honour": honour,
                    "year": rng.integers(2016, 2026, held.sum()),
                    "source_id": "demo",
                }
            )
        )
    # 龙头/链主: the largest firm of every cluster, and the second of the larger clusters.
    ranked = enterprises[enterprises.cluster_id.notna()].sort_values("revenue", ascending=False)
    rank = ranked.groupby("cluster_id").cumcount()
    leaders = ranked[(rank == 0) | ((rank == 1) & (ranked.groupby("cluster_id").revenue.transform("sum") > 100))]
    rows.append(
        pd.DataFrame(
            {
                "uscc": leaders.uscc,
                "honour": "龙头/链主企业",
                "year": rng.integers(2018, 2024, len(leaders)),
                "source_id": "demo",
            }
        )
    )
    return pd.concat(rows, ignore_index=True)


def _apply_public_honours(honours: pd.DataFrame, enterprises: pd.DataFrame, clusters: pd.DataFrame):
    """Make the published honour counts of a cluster (e.g. 桐城 绿色包装) hold exactly."""
    facts = pd.read_csv(DATA_DIR / "public_honours.csv", dtype={"adcode": str})
    sources = dict(zip(public_sources().title, public_sources().source_id))
    ids = clusters.set_index(["adcode", "industry"]).cluster_id
    for fact in facts.itertuples():
        members = enterprises[enterprises.cluster_id == ids[(fact.adcode, fact.industry)]]
        members = members.sort_values("revenue", ascending=False).uscc
        drop = honours.uscc.isin(members) & (honours.honour == fact.honour)
        honours = pd.concat(
            [
                honours[~drop],
                pd.DataFrame(
                    {
                        "uscc": members.iloc[: fact.count],
                        "honour": fact.honour,
                        "year": 2023,
                        "source_id": sources[fact.title],
                    }
                ),
            ],
            ignore_index=True,
        )
    return honours


def public_sources() -> pd.DataFrame:
    """The sources of the honour records that reproduce a published count (``public_honours.csv``). The count is
    public; the enterprises holding the honours are synthetic, so the records are 示例生成 — never 公开报道, which
    would claim that a made-up firm was reported as, say, a 单项冠军. The title names the published document."""
    facts = pd.read_csv(DATA_DIR / "public_honours.csv")
    titles = facts.title.drop_duplicates().to_list()
    return pd.DataFrame(
        {
            "source_id": [f"demo-pub-h{i + 1}" for i in range(len(titles))],
            "kind": "示例生成",
            "title": titles,
            "detail": "数量与公开报道一致（见标题）；持有荣誉的企业为示例生成（DOMAIN.md §3）",
        }
    )


def build(
    rng: np.random.Generator,
    regions: pd.DataFrame,
    clusters: pd.DataFrame,
    figures: pd.DataFrame,
    chains: pd.DataFrame,
    links: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Enterprises (store column order) and their honours (uscc, honour, year, source_id)."""
    roster = _place(rng, _roster(rng, regions, clusters, figures))
    names = regions.set_index("adcode").name
    roster["uscc"] = [credit_code(rng, a) for a in roster.adcode]
    link_ids = links.merge(chains[["chain_id", "industry"]]).groupby("industry").link_id.apply(list)
    roster["link_id"] = None
    # Each county draws its links unevenly (a few dominate, some stay empty): real gaps for 补链 to find.
    for (_, industry), idx in roster.groupby(["adcode", "industry"]).indices.items():
        options = link_ids[industry]
        weights = rng.dirichlet(np.full(len(options), 0.5))
        roster.loc[roster.index[idx], "link_id"] = rng.choice(options, len(idx), p=weights)
    link_names = links.set_index("link_id").name
    roster["name"] = _names(rng, [_short(names[a]) for a in roster.adcode], link_names[roster.link_id].to_list())
    roster["revenue"] = roster.revenue.round(3)
    roster["source_id"] = "demo"
    roster["above_scale"] = True  # the demo roster is each cluster's 规上企业 plus a few more per county
    roster["name_initials"], roster["name_initials_alt"] = zip(*(pinyin.initials(n) for n in roster.name))
    honours = _honours(rng, roster)
    honours = _apply_public_honours(honours, roster, clusters)
    columns = [
        "uscc",
        "name",
        "adcode",
        "cluster_id",
        "industry",
        "link_id",
        "revenue",
        "lon",
        "lat",
        "source_id",
        "above_scale",
        "name_initials",
        "name_initials_alt",
    ]
    return roster[columns], honours.drop_duplicates(["uscc", "honour"]).reset_index(drop=True)
