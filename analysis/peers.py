"""Peer counties (issue 22, item 5), pure: the counties most like a county by industry mix — the cosine similarity of
their revenue shares by industry in the 名录 (1 for the same mix, 0 for nothing in common) — and the county beside
them on every indicator of the 赛马 configuration (each county by its 首位产业 cluster, else its largest), and the
industries of their clusters it has no cluster of."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis import relatedness as rel

RULE = (
    "同类县区：按名录企业营收的产业构成（各产业营收占本县的比重）计算余弦相似度，取最相近的县区；"
    "比较各县的首位产业集群（无首位产业则取营收最大的集群）在赛马评价各项指标上的数值。"
    "（方法同哈佛增长实验室 Metroverse 的“相似城市”：按产业构成的相似度比较。）"
)


def similarity(rows: pd.DataFrame) -> pd.DataFrame:
    """Counties × counties cosine similarity of revenue shares (``rows``: adcode, industry, revenue)."""
    x = rel.table(rows, "revenue", item="industry")
    shares = x.div(x.sum(axis=1).where(x.sum(axis=1) > 0), axis=0).fillna(0.0).to_numpy()
    norms = np.linalg.norm(shares, axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        unit = np.where(norms[:, None] > 0, shares / norms[:, None], 0.0)
    return pd.DataFrame(unit @ unit.T, index=x.index, columns=x.index)


def nearest(sim: pd.DataFrame, adcode: str, k: int = 5) -> pd.Series:
    """The ``k`` counties most similar to ``adcode`` (itself left out), most similar first."""
    row = sim.loc[adcode].drop(adcode)
    return row.sort_values(ascending=False, kind="stable").head(k)


def representative(values: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each county's cluster for comparison in ``year``: its 首位产业 cluster, else its largest by revenue."""
    rows = values[values.year == year].copy()
    rows["_leading"] = rows.is_leading.astype(bool)
    rows = rows.sort_values(["adcode", "_leading", "revenue"], ascending=[True, False, False])
    return rows.drop_duplicates("adcode").drop(columns="_leading").set_index("adcode")


def lacking(clusters: pd.DataFrame, adcode: str, peers) -> pd.DataFrame:
    """The industries of the peers' clusters that ``adcode`` has no cluster of: industry, peers (their names)."""
    own = set(clusters.industry[clusters.adcode == adcode])
    theirs = clusters[clusters.adcode.isin(list(peers)) & ~clusters.industry.isin(own)]
    return (
        theirs.groupby("industry")
        .county.apply(lambda s: "、".join(dict.fromkeys(s)))
        .rename("peers")
        .reset_index()
        .assign(count=lambda d: d.peers.str.count("、") + 1)
        .sort_values(["count", "industry"], ascending=[False, True])
    )
