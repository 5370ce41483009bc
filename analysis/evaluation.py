"""赛马评价 and 集群诊断: scores under the five directions of seed 004, ranks, the two-year rule, weak spots.

Pure functions over a table of indicator values (one row per cluster and year), driven by one versioned
configuration (``config/evaluation.toml``, or a newer version the province saved). The rules, as the page states:

- normalisation: each indicator becomes the cluster's percentile rank among that year's clusters with a value,
  0–100 (100 = best; ties share the average rank; for a "lower is better" indicator the order is reversed);
- a missing value drops out: the other indicators of its direction carry its weight (their weights are
  renormalised), and a direction without any value drops out of the total the same way;
- rank: by total score within the year, highest first; equal totals share a rank (1, 2, 2, 4);
- a total below ``pass_score`` is 未通过 for the year; a cluster 未通过 two years running is flagged for review of
  its 省级 title (seed 004 第十四条);
- diagnosis: an indicator in the bottom ``weak_quantile`` of the cluster's peers (its revenue tier that year, or
  all the year's clusters when the tier has fewer than ``min_peers``) is a 短板, by mid-rank (a value shared by
  many peers sits in their middle, so a 0 that most peers share is not one); every 五个一 item not done is too.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import formats
from data.vocab import tier

DEFAULT = Path(__file__).resolve().parents[1] / "config" / "evaluation.toml"
FIVE_ONES = {  # column → the item's wording (seed 001)
    "has_management_body": "设立专业管理机构",
    "has_public_brand": "打造区域公共品牌",
    "has_association": "建设产业协会（技术联盟）",
    "has_rd_center": "组建共性研发中心",
    "has_full_chain": "健全完整产业链",
}


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str
    weight: float
    better: str = "higher"  # or "lower"


@dataclass(frozen=True)
class Direction:
    key: str
    name: str
    weight: float
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Config:
    version: int
    title: str
    source: str
    pass_score: float
    weak_quantile: float
    min_peers: int
    directions: tuple[Direction, ...]
    normalisation: str = "percentile"
    extra: dict = field(default_factory=dict)
    # 认定 (seed 004 第十条(二) 综合定量指标得分和专家评审结果): a candidate's combined score is
    # (race_weight × 赛马总分 + expert_weight × 专家评审分) / (race_weight + expert_weight)
    race_weight: float = 0.6
    expert_weight: float = 0.4

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for d in self.directions for i in d.indicators)

    def with_weight(self, key: str, weight: float) -> Config:
        """A copy with one direction's or indicator's weight changed (a new version once saved)."""
        directions = []
        for d in self.directions:
            d = replace(d, weight=weight) if d.key == key else d
            d = replace(d, indicators=tuple(replace(i, weight=weight) if i.key == key else i for i in d.indicators))
            directions.append(d)
        return replace(self, directions=tuple(directions))

    def to_dict(self) -> dict:
        return {
            "version": self.version,
            "title": self.title,
            "source": self.source,
            "normalisation": self.normalisation,
            "pass_score": self.pass_score,
            "weak_quantile": self.weak_quantile,
            "min_peers": self.min_peers,
            "recognition": {"race_weight": self.race_weight, "expert_weight": self.expert_weight},
            "directions": [
                {"key": d.key, "name": d.name, "weight": d.weight, "indicators": [vars(i) for i in d.indicators]}
                for d in self.directions
            ],
        }


def parse(raw: dict) -> Config:
    """A configuration from its TOML/JSON form; ValueError (Chinese) if it does not hold together."""
    directions = tuple(
        Direction(
            d["key"],
            d["name"],
            float(d["weight"]),
            tuple(
                Indicator(i["key"], i["label"], i.get("unit", ""), float(i["weight"]), i.get("better", "higher"))
                for i in d["indicators"]
            ),
        )
        for d in raw["directions"]
    )
    config = Config(
        int(raw["version"]),
        raw["title"],
        raw["source"],
        float(raw["pass_score"]),
        float(raw["weak_quantile"]),
        int(raw["min_peers"]),
        directions,
        raw.get("normalisation", "percentile"),
        race_weight=float(raw.get("recognition", {}).get("race_weight", 0.6)),
        expert_weight=float(raw.get("recognition", {}).get("expert_weight", 0.4)),
    )
    check(config)
    return config


def check(config: Config) -> None:
    if config.normalisation != "percentile":
        raise ValueError(f"不支持的标准化方法：{config.normalisation}")
    if any(d.weight < 0 for d in config.directions) or any(i.weight < 0 for i in config.indicators):
        raise ValueError("权重不能为负数。")
    if not sum(d.weight for d in config.directions) > 0:
        raise ValueError("五个方向的权重之和须大于 0。")
    if any(i.better not in ("higher", "lower") for i in config.indicators):
        raise ValueError("指标方向须为 higher 或 lower。")
    if config.race_weight < 0 or config.expert_weight < 0 or not config.race_weight + config.expert_weight > 0:
        raise ValueError("认定综合得分的两项权重不能为负数，且之和须大于 0。")
    keys = [i.key for i in config.indicators]
    if len(keys) != len(set(keys)):
        raise ValueError("指标重复。")


def load_default() -> Config:
    return parse(tomllib.loads(DEFAULT.read_text(encoding="utf-8")))


def normalise(values: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Each indicator as a 0–100 percentile score within its year (NaN stays NaN); columns by indicator key."""
    out = pd.DataFrame(index=values.index)
    for ind in config.indicators:
        if ind.key not in values:
            out[ind.key] = np.nan
            continue
        column = values[ind.key].astype(float)
        ranks = column.groupby(values["year"]).rank(method="average", ascending=ind.better == "higher")
        counted = column.notna().groupby(values["year"]).transform("sum")
        # n values: the best gets 100, the worst 100/n; a single value gets 100
        out[ind.key] = ranks / counted * 100
    return out


