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

    from records import access
    from records import accounts
    import queries

    path = tmp_path_factory.mktemp("accounts") / "accounts.duckdb"
    shutil.copy(store_path, path)
    con = queries.connect(path)
    queries.run(con, "user_create", username="admin", display_name="管理员", role=access.PROVINCE_ADMIN, adcode=None,
                password_hash=accounts._hasher.hash("Admin1234"), now=accounts.now())
    con.execute("update users set must_change_password = false")
    for name, role, adcode in [("prov", access.PROVINCE_REVIEWER, None), ("aq", access.CITY_REVIEWER, ANQING),
                               ("tc", access.COUNTY_FILER, TONGCHENG), ("view", access.VIEWER, None)]:
        accounts.create_user(con, "admin", name, name + "用户", role, adcode, "Passw0rd1")
    con.execute("update users set must_change_password = false")
    con.close()
    return path


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
