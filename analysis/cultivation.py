"""The 培育库 laid out by county (pure): each county's clusters in the pool and the furthest status among them, for
the map and its legend; and the pool's counts by status."""

from __future__ import annotations

import pandas as pd

# The statuses in the order a cluster moves through them; a county shows the furthest of its clusters' (撤销 and
# 退出 count only where no cluster of the county is still in the pool).
STATUSES = ("省级认定", "培育", "入库", "撤销", "退出")
PALETTE = (
    ("省级认定", "#15803d"),
    ("培育", "#3b82f6"),
    ("入库", "#fbbf24"),
    ("撤销或退出", "#f87171"),
    ("未入库", "#e5e7eb"),
)


def county_layout(entries: pd.DataFrame, adcodes: pd.Series) -> pd.DataFrame:
    """One row per county of ``adcodes``: adcode, status (a PALETTE category), clusters (in the pool now), detail
    (each cluster with its status, "；"-separated, or "无")."""
    order = {status: i for i, status in enumerate(STATUSES)}
    rows = []
    for adcode in adcodes:
        own = entries[entries.adcode == adcode]
        if own.empty:
            rows.append((adcode, "未入库", 0, "无"))
            continue
        furthest = min(own.status, key=order.get)
        category = "撤销或退出" if furthest in ("撤销", "退出") else furthest
        active = int(own.status.isin(STATUSES[:3]).sum())
        detail = "；".join(f"{r.name}（{r.status}）" for r in own.itertuples())
        rows.append((adcode, category, active, detail))
    return pd.DataFrame(rows, columns=["adcode", "status", "clusters", "detail"])


def counts(entries: pd.DataFrame) -> dict[str, int]:
    """How many clusters of ``entries`` have each status, in STATUSES order (zeros included)."""
    found = entries.status.value_counts()
    return {status: int(found.get(status, 0)) for status in STATUSES}