def _weighted(scores: pd.DataFrame, weights: dict[str, float]) -> pd.Series:
    """Σ w·s over the columns with a value, divided by Σ w over the same columns (NaN when none has one)."""
    w = pd.Series(weights, dtype=float)
    present = scores[list(w.index)].notna()
    total_w = present.mul(w).sum(axis=1)
    total = scores[list(w.index)].fillna(0).mul(w).sum(axis=1)
    return (total / total_w).where(total_w > 0)


def score(values: pd.DataFrame, config: Config) -> pd.DataFrame:
    """Scores of every cluster and year: cluster_id, year, one column per direction key, total, rank, n (clusters
    ranked that year), passed, flagged (未通过 this year and the year before). ``values``: cluster_id, year and
    the indicator columns (absent or NaN: missing)."""
    normal = normalise(values, config)
    out = values[["cluster_id", "year"]].copy()
    for d in config.directions:
        out[d.key] = _weighted(normal, {i.key: i.weight for i in d.indicators})
    out["total"] = _weighted(out, {d.key: d.weight for d in config.directions})
    out["rank"] = out.groupby("year").total.rank(method="min", ascending=False).astype("Int64")
    out["n"] = out.groupby("year").total.transform("count")
    out["passed"] = out.total >= config.pass_score
    out = out.sort_values(["cluster_id", "year"])
    previous_year = out.groupby("cluster_id").year.shift()
    previous_failed = ~out.groupby("cluster_id").passed.shift().fillna(True).astype(bool)
    out["flagged"] = ~out.passed & previous_failed & (previous_year == out.year - 1)
    return out.sort_values(["year", "rank", "cluster_id"]).reset_index(drop=True)


@dataclass(frozen=True)
class Weakness:
    indicator: str  # key, or a 五个一 column
    sentence: str


def peers(values: pd.DataFrame, cluster_id: str, year: int, config: Config) -> tuple[pd.DataFrame, str]:
    """The clusters a cluster is compared with in ``year``, and their name: its revenue tier, or every cluster of
    the year when the tier has fewer than ``config.min_peers``."""
    same_year = values[values.year == year]
    mine = same_year[same_year.cluster_id == cluster_id]
    if mine.empty or pd.isna(mine.revenue.iloc[0]):
        return same_year, "同年全部集群"
    band = tier(float(mine.revenue.iloc[0]))
    same_band = same_year[same_year.revenue.map(lambda r: pd.notna(r) and tier(float(r)) == band)]
    if len(same_band) >= config.min_peers:
        return same_band, f"同档（{band}）集群"
    return same_year, "同年全部集群"


def diagnose(
    values: pd.DataFrame, cluster_id: str, year: int, config: Config, five_ones: dict[str, bool] | None = None
) -> list[Weakness]:
    """The cluster's 短板 in ``year``, as sentences: indicators in the bottom quarter of its peers, then the 五个一
    items not done."""
    group, band = peers(values, cluster_id, year, config)
    row = group[group.cluster_id == cluster_id]
    found = []
    for ind in config.indicators:
        if ind.key not in group or row.empty or pd.isna(row[ind.key].iloc[0]):
            continue
        column = group[ind.key].dropna().astype(float)
        if len(column) < 4:
            continue
        value = float(row[ind.key].iloc[0])
        worse = (column < value).sum() if ind.better == "higher" else (column > value).sum()
        # mid-rank position from the bottom: a value shared by many peers sits in the middle of them
        position = (worse + 0.5 * (column == value).sum()) / len(column)
        if position < config.weak_quantile:
            found.append(
                Weakness(
                    ind.key,
                    f"{ind.label}为 {formats.figure(value, ind.unit)}{ind.unit}，处于{band} {len(column)} 个中的"
                    f"后 {config.weak_quantile:.0%}（中位数 {formats.figure(column.median(), ind.unit)}{ind.unit}）。",
                )
            )
    for column, wording in FIVE_ONES.items():
        if five_ones is not None and not five_ones.get(column, False):
            found.append(Weakness(column, f"“五个一”：尚未{wording}。"))
    return found


def specialisation(values: pd.DataFrame, leading: pd.DataFrame, year: int) -> pd.DataFrame:
    """The location quotient of each county's 首位产业 by cluster revenue in ``year``:
    (the industry's share of the county's cluster revenue) / (its share of the province's cluster revenue).

    ``values``: cluster_indicators rows (adcode, industry, year, revenue); ``leading``: adcode, leading_industry.
    Returns adcode, leading_industry, county_revenue (of that industry), county_total, share, province_share, lq;
    a county without clusters of its leading industry has lq 0, one without any cluster revenue NaN."""
    year_values = values[(values.year == year) & values.revenue.notna()]
    by_county = year_values.groupby(["adcode", "industry"]).revenue.sum()
    county_total = year_values.groupby("adcode").revenue.sum()
    province_industry = year_values.groupby("industry").revenue.sum()
    province_total = year_values.revenue.sum()
    out = leading[["adcode", "leading_industry"]].dropna().copy()
    out["county_revenue"] = [by_county.get((a, i), 0.0) for a, i in zip(out.adcode, out.leading_industry)]
    out["county_total"] = out.adcode.map(county_total)
    out["share"] = out.county_revenue / out.county_total
    out["province_share"] = out.leading_industry.map(province_industry).fillna(0) / province_total
    out["lq"] = (out.share / out.province_share).where(out.province_share > 0, 0.0)
    out.loc[out.county_total.isna(), ["share", "lq"]] = np.nan
    return out.sort_values("lq", ascending=False, na_position="last").reset_index(drop=True)
