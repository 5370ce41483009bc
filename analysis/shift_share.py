"""Shift-share of cluster revenue growth (issue 22, item 4), pure, after Dunn (1960) and the U.S. Cluster Mapping
“Performance” charts: between two years, each cluster's change of revenue R₁ − R₀ is split exactly into

- 全省增长效应 (provincial growth): R₀ · g, with g the growth of all clusters' revenue in the province;
- 产业结构效应 (industry mix): R₀ · (gᵢ − g), with gᵢ the growth of the cluster's industry in the province;
- 本地竞争效应 (local, competitive): R₀ · (g_c − gᵢ), with g_c the cluster's own growth;

which add up to R₀ · g_c = R₁ − R₀. The growth rates are those of the clusters reporting in both years; a cluster
reporting only in the later year is 新进入 (+R₁), only in the earlier 退出 (−R₀). A county's figures are its clusters'
sums: its change = the three effects + 新进入 − 退出, exactly. 预期变化 = 全省增长效应 + 产业结构效应."""

from __future__ import annotations

import pandas as pd

PARTS = {"national": "全省增长效应", "mix": "产业结构效应", "local": "本地竞争效应"}
SOURCE = "Dunn E.S. (1960) A statistical and analytical technique for regional analysis；美国集群地图（U.S. Cluster Mapping）绩效分解"


def clusters(rows: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """``rows``: cluster_id, adcode, industry, year, revenue. One row per cluster reporting in ``start`` or ``end``:
    r0, r1, change, national, mix, local (continuing clusters), entry / exit (the others), expected."""
    r0 = rows[rows.year == start].set_index("cluster_id")
    r1 = rows[rows.year == end].set_index("cluster_id")
    keys = r0.index.union(r1.index)
    out = pd.DataFrame(index=keys)
    meta = pd.concat([r1[["adcode", "industry"]], r0[["adcode", "industry"]]])
    meta = meta[~meta.index.duplicated()]
    out = out.join(meta)
    out["r0"] = r0.revenue.reindex(keys)
    out["r1"] = r1.revenue.reindex(keys)
    both = out.r0.notna() & out.r1.notna()
    cont = out[both]
    g = cont.r1.sum() / cont.r0.sum() - 1
    g_industry = cont.groupby("industry").r1.sum() / cont.groupby("industry").r0.sum() - 1
    gi = out.industry.map(g_industry)
    gc = out.r1 / out.r0 - 1
    out["national"] = (out.r0 * g).where(both, 0.0)
    out["mix"] = (out.r0 * (gi - g)).where(both, 0.0)
    out["local"] = (out.r0 * (gc - gi)).where(both, 0.0)
    out["entry"] = out.r1.where(out.r0.isna(), 0.0).fillna(0.0)
    out["exit"] = out.r0.where(out.r1.isna(), 0.0).fillna(0.0)
    out["change"] = out.r1.fillna(0.0) - out.r0.fillna(0.0)
    out["expected"] = out.national + out.mix
    out.attrs["growth"] = g
    return out.rename_axis("cluster_id").reset_index()


def counties(parts: pd.DataFrame) -> pd.DataFrame:
    """The clusters' parts summed by county (adcode): change = national + mix + local + entry − exit."""
    columns = ["r0", "r1", "change", "national", "mix", "local", "entry", "exit", "expected"]
    return parts.groupby("adcode")[columns].sum(min_count=1).fillna(0.0).reset_index()
