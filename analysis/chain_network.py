"""The 产业链全景网络图 (seed 000 §四(一) 一图三库) laid out (pure): a chain's links as nodes in three columns, 上游 →
中游 → 下游, in chain order, each stage's links joined to the next stage's; sized by the scope's firms and coloured by
their status there (``analysis.chains``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

STAGES = ("上游", "中游", "下游")


def layout(covered: pd.DataFrame, leaders: pd.DataFrame) -> pd.DataFrame:
    """``covered`` (rows of ``chains.coverage``) with x (stage 0–2), y (1 at the top of its stage, 0 at the bottom;
    0.5 for a stage's only link), size (marker px, by the square root of the local firms), leaders, leader_names."""
    out = covered.merge(leaders, on="link_id", how="left")
    out["leaders"] = out.leaders.fillna(0).astype(int)
    out["leader_names"] = out.leader_names.fillna("")
    out["x"] = out.stage.map({s: i for i, s in enumerate(STAGES)})
    out = out.sort_values(["x", "position"]).reset_index(drop=True)
    rank = out.groupby("x").cumcount()
    count = out.groupby("x").link_id.transform("count")
    out["y"] = np.where(count > 1, 1 - rank / (count - 1).clip(lower=1), 0.5)
    largest = max(int(out.local.max()), 1) if len(out) else 1
    out["size"] = 14 + 34 * np.sqrt(out.local / largest)
    return out


def edges(nodes: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs of node indices: every link of a stage with every link of the next stage."""
    pairs = []
    for stage in range(len(STAGES) - 1):
        here = nodes.index[nodes.x == stage]
        there = nodes.index[nodes.x == stage + 1]
        pairs += [(int(a), int(b)) for a in here for b in there]
    return pairs
