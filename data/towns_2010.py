"""Seed 003's 2010 baseline (安徽省“十二五”产业集群专业镇发展规划), transcribed into three CSV files beside this
module: the document's table of 省认定产业集群专业镇 by city (towns_2010_cities.csv, in 2010's cities), the towns its
text names with their industries and today's county (towns_2010.csv; the document names 55 of the 100, not all),
and its 2010 figures and 2015 targets (towns_2010_figures.csv, each with the document's words). Every row's source
is the document (a 公开报道 source)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import queries

HERE = Path(__file__).resolve().parent
SOURCE = {
    "source_id": "pub-003",
    "kind": "公开报道",
    "title": "安徽省“十二五”产业集群专业镇发展规划（〔003〕）",
    "detail": "一(一)、一(二) 省认定产业集群专业镇地域分布情况表、三(三) 发展目标、三(四) 发展布局",
}
TABLES = ("towns_2010_cities", "towns_2010", "towns_2010_figures")


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(HERE / f"{name}.csv", dtype=str, keep_default_na=False).replace({"": None})


def frames() -> dict[str, pd.DataFrame]:
    """The three tables, typed, each row citing the document."""
    cities = _read("towns_2010_cities").astype({"towns": int, "position": int})
    towns = _read("towns_2010")
    figures = _read("towns_2010_figures").astype({"year": int, "value": float})
    return {name: frame.assign(source_id=SOURCE["source_id"]) for name, frame in zip(TABLES, (cities, towns, figures))}


def ensure(con) -> None:
    """Fill the tables in a store that has none of their rows (one upgraded from before migration 0013), and their
    source where it is missing (a backup from before restored), inside the caller's transaction."""
    if queries.run(con, "source", source_id=SOURCE["source_id"]).empty:
        queries.insert_frames(con, {"sources": pd.DataFrame([SOURCE])}, transaction=False)
    if queries.run(con, "towns_2010_cities").empty:
        queries.insert_frames(con, frames(), transaction=False)
