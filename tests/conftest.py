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
    import queries

    connection = queries.connect_read_only(store_path)
    yield connection
    connection.close()


@pytest.fixture()
def app_store(store_path, tmp_path, monkeypatch):
    """A private copy of the demo store that the app (AppTest) opens, with the store's caches cleared; open
    browsing on (the reading pages' tests browse as a leader in a meeting would)."""
    import shutil

    import settings
    import store

    copy = tmp_path / "app.duckdb"
    shutil.copy(store_path, copy)
    monkeypatch.setattr(settings, "DB_PATH", copy)
    monkeypatch.setattr(settings, "OPEN_BROWSING", True)
    store.connection.clear()
    store.query.clear()
    yield copy
    store.connection.clear()
