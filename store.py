"""The app's store: one DuckDB connection per process, demo data on first run, query results cached."""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

import queries
import settings
from data import demo, pinyin
from records import accounts, sessions


def open_store(path=None) -> duckdb.DuckDBPyConnection:
    """Open the store at ``path`` (default ``settings.DB_PATH``), migrating it; load the demo data if empty."""
    con = queries.connect(path or settings.DB_PATH)
    if queries.run(con, "dataset_kind").kind[0] == "empty":
        queries.insert_frames(con, demo.build())
    pinyin.backfill(con)  # names stored before migration 0005 get their initials
    queries.build_search_index(con)  # rebuilt by every writer after a change (see queries.build_search_index)
    accounts.ensure_admin(con)  # the first run's administrator (password written next to the store)
    sessions.prune(con)  # logins unused for a month are forgotten
    return con


@st.cache_resource(show_spinner="正在打开数据库……")
def connection() -> duckdb.DuckDBPyConnection:
    """The process's one connection (DuckDB allows one writer process per file)."""
    return open_store()


def cursor() -> duckdb.DuckDBPyConnection:
    """A cursor of the process's connection (one per page run or thread: DuckDB cursors are not shared)."""
    return connection().cursor()


def after_write() -> None:
    """After a write changed the store: drop cached query results (the writer has rebuilt the search index)."""
    query.clear()


@st.cache_data(show_spinner=False, max_entries=512)
def query(name: str, **params) -> pd.DataFrame:
    """A named query's rows, cached by name and parameters; a cursor of the shared connection per call."""
    return queries.run(cursor(), name, **params)


def fresh(name: str, **params) -> pd.DataFrame:
    """A named query's rows read now, not cached: for what one user just changed (their batches, the user list, the
    audit log) and for a download's full list."""
    return queries.run(cursor(), name, **params)


def is_demo() -> bool:
    """Whether the demo dataset is what the app shows (drives the 演示数据 badge)."""
    return query("dataset_kind").kind[0] == "demo"
