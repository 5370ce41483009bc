"""Accounts and roles: the permission matrix in the data layer, login lock-out, password rules, user management."""

from __future__ import annotations

from datetime import timedelta

import pytest

import queries
import settings
from records import access, accounts
from tests.conftest import ANQING, TONGCHENG, WUWEI


@pytest.fixture()
def db(any_db):
    """Every test here that writes runs on the DuckDB file and on PostgreSQL."""
    return any_db


MATRIX = [  # user, action, county, allowed
    ("tc", "submit", TONGCHENG, True),
    ("tc", "submit", WUWEI, False),  # another county
    ("tc", "city_review", TONGCHENG, False),
    ("tc", "province_review", TONGCHENG, False),
    ("tc", "manage_users", None, False),
    ("aq", "city_review", TONGCHENG, True),
    ("aq", "city_review", WUWEI, False),  # a county of another city
    ("aq", "submit", TONGCHENG, False),
    ("aq", "province_review", TONGCHENG, False),
    ("prov", "province_review", WUWEI, True),
    ("prov", "city_review", WUWEI, False),
    ("prov", "rollback", WUWEI, False),
    ("prov", "manage_users", None, False),
    ("admin", "submit", WUWEI, True),
    ("admin", "province_review", TONGCHENG, True),
    ("admin", "rollback", TONGCHENG, True),
    ("admin", "backup", None, True),
    ("admin", "city_review", TONGCHENG, False),  # the city stage is the city's
    ("view", "read", None, True),
    ("view", "export", None, True),
    ("view", "submit", TONGCHENG, False),
    ("view", "backup", None, False),
    ("admin", "configure_evaluation", None, True),
    ("prov", "configure_evaluation", None, False),
    ("admin", "edit_deck", None, True),
    ("prov", "edit_deck", None, True),
    ("aq", "edit_deck", None, False),
    ("view", "edit_deck", None, False),
    # the policy cycle (issue 20)
    ("admin", "manage_pool", TONGCHENG, True),
    ("prov", "manage_pool", TONGCHENG, False),
    ("aq", "recommend", TONGCHENG, True),
    ("aq", "recommend", WUWEI, False),  # a cluster of another city
    ("admin", "recommend", TONGCHENG, False),  # recommending is the city's (谁推荐、谁把关)
    ("admin", "run_recognition", None, True),
    ("prov", "run_recognition", None, False),
    ("prov", "score_recognition", None, True),
    ("aq", "score_recognition", None, False),
    ("prov", "record_objection", None, True),
    ("tc", "record_objection", None, False),
    ("admin", "revoke", TONGCHENG, True),
    ("prov", "revoke", TONGCHENG, False),
    ("admin", "set_province_figures", None, True),
    ("prov", "set_province_figures", None, False),
    ("admin", "province_import", TONGCHENG, True),
    ("prov", "province_import", None, False),
    ("tc", "province_import", TONGCHENG, False),
    ("admin", "import_list", None, True),
    ("prov", "import_list", None, False),
    ("tc", "read_talent_names", TONGCHENG, True),  # personal data: the county's own filer …
    ("tc", "read_talent_names", WUWEI, False),
    ("aq", "read_talent_names", TONGCHENG, True),  # … its city's reviewer …
    ("aq", "read_talent_names", WUWEI, False),
    ("prov", "read_talent_names", WUWEI, True),  # … and the province; a viewer never
    ("view", "read_talent_names", None, False),
]


@pytest.mark.parametrize(("username", "action", "county", "ok"), MATRIX)
def test_role_action_scope_matrix(db, username, action, county, ok):
    if ok:
        assert access.require(db, username, action, county).username == username
    else:
        with pytest.raises(access.PermissionDenied, match="无权"):
            access.require(db, username, action, county)


