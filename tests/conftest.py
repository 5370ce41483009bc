"""Shared fixtures: one real DuckDB store built from the demo data per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TONGCHENG, ANQING = "340881", "340800"  # 桐城市, a county of 安庆市
WUWEI, WUHU = "340281", "340200"  # 无为市, a county of 芜湖市


@pytest.fixture(autouse=True)
def no_unexpected_incidents(request):
    """A page run that fails is shown as a Chinese message with an incident id (app.py), not as an exception that
    AppTest would report: fail every test during which an incident was recorded, unless it expects them."""
    from components import incidents

    before = incidents.count
    yield
    if "expected_incidents" not in request.fixturenames:
        assert incidents.count == before, "an unexpected incident was recorded (traceback in the captured log)"


@pytest.fixture()
def expected_incidents():
    """For tests that cause incidents on purpose; yields a function returning how many were recorded since."""
    from components import incidents

    before = incidents.count
    yield lambda: incidents.count - before


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


@pytest.fixture(scope="session")
def accounts_store(store_path, tmp_path_factory):
    """The demo store with one account per role (argon2 hashing is slow on purpose: built once); every password is "Passw0rd1" (admin: "Admin1234")."""
    import shutil

    import queries

    path = tmp_path_factory.mktemp("accounts") / "accounts.duckdb"
    shutil.copy(store_path, path)
    con = queries.connect(path)
    add_accounts(con)
    con.close()
    return path


def add_accounts(con) -> None:
    """One account per role (see ``accounts_store``), on either backend."""
    import queries
    from records import access, accounts

    queries.run(
        con,
        "user_create",
        username="admin",
        display_name="管理员",
        role=access.PROVINCE_ADMIN,
        adcode=None,
        password_hash=accounts._hasher.hash("Admin1234"),
        now=accounts.now(),
    )
    con.execute("update users set must_change_password = false")
    for name, role, adcode in [
        ("prov", access.PROVINCE_REVIEWER, None),
        ("aq", access.CITY_REVIEWER, ANQING),
        ("tc", access.COUNTY_FILER, TONGCHENG),
        ("view", access.VIEWER, None),
    ]:
        accounts.create_user(con, "admin", name, name + "用户", role, adcode, "Passw0rd1")
    con.execute("update users set must_change_password = false")


BACKENDS = ("duckdb", "postgresql")


def postgresql_admin():
    """An autocommit connection to the test PostgreSQL's ``postgres`` database; fails (not skips) without one."""
    import os

    import psycopg

    if not os.environ.get("PGHOST"):
        pytest.fail("no PostgreSQL: ./test.sh runs the suite inside pg_virtualenv, which sets PGHOST")
    return psycopg.connect("dbname=postgres", autocommit=True)


def new_database(template: str | None = None) -> str:
    """A new PostgreSQL database (a copy of ``template`` if given); returns its name."""
    import uuid

    name = f"anhui_test_{uuid.uuid4().hex[:12]}"
    with postgresql_admin() as admin:
        admin.execute(f'create database "{name}"' + (f' template "{template}"' if template else ""))
    return name


def drop_database(name: str) -> None:
    with postgresql_admin() as admin:
        admin.execute(f'drop database if exists "{name}" with (force)')


@pytest.fixture(scope="session")
def pg_accounts_template(demo_tables):
    """A PostgreSQL database with the demo data and one account per role, copied by ``any_db`` for each test."""
    import queries
    from queries import postgres

    name = new_database()
    pool = postgres.open_pool(f"dbname={name}")
    try:
        with pool.connection() as conn:
            postgres.migrate(conn)
        con = postgres.Connection(pool)
        queries.insert_frames(con, demo_tables)
        add_accounts(con)
    finally:
        pool.close()
    yield name
    drop_database(name)


@pytest.fixture(params=BACKENDS)
def any_db(request, accounts_store, tmp_path):
    """``db`` on each backend in turn: a private writable DuckDB copy of ``accounts_store``, then a private
    PostgreSQL database with the same rows. Modules whose writes must hold on both use it as their ``db``."""
    import shutil

    import queries
    from queries import postgres

    if request.param == "duckdb":
        copy = tmp_path / "accounts.duckdb"
        shutil.copy(accounts_store, copy)
        con = queries.connect(copy)
        yield con
        con.close()
        return
    name = new_database(request.getfixturevalue("pg_accounts_template"))
    pool = postgres.open_pool(f"dbname={name}", size=4)
    yield postgres.Connection(pool)
    pool.close()
    drop_database(name)


@pytest.fixture()
def db(accounts_store, tmp_path):
    """A private writable copy of ``accounts_store``."""
    import shutil

    import queries

    copy = tmp_path / "accounts.duckdb"
    shutil.copy(accounts_store, copy)
    con = queries.connect(copy)
    yield con
    con.close()


@pytest.fixture()
def staff_db(accounts_store, tmp_path):
    """A private writable DuckDB copy of ``accounts_store`` (one account per role), for a module's data-layer tests."""
    import shutil

    import queries

    path = tmp_path / "staff.duckdb"
    shutil.copy(accounts_store, path)
    con = queries.connect(path)
    yield con
    con.close()


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
