"""A weighted 招商线索 score (issue 22, item 6), pure: each lead (a firm of the link to fill, elsewhere in Anhui) gets
five factors between 0 and 1, and the score is their weighted mean × 100, with weights the user sees and changes:

- 链上契合 fit: 1 when the firm belongs to a cluster of this very industry (it already works in such a chain), 0.5
  otherwise;
- 距离 distance: 1 − distance / the farthest lead's distance (the nearest scores highest);
- 荣誉 honours: the firm's honour points (``chains.HONOUR_POINTS``) / the most any lead has;
- 增长 growth: the rank (0–1) of the growth of the firm's cluster over the last three years among the leads' (a
  firm outside every cluster, or of a cluster without that history, 0);
- 规模 size: the rank (0–1) of the firm's revenue among the leads' (none reported: 0).
"""

from __future__ import annotations

import pandas as pd

FACTORS = {"fit": "链上契合", "distance": "距离", "honours": "荣誉", "growth": "所在集群增长", "size": "企业规模"}
DEFAULT_WEIGHTS = {"fit": 1.0, "distance": 2.0, "honours": 2.0, "growth": 1.0, "size": 1.0}
RULE = (
    "加权评分 = Σ 权重 × 因子 / Σ 权重 × 100。因子均在 0–1 之间：链上契合（所在集群属于本产业 = 1，否则 0.5）；"
    "距离（1 − 距离 / 最远线索的距离）；荣誉（荣誉分 / 线索中最高荣誉分）；所在集群增长（近三年营收年均增速在线索中的排位）；"
    "企业规模（营业收入在线索中的排位）。权重只在本次会话中有效。"
)


def score(leads: pd.DataFrame, weights: dict[str, float], industry: str, clusters: pd.DataFrame) -> pd.DataFrame:
    """``leads`` (``chains.rank_leads`` rows: distance_km, points, revenue, cluster) with f_fit … f_size and
    ``weighted`` (0–100), best first. ``clusters``: name, industry, growth (of every cluster)."""
    if leads.empty:
        return leads.assign(**{f"f_{k}": [] for k in FACTORS}, weighted=[])
    by_name = clusters.set_index("name")
    industry_of = leads.cluster.map(by_name.industry)
    growth = leads.cluster.map(by_name.growth)
    farthest = leads.distance_km.max()
    most = leads.points.max()
    factors = {
        "fit": (industry_of == industry).map({True: 1.0, False: 0.5}),
        "distance": 1 - leads.distance_km / farthest if farthest > 0 else pd.Series(1.0, index=leads.index),
        "honours": leads.points / most if most > 0 else pd.Series(0.0, index=leads.index),
        "growth": growth.rank(pct=True).fillna(0.0),
        "size": leads.revenue.rank(pct=True).fillna(0.0),
    }
    total = sum(max(float(weights.get(k, 0)), 0.0) for k in FACTORS)
    weighted = sum(max(float(weights.get(k, 0)), 0.0) * factors[k] for k in FACTORS)
    out = leads.assign(**{f"f_{k}": v.astype(float) for k, v in factors.items()})
    out["weighted"] = (100 * weighted / total) if total > 0 else 0.0
    return out.sort_values(["weighted", "distance_km"], ascending=[False, True], kind="stable").reset_index(drop=True)