def test_every_role_and_action_is_in_the_matrix():
    roles = {
        u: r
        for u, r in [
            ("tc", access.COUNTY_FILER),
            ("aq", access.CITY_REVIEWER),
            ("admin", access.PROVINCE_ADMIN),
            ("prov", access.PROVINCE_REVIEWER),
            ("view", access.VIEWER),
        ]
    }
    assert {roles[u] for u, *_ in MATRIX} == set(access.ROLES)
    assert {a for _, a, *_ in MATRIX} == set(access.ACTIONS)


def test_a_disabled_or_unknown_user_is_refused_at_once(db):
    assert access.require(db, "tc", "submit", TONGCHENG)
    accounts.update_user(db, "admin", "tc", "桐城填报", access.COUNTY_FILER, TONGCHENG, disabled=True)
    with pytest.raises(access.PermissionDenied, match="未登录或账号已停用"):
        access.require(db, "tc", "submit", TONGCHENG)
    with pytest.raises(access.PermissionDenied):
        access.require(db, "nobody", "read")
    with pytest.raises(access.PermissionDenied):
        access.require(db, None, "read")


def test_only_the_administrator_manages_users(db):
    with pytest.raises(access.PermissionDenied):
        accounts.create_user(db, "prov", "x1", "某人", access.VIEWER, None, "Passw0rd1")
    with pytest.raises(access.PermissionDenied):
        accounts.reset_password(db, "aq", "tc")
    with pytest.raises(access.PermissionDenied):
        accounts.update_user(db, "tc", "tc", "桐城", access.PROVINCE_ADMIN, None, disabled=False)  # self-promotion
    assert queries.run(db, "user", username="tc").role.iloc[0] == access.COUNTY_FILER


def test_scoped_roles_need_their_region(db):
    with pytest.raises(accounts.AccountError, match="须指定所属区县"):
        accounts.create_user(db, "admin", "x2", "某县", access.COUNTY_FILER, ANQING, "Passw0rd1")  # a city
    with pytest.raises(accounts.AccountError, match="须指定所属地级市"):
        accounts.create_user(db, "admin", "x3", "某市", access.CITY_REVIEWER, None, "Passw0rd1")
    accounts.create_user(db, "admin", "x4", "某省", access.PROVINCE_REVIEWER, TONGCHENG, "Passw0rd1")
    assert queries.run(db, "user", username="x4").adcode.isna().all()  # unscoped roles keep no region


def test_passwords_are_hashed_and_checked(db):
    with pytest.raises(accounts.AccountError, match="至少 8 位"):
        accounts.create_user(db, "admin", "weak", "弱", access.VIEWER, None, "abcdefgh")
    accounts.create_user(db, "admin", "newbie", "新人", access.VIEWER, None, "Start123x")
    stored = queries.run(db, "user", username="newbie").password_hash.iloc[0]
    assert stored.startswith("$argon2id$") and "Start123x" not in stored
    user = accounts.login(db, "newbie", "Start123x")
    assert user.must_change_password  # a temporary password
    with pytest.raises(access.PermissionDenied, match="修改初始密码"):
        access.require(db, "newbie", "export")
    accounts.change_password(db, "newbie", "Start123x", "Better456y")
    assert not accounts.login(db, "newbie", "Better456y").must_change_password
    with pytest.raises(accounts.LoginFailed):
        accounts.login(db, "newbie", "Start123x")


def test_repeated_failures_lock_the_account_for_a_while(db):
    start = accounts.now()
    for _ in range(settings.LOGIN_MAX_FAILURES - 1):
        with pytest.raises(accounts.LoginFailed, match="用户名或密码错误"):
            accounts.login(db, "tc", "wrong", at=start)
    with pytest.raises(accounts.LoginFailed, match="锁定"):
        accounts.login(db, "tc", "wrong", at=start)
    with pytest.raises(accounts.LoginFailed, match="已锁定至"):  # even the right password, while locked
        accounts.login(db, "tc", "Passw0rd1", at=start + timedelta(minutes=1))
    later = start + timedelta(minutes=settings.LOGIN_LOCK_MINUTES, seconds=1)
    assert accounts.login(db, "tc", "Passw0rd1", at=later).username == "tc"
    failures = queries.run(db, "audit_events", limit=100)
    assert (failures.action == "登录失败").sum() == settings.LOGIN_MAX_FAILURES + 1


