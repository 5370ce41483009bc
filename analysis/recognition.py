"""The 认定 ranking (seed 004 第十条(二): 综合定量指标得分和专家评审结果): pure functions over the candidates.

- 定量指标得分: the candidate's 赛马 total (``analysis.evaluation.score``) of the latest year with scores up to the
  campaign's year;
- combined = (race_weight × 赛马总分 + expert_weight × 专家评审分) / (race_weight + expert_weight), the weights of the
  evaluation configuration in force; a candidate without a 赛马 total (no figures reported) counts 0 for it, and
  the page says so: a cluster is not recognised on expert opinion alone;
- ranking: by combined score, highest first; equal scores share a place (1, 2, 2, 4).
"""

from __future__ import annotations

import pandas as pd

REGIONS = ("皖北", "皖中", "皖南")


def race_totals(scores: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each cluster's 赛马 total of the latest scored year up to ``year``: cluster_id, race_score, race_year."""
    upto = scores[(scores.year <= year) & scores.total.notna()].sort_values("year")
    latest = upto.groupby("cluster_id").tail(1)
    return latest.rename(columns={"total": "race_score", "year": "race_year"})[
        ["cluster_id", "race_score", "race_year"]
    ]


def rank(candidates: pd.DataFrame, totals: pd.DataFrame, race_weight: float, expert_weight: float) -> pd.DataFrame:
    """``candidates`` (cluster_id, expert_score …) with race_score, race_year, combined and ranking."""
    out = candidates.drop(columns=["race_score", "race_year", "combined", "ranking"], errors="ignore")
    out = out.merge(totals, on="cluster_id", how="left")
    both = race_weight * out.race_score.fillna(0) + expert_weight * out.expert_score
    out["combined"] = both / (race_weight + expert_weight)
    out["ranking"] = out.combined.rank(method="min", ascending=False).astype("Int64")
    return out.sort_values(["ranking", "cluster_id"], na_position="last").reset_index(drop=True)


def scope_text(industries: list[str] | None, regions: list[str] | None) -> str:
    """The 申报范围 in words."""
    return f"产业：{'、'.join(industries) if industries else '不限'}；区域：{'、'.join(regions) if regions else '全省'}"


def split(text: str | None) -> list[str]:
    return [part for part in (text or "").split("、") if part]
