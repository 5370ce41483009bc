"""The demo 项目库 (synthetic, from its own random stream, source 示例生成 like every demo value not in public_facts):
重点技改 projects of the 首位产业 clusters' own firms, 招商引资 projects aimed at the chain links a county's cluster
lacks, and a 重大项目 for some 省级/国家级 clusters; stages and dates drawn so that the 200 技改 target of seed 000 and
the 招商 funnel have something to show. No real project is named."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

LAST_DAY = date(2025, 12, 31)  # the demo's latest year is 2025 (and an upload refuses dates after today)
STAGES = ("线索", "洽谈", "签约", "开工", "投产")
UNITS = ("经信局", "投资促进中心", "经开区管委会")
COLUMNS = [
    "adcode",
    "name",
    "cluster_id",
    "industry",
    "link_id",
    "kind",
    "investment",
    "uscc",
    "stage",
    "signed_on",
    "started_on",
    "producing_on",
    "unit",
    "source_id",
]


def build(
    seed: int, clusters: pd.DataFrame, enterprises: pd.DataFrame, chains: pd.DataFrame, links: pd.DataFrame, regions
) -> pd.DataFrame:
    rng = np.random.default_rng([seed, 21])
    names = dict(zip(regions.adcode, regions.name))
    chain_of = dict(zip(chains.industry, chains.chain_id))
    rows = []
    for c in clusters.sort_values("cluster_id").itertuples():
        county = names[c.adcode]
        firms = enterprises[enterprises.cluster_id == c.cluster_id].sort_values("uscc")
        unit = f"{county}{UNITS[int(rng.integers(len(UNITS)))]}"
        if c.is_leading and len(firms):
            for firm in firms.sample(min(len(firms), int(rng.poisson(2.6))), random_state=rng).itertuples():
                stage = str(rng.choice(STAGES[1:], p=[0.1, 0.15, 0.5, 0.25]))
                short = firm.name.replace("有限责任公司", "").replace("股份有限公司", "").replace("有限公司", "")
                rows.append(
                    _project(
                        rng, c, f"{short}技术改造项目", "重点技改", firm.link_id, firm.uscc, stage, (0.3, 6.0), unit
                    )
                )
        own = set(firms.link_id.dropna())
        chain = links[links.chain_id == chain_of.get(c.industry)]
        lacking = chain[~chain.link_id.isin(own)].sort_values("link_id")
        for link in lacking.sample(min(len(lacking), int(rng.integers(0, 4))), random_state=rng).itertuples():
            stage = str(rng.choice(STAGES, p=[0.3, 0.3, 0.2, 0.15, 0.05]))
            name = f"{county}{link.name}招商项目"
            rows.append(_project(rng, c, name, "招商引资", link.link_id, None, stage, (1.0, 30.0), unit))
        if c.level in ("省级", "国家级") and rng.random() < 0.4:
            stage = str(rng.choice(STAGES[2:], p=[0.3, 0.5, 0.2]))
            name = f"{c.name.removesuffix('产业集群').removesuffix('集群')}产业园项目"
            rows.append(_project(rng, c, name, "重大项目", None, None, stage, (10.0, 80.0), unit))
    return pd.DataFrame(rows, columns=COLUMNS).drop_duplicates(["adcode", "name"]).reset_index(drop=True)


def _project(rng, cluster, name, kind, link_id, uscc, stage, money, unit) -> dict:
    """One project: its investment (亿元, log-uniform in ``money``) and the dates of the stages it reached, in order,
    none after LAST_DAY."""
    low, high = np.log(money[0]), np.log(money[1])
    reached = STAGES.index(stage)
    start = LAST_DAY - timedelta(days=int(rng.integers(60, 1000)))
    signed = start if reached == 2 or (reached > 2 and kind != "重点技改") else None  # (a 技改 need not sign)
    started = start + timedelta(days=int(rng.integers(30, 200))) if reached >= 3 else None
    producing = started + timedelta(days=int(rng.integers(120, 500))) if reached >= 4 else None
    if producing is not None and producing > LAST_DAY:
        producing = LAST_DAY - timedelta(days=int(rng.integers(0, 30)))
        started = min(started, producing)
    if started is not None and started > LAST_DAY:
        started = LAST_DAY
    return {
        "adcode": cluster.adcode,
        "name": name,
        "cluster_id": cluster.cluster_id,
        "industry": cluster.industry,
        "link_id": link_id,
        "kind": kind,
        "investment": round(float(np.exp(rng.uniform(low, high))), 2),
        "uscc": uscc,
        "stage": stage,
        "signed_on": signed,
        "started_on": started,
        "producing_on": producing,
        "unit": unit,
        "source_id": "demo",
    }
