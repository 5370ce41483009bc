"""Strong clusters and stars (issue 22, item 3), pure, from the 名录's revenue by county and industry:

- U.S. Cluster Mapping (Delgado, Porter and Stern; clustermapping.us): a county's industry is **strong** when its
  location quotient is at least the 75th percentile of that industry's LQs across the counties holding it, and at
  least 1, and its size (revenue) is at least the 25th percentile of those counties' sizes (so that the only county
  holding an industry can be strong in it);
- European Cluster Observatory (Ketels and Protsiv, “European Cluster Panorama”): one **star** each for size (the
  county's revenue in the industry in the top 10% of counties holding it), specialisation (LQ ≥ 2) and focus (the
  industry's share of the county's revenue in the top 10% of counties holding it).

Counties without the industry (revenue 0) take no part in its percentiles. Percentiles are pandas' linear ones.
"""

from __future__ import annotations

import pandas as pd

from analysis import relatedness as rel

STRONG_LQ_PERCENTILE, STRONG_SIZE_PERCENTILE = 0.75, 0.25
STAR_PERCENTILE, STAR_LQ = 0.90, 2.0
RULE = (
    "强集群（美国集群地图 U.S. Cluster Mapping 口径）：区位熵 ≥ 该产业各县区位熵的第 75 百分位且 ≥ 1，"
    "规模（名录企业营收）不低于该产业各县的第 25 百分位。星级（欧洲集群观察站 European Cluster Observatory 口径）："
    "规模星——营收居该产业各县前 10%；专业化星——区位熵 ≥ 2；集中度星——该产业占本县营收的比重居各县前 10%。"
    "只比较有该产业企业的县区；营收为名录企业最近一年营收之和。来源：Delgado M., Porter M.E., Stern S. (2016) "
    "Defining clusters of related industries, Journal of Economic Geography 16(1)；clustermapping.us；"
    "Ketels C., Protsiv S. (2014) European Cluster Panorama, European Cluster Observatory。"
)


def assess(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows``: adcode, industry, revenue (one row per county and industry). Returns them with lq, share (of the
    county's revenue), the thresholds of the industry, strong, the three stars and stars (their count)."""
    x = rel.table(rows, "revenue", item="industry")
    lq = rel.lq(x).stack().rename("lq")
    share = x.div(x.sum(axis=1).where(x.sum(axis=1) > 0), axis=0).fillna(0).stack().rename("share")
    out = rows.set_index(["adcode", "industry"]).join(lq).join(share).reset_index()
    out = out[out.revenue > 0].copy()
    by = out.groupby("industry")
    out["lq_p75"] = by.lq.transform(lambda s: s.quantile(STRONG_LQ_PERCENTILE))
    out["size_p25"] = by.revenue.transform(lambda s: s.quantile(STRONG_SIZE_PERCENTILE))
    out["size_p90"] = by.revenue.transform(lambda s: s.quantile(STAR_PERCENTILE))
    out["share_p90"] = by.share.transform(lambda s: s.quantile(STAR_PERCENTILE))
    out["strong"] = (out.lq >= out.lq_p75) & (out.lq >= 1) & (out.revenue >= out.size_p25)
    out["size_star"] = out.revenue >= out.size_p90
    out["specialisation_star"] = out.lq >= STAR_LQ
    out["focus_star"] = out.share >= out.share_p90
    out["stars"] = out[["size_star", "specialisation_star", "focus_star"]].sum(axis=1).astype(int)
    return out.reset_index(drop=True)


def badges(row: pd.Series) -> str:
    """E.g. '强集群 · ★规模 ★专业化' for a row of ``assess``."""
    stars = [
        name
        for key, name in (("size_star", "规模"), ("specialisation_star", "专业化"), ("focus_star", "集中度"))
        if row[key]
    ]
    parts = (["强集群"] if row.strong else []) + ["★" + s for s in stars]
    return " · ".join(parts) or "—"
