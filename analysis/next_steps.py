"""下一步招什么 (issue 22, item 2), pure: for one county, the links of its own chains (the industries of its
clusters) that it lacks or holds weakly, each with

- feasibility: its relatedness density ω in the county (``analysis.relatedness``, from firms by link across the 104
  counties) — how much of what goes with the link the county already holds;
- adjacency: the links next to it in the chain (one step up- or downstream by chain order) that the county holds, and
  their firms here — whom a newcomer would supply or buy from; their number of firms is the attractiveness axis;
- the province's own gaps: a link no county of Anhui holds (全省空白) comes first, as the province's priority.

Ranked: 全省空白 first, then links next to one the county holds, then by density; each with a sentence saying why."""

from __future__ import annotations

import pandas as pd

from analysis import chains
from analysis import relatedness as rel

RULE = (
    "排序：全省空白的环节在前（全省都没有，须省外招引，是全省的缺口）；其次是与本地已具备环节上下游紧邻的环节；"
    "同一档内按关联密度由高到低。可行性 = 关联密度 ω；吸引力 = 本地上下游紧邻环节的企业数（新进企业的本地配套与客户）。"
)


def candidates(
    covered: pd.DataFrame, omega: pd.Series, phi: pd.DataFrame, links: pd.DataFrame, names: dict[str, str]
) -> pd.DataFrame:
    """The county's links to fill, ranked, with why. ``covered``: ``chains.coverage`` rows of the county's chains
    (link_id, name, stage, industry, local, province, status); ``omega``: the county's density by link_id; ``phi``:
    proximity by link_id; ``links``: link_id, industry, position (chain order); ``names``: link_id → name."""
    if covered.empty:
        return covered.assign(density=[], adjacent=[], adjacent_firms=[], reason=[])
    held = set(covered.link_id[covered.status == chains.PRESENT])
    order = links.sort_values(["industry", "position"])
    neighbours: dict[str, list[str]] = {}
    for _, chain in order.groupby("industry"):
        ids = chain.link_id.tolist()
        for i, link in enumerate(ids):
            neighbours[link] = ids[max(i - 1, 0) : i] + ids[i + 1 : i + 2]
    local = dict(zip(covered.link_id, covered.local))
    rows = chains.gaps(covered).copy()
    rows["density"] = rows.link_id.map(omega).fillna(0.0).to_numpy()
    rows["adjacent"] = [[n for n in neighbours.get(link, []) if n in held] for link in rows.link_id]
    rows["adjacent_firms"] = [int(sum(local.get(n, 0) for n in near)) for near in rows.adjacent]
    rows["province_gap"] = rows.status == chains.ABSENT_IN_PROVINCE
    rows = rows.sort_values(
        ["province_gap", "adjacent_firms", "density"], ascending=[False, False, False], kind="stable"
    )
    rows["rank"] = range(1, len(rows) + 1)
    rows["reason"] = [_reason(r, phi, held, names) for r in rows.itertuples()]
    return rows.reset_index(drop=True)


def _reason(r, phi: pd.DataFrame, held: set[str], names: dict[str, str]) -> str:
    parts = [f"{r.status}（本地 {int(r.local)} 家，省内 {int(r.province)} 家）"]
    if r.status == chains.ABSENT_IN_PROVINCE:
        parts.append("全省都没有该环节的企业，须到省外招引，是全省产业链的缺口")
    close = rel.related(phi, r.link_id, held) if r.link_id in phi.index else []
    if close:
        parts.append(
            f"关联密度 {r.density:.2f}：本地已具备的相关环节有"
            + "、".join(f"“{names.get(k, k)}”（邻近度 {v:.2f}）" for k, v in close)
        )
    else:
        parts.append(f"关联密度 {r.density:.2f}：本地尚无与之同地集聚的环节")
    if r.adjacent:
        parts.append(
            "上下游紧邻本地已具备的"
            + "、".join(f"“{names.get(k, k)}”" for k in r.adjacent)
            + f"（本地 {r.adjacent_firms} 家）"
        )
    return "；".join(parts) + "。"


def industries(omega: pd.Series, phi: pd.DataFrame, held: set[str], top: int = 10) -> pd.DataFrame:
    """The industries a place does not hold (LQ < 1), most related to what it holds first: industry, density and a
    sentence naming the held industries closest to it."""
    rows = omega[~omega.index.isin(list(held))].sort_values(ascending=False, kind="stable").head(top)
    reasons = []
    for industry, value in rows.items():
        close = rel.related(phi, industry, held)
        reasons.append(
            f"关联密度 {value:.2f}："
            + (
                "与本地已具备的" + "、".join(f"“{k}”（邻近度 {v:.2f}）" for k, v in close) + "常在同一县区集聚"
                if close
                else "本地尚无与之同地集聚的产业"
            )
            + "。"
        )
    return pd.DataFrame({"industry": rows.index, "density": rows.to_numpy(), "reason": reasons})
