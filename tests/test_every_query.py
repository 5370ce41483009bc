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
NOT_STATEMENTS = {
    "enterprise_where",  # condition blocks composed into other queries (queries.compose)
    "enterprise_match_rank",  # the order expression composed into enterprise_search (queries.compose)
    "sync_triggers",  # PostgreSQL's table versions, run by queries.postgres.migrate
    "attach_read_only",
}  # run by queries.connect_read_only, which every read-only test store uses
EMPTY_ON_DEMO = {
    "audit_events",
    "batch",
    "batch_cluster_figures_of",
    "batch_clusters_of",
    "batch_enterprises_of",
    "batch_projects_of",
    "batch_talents_of",
    "enterprises_without_initials",
    "batches",
    "batches_confirmed_latest",
    "batches_open",
    "enterprises_elsewhere",
    "evaluation_config_latest",
    "presentation_deck_latest",
    "session",
    "user",
    "users",
    "pool_application",
    "pool_applications",
    "pool_applications_open",
    "pool_status_before",
    "pool_entry_event",
    "campaign",
    "campaigns",
    "campaign_of_year",
    "candidates",
    "recognised_in_year",
    "objection",
    "objections",
    "revocation",
    "revocations",
    "revocations_open",
    "level_before_recognition",
    "source",
    "province_figures",
    "enterprise_unplaced",
}
WRITES = {
    "audit_insert",
    "batch_insert",
    "batch_set_status",
    "batch_source",
    "county_enterprises_delete",
    "county_projects_delete",
    "county_talents_delete",
    "enterprise_initials_update",
    "schema_version_insert",
    "schema_version_table",
    "county_honours_delete",
    "county_year_figures_delete",
    "county_year_leading_delete",
    "evaluation_config_insert",
    "presentation_deck_insert",
    "publish_cluster_figures",
    "publish_clusters",
    "publish_enterprises",
    "publish_projects",
    "publish_snapshot_projects",
    "publish_talents",
    "publish_snapshot_talents",
    "publish_honours",
    "publish_leading",
    "publish_snapshot_cluster_figures",
    "publish_snapshot_clusters",
    "publish_snapshot_enterprises",
    "publish_snapshot_honours",
    "publish_snapshot_leading",
    "rollback_clusters",
    "rollback_restore_cluster_figures",
    "rollback_restore_clusters",
    "rollback_restore_enterprises",
    "rollback_restore_projects",
    "rollback_restore_talents",
    "rollback_restore_honours",
    "rollback_restore_leading",
    "search_index",
    "session_claim",
    "session_end",
    "session_insert",
    "session_touch",
    "sessions_prune",
    "user_create",
    "user_login_result",
    "user_password",
    "user_update",
    "pool_event_insert",
    "pool_set_status",
    "pool_enter",
    "pool_delete",
    "pool_application_insert",
    "pool_application_set_status",
    "campaign_insert",
    "campaign_set_status",
    "campaign_publicity",
    "campaign_confirm",
    "candidate_insert",
    "candidate_delete",
    "candidate_expert",
    "candidate_freeze",
    "candidate_outcome",
    "cluster_set_level",
    "objection_insert",
    "objection_handle",
    "revocation_insert",
    "revocation_publicity",
    "revocation_decide",
    "province_figure_save",
    "honour_upsert",
}
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
    uscc, lon, lat = con.execute(
        "select uscc, lon, lat from enterprises where adcode = '340881' and lon is not null "
        "order by revenue desc limit 1"
    ).fetchone()
    link = con.execute(
        "select link_id from enterprises where adcode <> '340881' and link_id is not null "
        "group by link_id order by count(*) desc, link_id limit 1"
    ).fetchone()[0]
    values = {
        "year": 2025,
        "start_year": 2021,
        "adcode": "340881",
        "adcodes": ["340881"],
        "cities": [],
        "city": None,
        "region": None,
        "cluster": None,
        "industry": "绿色包装",
        "link": link,
        "lon": lon,
        "lat": lat,
        "uscc": uscc,
        "cell": 0.1,
        "limit": 50,
        "offset": 0,
        "batch_id": 1,
        "kind": "企业名录",
        "statuses": None,
        "username": "admin",
        "source_id": "batch-1",
        "now": NOW,
        "happened_at": NOW,
        "saved_at": NOW,
        "saved_by": "admin",
        "version": 99,
        "body": "{}",
        "action": "测试",
        "detail": None,
        "file_name": "x.csv",
        "file_sha256": "0" * 64,
        "row_count": 1,
        "submitted_by": "tc",
        "status": "已提交",
        "comment": None,
        "title": "测试",
        "display_name": "测试",
        "role": "浏览",
        "password_hash": "x",
        "disabled": False,
        "failed_logins": 0,
        "locked_until": None,
        "must_change": False,
        "migration": "测试",
        "path": "",
        "session_id": "s",
        "token_hash": "t",
        "claim_hash": "c",
        "claim_expires_at": NOW,
        "before": NOW,
        # the policy cycle (records.cultivation, recognition, revocation, publicity): 桐城市绿色包装产业集群
        "cluster_id": "C34088100",
        "application_id": 1,
        "campaign_id": 1,
        "event_id": 1,
        "reference": "测试",
        "subject": "认定",
        "subject_id": 1,
        "objection_id": 1,
        "revocation_id": 1,
        "today": NOW.date(),
        "happened_on": NOW.date(),
        "step": "测试",
        "pool_status": "培育",
        "campaign_status": "评审中",
        "revocation_status": "已撤销",
        "note": "测试",
        "notice_on": NOW.date(),
        "deadline": NOW.date(),
        "quota": 20,
        "industries": None,
        "regions": None,
        "opened_by": "admin",
        "config_version": 1,
        "race_weight": 0.6,
        "expert_weight": 0.4,
        "start": NOW.date(),
        "end": NOW.date(),
        "city_adcode": "340800",
        "score": 80.0,
        "race_score": 60.0,
        "race_year": 2025,
        "combined": 70.0,
        "ranking": 1,
        "shortlisted": True,
        "outcome": "省级认定",
        "level_before": "市级",
        "level_after": "市级",
        "level": "省级",
        "recognised_year": 2025,
        "received_on": NOW.date(),
        "objector": "匿名",
        "content": "测试",
        "finding": "成立",
        "handling": "测试",
        "grounds": "弄虚作假",
        "reason": "测试",
        "proposed_on": NOW.date(),
        "decision": "测试",
        "indicator": "rd_intensity_above_scale",
        "value": 2.0,
        "unit": "%",
        "source": "测试",
        "usccs": [uscc],
        "honour": "专精特新中小企业",
    }
    used = set(re.findall(r"\$([a-z_][a-z0-9_]*)", re.sub(r"--[^\n]*", "", queries.sql(name))))
    return {key: values[key] for key in used}


