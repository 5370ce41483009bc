"""数据截至: every reading page says how fresh the data it shows is — for each kind of data it draws on, the
latest year, and the last confirmed 上报 batch of that kind (when, which batch, how many counties), or that the
figures are demo data. Drawn by ``app.py`` beside the 演示数据 badge (one line: the map stays on a laptop's screen)."""

from __future__ import annotations

import html

import pandas as pd

import store

CLUSTERS, FIRMS, PROJECTS, TALENTS = "集群年度数据", "企业名录", "项目库", "人才库"
# url_path of a reading page → the kinds of data it shows
KINDS = {
    "": (CLUSTERS, FIRMS),
    "tiers": (CLUSTERS,),
    "honours": (FIRMS,),
    "enterprises": (FIRMS,),
    "chains": (FIRMS, PROJECTS),
    "projects": (PROJECTS,),
    "talents": (TALENTS,),
    "cluster": (CLUSTERS, FIRMS),
    "ranking": (CLUSTERS, FIRMS),
    "present": (CLUSTERS, FIRMS),
}


def text(rows: pd.DataFrame, kinds: tuple[str, ...]) -> str:
    """The line for ``kinds`` from the rows of ``data_as_of`` (kinds with the same year and status said once)."""
    said: dict[tuple[str, str], list[str]] = {}
    for row in rows[rows.kind.isin(kinds)].itertuples():
        label = {CLUSTERS: "集群数据", PROJECTS: "项目", TALENTS: "人才"}.get(row.kind, "企业与荣誉")
        year = f"{int(row.data_year)}年" if pd.notna(row.data_year) else "无数据"
        if pd.notna(row.batch_id):
            status = (
                f"最近确认 {pd.Timestamp(row.confirmed_at):%Y-%m-%d}（第 {int(row.batch_id)} 批；"
                f"{int(row.batch_year)}年已确认 {int(row.counties)} 个区县）"
            )
            status += "，其余为演示数据" if row.demo else ""
        else:
            status = "演示数据，尚无省级确认的上报批次" if row.demo else "尚无省级确认的上报批次"
        said.setdefault((year, status), []).append(label)
    if len(said) == 1:
        (year, status), _ = next(iter(said.items()))
        return f"数据截至 {year} · {status}"
    return "数据截至：" + "；".join(
        f"{'、'.join(labels)} {year}（{status}）" for (year, status), labels in said.items()
    )


def line(url_path: str | None) -> str:
    """The escaped 数据截至 HTML of the reading page at ``url_path`` ("" on other pages)."""
    kinds = KINDS.get(url_path or "")
    if kinds is None:
        return ""
    said = text(store.query("data_as_of"), kinds)
    return f'<span class="data-as-of" role="note">{html.escape(said)}</span>' if said else ""
