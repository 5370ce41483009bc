"""循链招商: which links of a chain a place lacks or holds only weakly (补链), and who elsewhere in Anhui could fill
them (招商线索). Pure functions over ``chain_coverage`` and ``chain_leads`` rows, tested on hand-built chains."""

from __future__ import annotations

import numpy as np
import pandas as pd

WEAK_LQ = 0.5  # a link whose local share of the chain is under half the province's share is weak
MISSING, WEAK, PRESENT, ABSENT_IN_PROVINCE = "缺失", "薄弱", "具备", "全省空白"
RULE = (
    f"缺失：本地没有该环节的企业；薄弱：本地有，但该环节在本地产业链企业中的占比不到全省占比的 "
    f"{WEAK_LQ:.0%}（区位熵 < {WEAK_LQ}），或只有 1 家；全省空白：全省都没有该环节的企业，只能省外招引。"
)

# What an honour adds to a lead's weight (综合排序: each point counts as much as KM_PER_POINT km nearer).
HONOUR_POINTS = {
    "制造业单项冠军": 3,
    "专精特新“小巨人”": 3,
    "上市公司": 3,
    "独角兽企业": 3,
    "龙头/链主企业": 3,
    "专精特新中小企业": 2,
    "国家高新技术企业": 2,
    "瞪羚企业": 2,
    "配套“伙伴”企业": 1,
}
KM_PER_POINT = 50
LEAD_RULE = (
    f"综合排序：荣誉分每 1 分相当于近 {KM_PER_POINT} 公里（单项冠军、小巨人、上市、独角兽、龙头 3 分；"
    f"专精特新、高新技术、瞪羚 2 分；配套伙伴 1 分），同分按距离由近到远。距离为到所选范围中心的直线距离。"
)


def coverage(links: pd.DataFrame) -> pd.DataFrame:
    """``links`` (rows of ``chain_coverage``) with ``lq`` (local share of the chain over the province's) and
    ``status`` (缺失 / 薄弱 / 具备 / 全省空白)."""
    local_share = links.local / links.local_total.where(links.local_total > 0)
    province_share = links.province / links.province_total.where(links.province_total > 0)
    lq = local_share / province_share.where(province_share > 0)
    status = np.select(
        [links.province == 0, links.local == 0, (lq < WEAK_LQ) | (links.local == 1)],
        [ABSENT_IN_PROVINCE, MISSING, WEAK],
        PRESENT,
    )
    return links.assign(lq=lq.to_numpy(), status=status)


def gaps(covered: pd.DataFrame) -> pd.DataFrame:
    """The links to fill (缺失, 全省空白 and 薄弱), missing ones first, in chain order within each status."""
    order = {MISSING: 0, ABSENT_IN_PROVINCE: 1, WEAK: 2}
    found = covered[covered.status.isin(list(order))]
    return found.assign(_o=found.status.map(order)).sort_values(["_o"], kind="stable").drop(columns="_o")


def honour_points(honour_list) -> int:
    return int(sum(HONOUR_POINTS.get(h, 0) for h in (honour_list if honour_list is not None else [])))


def rank_leads(leads: pd.DataFrame, order: str = "综合") -> pd.DataFrame:
    """``leads`` (rows of ``chain_leads``) with ``points`` and ``score``, sorted by ``order``: 综合 (points worth
    KM_PER_POINT km each), 距离 (nearest first) or 荣誉 (most points first, then nearest)."""
    points = leads.honour_list.map(honour_points) if not leads.empty else pd.Series(dtype=int)
    ranked = leads.assign(points=points, score=points * KM_PER_POINT - leads.distance_km)
    keys = {
        "综合": (["score", "distance_km"], [False, True]),
        "距离": (["distance_km"], [True]),
        "荣誉": (["points", "distance_km"], [False, True]),
    }[order]
    return ranked.sort_values(keys[0], ascending=keys[1], kind="stable").reset_index(drop=True)