def test_every_query_file_is_a_read_or_a_write_known_here():
    assert set(NAMES) - NOT_STATEMENTS - WRITES - EMPTY_ON_DEMO, "no reads?"
    assert WRITES <= set(NAMES) and EMPTY_ON_DEMO <= set(NAMES) and NOT_STATEMENTS <= set(NAMES)
    for name in sorted(set(NAMES) - NOT_STATEMENTS):
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


# PostgreSQL, the system of record of a multi-process deployment, runs every query but those only a read copy runs
# (each process's DuckDB copy, queries.replica): the searches, and reads written in DuckDB's own SQL.
READ_COPY_ONLY = {
    "chain_leads",
    "enterprise_unplaced",
    "enterprise_card",
    "enterprise_cells",
    "enterprise_points",
    "enterprise_search",
    "honour_scope_counts",
    "search_index",
    "submission_progress",
    "tier_bands",
    "tier_clusters",
}
SYSTEM_OF_RECORD = ("records", "uploads", "server", "data", "components/session.py", "store.py")


def test_the_system_of_record_never_runs_a_read_copy_only_query():
    """What writes or reads through ``store.cursor()`` (records, uploads, server, the login, store.prepare) runs on
    PostgreSQL: none of it may name a query that only DuckDB runs."""
    root = queries.QUERY_DIR.parent
    files = [
        p
        for part in SYSTEM_OF_RECORD
        for p in ((root / part).rglob("*.py") if (root / part).is_dir() else [root / part])
    ]
    assert len(files) > 20
    for path in files:
        named = set(re.findall(r'"([a-z][a-z0-9_]*)"', path.read_text(encoding="utf-8")))
        assert not named & READ_COPY_ONLY, f"{path.name} runs {named & READ_COPY_ONLY} (DuckDB only)"
    live = set(
        re.findall(
            r'store\.live\("([a-z_]+)"', "".join(p.read_text(encoding="utf-8") for p in (root / "pages").glob("*.py"))
        )
    )
    assert live and not live & READ_COPY_ONLY


@pytest.fixture(scope="module")
def pg(pg_accounts_template):
    """A private PostgreSQL copy of the demo store with accounts, and a read copy of it (for parameter values)."""
    from queries import postgres, replica
    from tests.conftest import drop_database, new_database

    name = new_database(pg_accounts_template)
    pool = postgres.open_pool(f"dbname={name}", size=2)
    copy = replica.Replica(pool)
    copy.refresh()
    yield postgres.Connection(pool), copy.cursor()
    pool.close()
    drop_database(name)


@pytest.mark.parametrize("name", [n for n in NAMES if n not in NOT_STATEMENTS | READ_COPY_ONLY])
def test_each_query_runs_on_postgresql_as_on_duckdb(pg, name):
    con, copy = pg
    params = params_for(name, copy)
    if name == "user_create":
        params["username"] = "new_user"
    before = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in queries.tables(con)}
    with pytest.raises(KeyboardInterrupt):  # leave the store as it was
        with queries.transaction(con):
            frames = [queries.frame(con, f, rows) for f, rows in REGISTERED.get(name, {}).items()]
            for frame in frames:
                frame.__enter__()
            rows = queries.run(con, name, **params)
            whole_store = name == "store_tables" or re.search(r"\b(users|sessions|audit_log)\b", queries.sql(name))
            if name not in WRITES and not whole_store:
                expected = queries.run(copy, name, **params)
                assert list(rows.columns) == list(expected.columns), name
                assert len(rows) == len(expected), name
            elif name not in WRITES:  # (not in the copy: read from PostgreSQL only)
                assert len(rows.columns) > 0, name
            for frame in frames:
                frame.__exit__(None, None, None)
            raise KeyboardInterrupt
    assert {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in queries.tables(con)} == before
