"""Shared fixtures: one real DuckDB store built from the demo data per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def demo_tables():
    from data import demo

    return demo.build()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, demo_tables):
    import queries

    path = tmp_path_factory.mktemp("store") / "demo.duckdb"
    con = queries.connect(path)
    queries.insert_frames(con, demo_tables)
    con.close()
    return path


@pytest.fixture()
def con(store_path):
    import duckdb

    connection = duckdb.connect(str(store_path), read_only=True)
    yield connection
    connection.close()