def test_an_unknown_username_gets_the_same_answer_as_a_wrong_password(db):
    with pytest.raises(accounts.LoginFailed) as unknown:
        accounts.login(db, "ghost", "whatever1")
    assert str(unknown.value) == "用户名或密码错误。"


def test_a_reset_password_is_temporary_and_audited(db):
    password = accounts.reset_password(db, "admin", "tc")
    accounts.check_password(password)
    assert accounts.login(db, "tc", password).must_change_password
    events = queries.run(db, "audit_events", limit=10)
    assert ((events.action == "重置密码") & (events.detail == "tc") & (events.username == "admin")).any()


def test_the_first_run_creates_an_administrator(store_path, tmp_path, monkeypatch):
    import shutil

    copy = tmp_path / "first.duckdb"
    shutil.copy(store_path, copy)
    monkeypatch.setattr(settings, "ADMIN_PASSWORD", "")
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_FILE", str(tmp_path / "pw.txt"))
    con = queries.connect(copy)
    password = accounts.ensure_admin(con)
    assert (tmp_path / "pw.txt").read_text(encoding="utf-8").split() == ["admin", password]
    assert oct((tmp_path / "pw.txt").stat().st_mode & 0o777) == "0o600"
    assert accounts.login(con, "admin", password).role == access.PROVINCE_ADMIN
    assert accounts.ensure_admin(con) is None  # only once
    con.close()


def test_navigation_reads_the_pages_each_role_may_open_from_the_access_table():
    expected = {
        access.PROVINCE_ADMIN: {"upload", "review", "progress", "lists", "admin"},
        access.PROVINCE_REVIEWER: {"review", "progress"},
        access.CITY_REVIEWER: {"review", "progress"},
        access.COUNTY_FILER: {"upload", "progress"},
        access.VIEWER: {"progress"},
    }
    for role, pages in expected.items():
        user = access.User("u", "u", role, "340881" if role == access.COUNTY_FILER else "340800")
        assert {page for page in access.PAGES if access.may_open(user, page)} == pages, role
    assert not access.may_open(None, "progress")
    assert access.User("u", "u", access.COUNTY_FILER, "340881").county == "340881"
    assert access.User("u", "u", access.CITY_REVIEWER, "340800").city == "340800"
    assert access.User("u", "u", access.PROVINCE_ADMIN).county is None


def test_each_store_keeps_its_own_initial_password_file(store_path, tmp_path, monkeypatch):
    """Two new stores in one folder: each first administrator's password is in a file named after its store (the
    second does not overwrite the first's); a PostgreSQL store's file names its host, port and database."""
    import shutil

    monkeypatch.setattr(settings, "ADMIN_PASSWORD", "")
    monkeypatch.setattr(settings, "ADMIN_PASSWORD_FILE", "")
    monkeypatch.setattr(settings, "DATABASE_URL", "")
    passwords = {}
    for name in ("a.duckdb", "b.duckdb"):
        shutil.copy(store_path, tmp_path / name)
        monkeypatch.setattr(settings, "DB_PATH", tmp_path / name)
        con = queries.connect(tmp_path / name)
        passwords[name] = accounts.ensure_admin(con)
        assert accounts.admin_password_file() == tmp_path / f"{name}.initial-admin-password.txt"
        con.close()
    assert passwords["a.duckdb"] != passwords["b.duckdb"]
    for name, password in passwords.items():
        assert (tmp_path / f"{name}.initial-admin-password.txt").read_text("utf-8").split() == ["admin", password]
    monkeypatch.setattr(settings, "DATABASE_URL", "postgresql://map:pw@db.intranet:5433/anhui")
    assert accounts.admin_password_file().name == "postgresql-db.intranet-5433-anhui.initial-admin-password.txt"
