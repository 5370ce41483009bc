"""Relatedness of chain links and industries from their co-location across the 104 counties (pure), after Hidalgo,
Klinger, Barabási and Hausmann (2007), “The Product Space Conditions the Development of Nations”, and the Growth
Lab's Atlas/Metroverse method (its `ecomplexity` package agrees with these functions to 1e-9: tests).

- location quotient (RCA) of county c in item i: LQ[c,i] = (x[c,i] / Σi x[c,i]) / (Σc x[c,i] / Σc,i x[c,i]);
- presence: M[c,i] = 1 where LQ[c,i] ≥ 1;
- ubiquity u_i = Σc M[c,i] (how many counties hold item i);
- proximity: φ[i,j] = Σc M[c,i]·M[c,j] / max(u_i, u_j) (0 when neither is held anywhere), φ[i,i] = 1 for a held i;
- density: ω[c,j] = Σi M[c,i]·φ[i,j] / Σi φ[i,j] — how much of what is related to j county c already holds.

``x`` is a counties × items table of firm counts (or revenue). One year of cluster revenue is thin (most counties hold
one or two clusters), so revenue is pooled over the years given (``pooled``) and the page says so.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

SOURCE = (
    "Hidalgo C.A., Klinger B., Barabási A.-L., Hausmann R. (2007) The Product Space Conditions the Development of "
    "Nations. Science 317: 482–487；哈佛大学增长实验室 Atlas of Economic Complexity / Metroverse 方法"
)
FORMULA = (
    "区位熵 LQ[c,i] =（县 c 中 i 的份额）/（全省 i 的份额）；具备 M[c,i] = 1 当 LQ ≥ 1；"
    "邻近度 φ[i,j] = 同时具备 i 和 j 的县数 / max(具备 i 的县数, 具备 j 的县数)；"
    "关联密度 ω[c,j] = Σi M[c,i]·φ[i,j] / Σi φ[i,j]（县 c 已具备的、与 j 相关的环节占 j 全部关联的比重，0–1）。"
)


def table(rows: pd.DataFrame, value: str, item: str = "item", place: str = "adcode") -> pd.DataFrame:
    """A long frame (place, item, value) as a places × items table, missing pairs 0."""
    return rows.pivot_table(index=place, columns=item, values=value, aggfunc="sum", fill_value=0).astype(float)


def pooled(rows: pd.DataFrame, value: str, years, item: str = "item", place: str = "adcode") -> pd.DataFrame:
    """A places × items table of ``value`` summed over ``years`` (rows with a ``year`` column)."""
    return table(rows[rows.year.isin(list(years))], value, item, place)


def lq(x: pd.DataFrame) -> pd.DataFrame:
    """The location quotient of every place and item (0 where a place or an item has nothing)."""
    values = x.to_numpy(dtype=float)
    place_total = values.sum(axis=1, keepdims=True)
    item_total = values.sum(axis=0, keepdims=True)
    total = values.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        out = (values / place_total) / (item_total / total)
    return pd.DataFrame(np.nan_to_num(out, nan=0.0, posinf=0.0), index=x.index, columns=x.columns)


def presence(x: pd.DataFrame, threshold: float = 1.0) -> pd.DataFrame:
    """M: 1 where the location quotient is at least ``threshold``, else 0."""
    return (lq(x) >= threshold).astype(float)


def proximity(m: pd.DataFrame) -> pd.DataFrame:
    """φ[i,j] = co-occurrence / the larger ubiquity (items × items; 0 for items held nowhere)."""
    values = m.to_numpy(dtype=float)
    together = values.T @ values
    ubiquity = np.diag(together)
    larger = np.maximum(ubiquity[:, None], ubiquity[None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = np.where(larger > 0, together / larger, 0.0)
    return pd.DataFrame(phi, index=m.columns, columns=m.columns)


def density(m: pd.DataFrame, phi: pd.DataFrame) -> pd.DataFrame:
    """ω[c,j] = Σi M[c,i]·φ[i,j] / Σi φ[i,j] (places × items; 0 for an item related to nothing)."""
    weights = phi.to_numpy()
    column = weights.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        omega = np.where(column > 0, (m.to_numpy() @ weights) / column, 0.0)
    return pd.DataFrame(omega, index=m.index, columns=m.columns)


def related(phi: pd.DataFrame, item, held, top: int = 3) -> list[tuple[str, float]]:
    """The items of ``held`` closest to ``item`` (by φ, largest first, none of 0), for a sentence."""
    row = phi.loc[item].drop(labels=[item], errors="ignore")
    row = row[row.index.isin(list(held)) & (row > 0)].sort_values(ascending=False)
    return list(row.head(top).items())
