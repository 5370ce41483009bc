"""The demo 人才库 (synthetic, from its own random stream, source 示例生成): a few talents and teams of a 人才计划 in
most clusters, employed by the cluster's demo firms, in the field of a link of its chain. A person's name is personal
data, so no demo row carries a name that could be someone's: persons are “王某某3”, teams are named after their
synthetic employer and field."""

from __future__ import annotations

import numpy as np
import pandas as pd

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
LEVELS = ("国家级", "省级", "市级", "县级")
PROGRAMS = {
    "国家级": "国家级人才计划（示例）",
    "省级": "安徽省战略性新兴产业技术领军人才（示例）",
    "市级": "市级产业创新人才（示例）",
    "县级": "县级产业人才（示例）",
}
COLUMNS = [
    "adcode",
    "name",
    "kind",
    "cluster_id",
    "industry",
    "field",
    "level",
    "program",
    "year",
    "employer",
    "employer_uscc",
    "members",
    "source_id",
]


def build(seed: int, clusters: pd.DataFrame, enterprises: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    rng = np.random.default_rng([seed, 22])
    link_names = dict(zip(links.link_id, links.name))
    rows, numbered = [], {}
    for c in clusters.sort_values("cluster_id").itertuples():
        firms = enterprises[enterprises.cluster_id == c.cluster_id].sort_values("uscc")
        if firms.empty:
            continue
        people = int(rng.poisson(3.0 if c.is_leading else 1.2))
        teams = int(rng.poisson(1.0 if c.is_leading else 0.3))
        for i in range(people + teams):
            firm = firms.iloc[int(rng.integers(len(firms)))]
            level = str(rng.choice(LEVELS, p=[0.08, 0.32, 0.4, 0.2]))
            field = link_names.get(firm.link_id) or c.industry
            if i < people:
                numbered[c.adcode] = numbered.get(c.adcode, 0) + 1
                name = f"{SURNAMES[int(rng.integers(len(SURNAMES)))]}某某{numbered[c.adcode]}"
                kind, members = "个人", None
            else:
                short = firm["name"].replace("有限责任公司", "").replace("股份有限公司", "").replace("有限公司", "")
                name, kind, members = f"{short}{field}创新团队", "团队", int(rng.integers(3, 16))
            rows.append(
                {
                    "adcode": c.adcode,
                    "name": name,
                    "kind": kind,
                    "cluster_id": c.cluster_id,
                    "industry": c.industry,
                    "field": field,
                    "level": level,
                    "program": PROGRAMS[level],
                    "year": int(rng.integers(2019, 2026)),
                    "employer": firm["name"],
                    "employer_uscc": firm.uscc,
                    "members": members,
                    "source_id": "demo",
                }
            )
    table = pd.DataFrame(rows, columns=COLUMNS).drop_duplicates(["adcode", "name"]).reset_index(drop=True)
    return table.astype({"members": "Int64"})
