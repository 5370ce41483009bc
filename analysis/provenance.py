"""The sources of a set of figures, in words (rows of ``queries/figure_sources.sql``): for pages and exports."""

from __future__ import annotations

import pandas as pd

from data.vocab import INDICATORS


def lines(sources: pd.DataFrame) -> list[str]:
    """One sentence per source: '公开报道：《…》（营业收入，3 项）', '上报数据：桐城市2025年集群年度数据（第 12 批…）'."""
    out = []
    for row in sources.itertuples():
        indicators = "、".join(INDICATORS.get(i, (i,))[0] for i in str(row.indicators).split("、"))
        out.append(f"{row.kind}：{row.title}（{indicators}，{int(row.figures):,} 项）")
    return out


def summary(sources: pd.DataFrame) -> str:
    """'公开报道 16 项 · 示例生成 412 项' (figures by kind, in the rows' order)."""
    by_kind = sources.groupby("kind", sort=False).figures.sum()
    return " · ".join(f"{kind} {int(n):,} 项" for kind, n in by_kind.items()) or "无数据"
