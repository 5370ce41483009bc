"""Every named query in queries/ runs on the demo store: each read returns rows for typical parameters (those known to
be empty on the demo store are listed, and must be empty), and each write runs inside a transaction that is rolled
back, leaving the store as it was. A query added without being listed here fails the first test."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest

import queries

NAMES = sorted(p.stem for p in queries.QUERY_DIR.glob("*.sql"))
NOT_STATEMENTS = {"enterprise_where",  # condition blocks composed into other queries (queries.compose)
                  "attach_read_only"}  # run by queries.connect_read_only, which every read-only test store uses
EMPTY_ON_DEMO = {"audit_events", "batch", "batch_cluster_figures_of", "batch_clusters_of", "batch_enterprises_of",
                 "enterprises_without_initials",
                 "batches", "batches_confirmed_latest", "batches_open", "enterprises_elsewhere",
                 "evaluation_config_latest", "presentation_deck_latest", "session", "user", "users"}
WRITES = {"audit_insert", "batch_insert", "batch_set_status", "batch_source", "county_enterprises_delete",
          "enterprise_initials_update", "schema_version_insert", "schema_version_table",
          "county_honours_delete", "county_year_figures_delete", "county_year_leading_delete",
          "evaluation_config_insert", "presentation_deck_insert", "publish_cluster_figures", "publish_clusters",
          "publish_enterprises", "publish_honours", "publish_leading", "publish_snapshot_cluster_figures",
          "publish_snapshot_clusters", "publish_snapshot_enterprises", "publish_snapshot_honours",
          "publish_snapshot_leading", "rollback_clusters", "rollback_restore_cluster_figures",
          "rollback_restore_clusters", "rollback_restore_enterprises", "rollback_restore_honours",
          "rollback_restore_leading", "search_index", "session_claim", "session_end", "session_insert",
          "session_touch", "sessions_prune", "user_create", "user_login_result", "user_password", "user_update"}
NOW = pd.Timestamp("2025-06-30 12:00")
REGISTERED = {  # frames some writes read, registered by their callers
    "publish_clusters": {"cluster_ids": pd.DataFrame({"name": ["x"], "cluster_id": ["C34088199"]})},
    "enterprise_initials_update": {"filled_initials": pd.DataFrame({"uscc": ["x"], "main": ["a"], "alt": [None]})},
}


@pytest.fixture(scope="module")
def store(store_path, tmp_path_factory):
    """A private copy of the demo store with its search index (what the app opens)."""
    path = tmp_path_factory.mktemp("every") / "every.duckdb"
    shutil.copy(store_path, path)
    con = queries.connect(path)
    queries.build_search_index(con)
    yield con
    con.close()


def params_for(name: str, con) -> dict:
    """Typical values for the query's parameters, by their names: 桐城市 in 2025, its 绿色包装 chain, and the chain
    link with most enterprises elsewhere."""
    uscc, lon, lat = con.execute("select uscc, lon, lat from enterprises where adcode = '340881' and lon is not null "
                                 "order by revenue desc limit 1").fetchone()
    link = con.execute("select link_id from enterprises where adcode <> '340881' and link_id is not null "
                       "group by link_id order by count(*) desc, link_id limit 1").fetchone()[0]
    values = {
        "year": 2025, "start_year": 2021, "adcode": "340881", "adcodes": ["340881"], "city": None, "region": None,
        "industry": "绿色包装", "link": link, "lon": lon, "lat": lat, "uscc": uscc, "cell": 0.1, "limit": 50,
        "offset": 0, "batch_id": 1, "kind": "企业名录", "statuses": None, "username": "admin", "source_id": "batch-1",
        "now": NOW, "happened_at": NOW, "saved_at": NOW, "saved_by": "admin", "version": 99, "body": "{}",
        "action": "测试", "detail": None, "file_name": "x.csv", "file_sha256": "0" * 64, "row_count": 1,
        "submitted_by": "tc", "status": "已提交", "comment": None, "title": "测试", "display_name": "测试",
        "role": "浏览", "password_hash": "x", "disabled": False, "failed_logins": 0, "locked_until": None,
        "must_change": False, "migration": "测试", "path": "", "session_id": "s", "token_hash": "t",
        "claim_hash": "c", "claim_expires_at": NOW, "before": NOW,
    }
    used = set(re.findall(r"\$([a-z_][a-z0-9_]*)", re.sub(r"--[^\n]*", "", queries.sql(name))))
    return {key: values[key] for key in used}


def test_every_query_file_is_a_read_or_a_write_known_here():
    assert set(NAMES) - NOT_STATEMENTS - WRITES - EMPTY_ON_DEMO, "no reads?"
    assert WRITES <= set(NAMES) and EMPTY_ON_DEMO <= set(NAMES) and NOT_STATEMENTS <= set(NAMES)
    for name in NAMES:
        text = re.sub(r"--[^\n]*", "", queries.sql(name)).strip().lower()
        is_write = text.startswith(("insert", "delete", "update", "create"))
        assert is_write == (name in WRITES), f"{name}: list it in WRITES" if is_write else f"{name} is not a write"


@pytest.mark.parametrize("name", [n for n in NAMES if n not in WRITES | NOT_STATEMENTS])
def test_each_read_returns_rows_on_the_demo_store(store, name):
    rows = queries.run(store, name, **params_for(name, store))
    if name in EMPTY_ON_DEMO:
        assert rows.empty, f"{name} returned rows on the demo store: take it off EMPTY_ON_DEMO"
    else:
        assert len(rows) > 0 and len(rows.columns) > 0, name


@pytest.mark.parametrize("name", sorted(WRITES))
def test_each_write_runs_and_rolls_back(store, name):
    counts = {t: store.execute(f'select count(*) from "{t}"').fetchone()[0] for t in queries.tables(store)}
    store.execute("begin transaction")
    try:
        for frame, rows in REGISTERED.get(name, {}).items():
            store.register(frame, rows)
        queries.run(store, name, **params_for(name, store))
    finally:
        store.execute("rollback")
        for frame in REGISTERED.get(name, {}):
            store.unregister(frame)
    assert {t: store.execute(f'select count(*) from "{t}"').fetchone()[0] for t in queries.tables(store)} == counts
