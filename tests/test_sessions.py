"""Login sessions in the store (records.sessions): a login opens one, its one-time code sets the cookie once and
only in time, a cookie or an id finds it while it is open and not idle, a logout ends it, and the store keeps only
hashes of the secrets."""

from datetime import timedelta

import pytest

import queries
import settings
from records import accounts, sessions

T0 = accounts.now().replace(microsecond=0)


@pytest.fixture()
def db(any_db):
    """Every test here that writes runs on the DuckDB file and on PostgreSQL."""
    return any_db


def test_a_login_opens_a_session_whose_code_sets_the_cookie_once(db):
    user, session_id, code = sessions.log_in(db, "admin", "Admin1234", at=T0)
    assert user.username == "admin"
    assert sessions.find(db, session_id=session_id, at=T0) == sessions.Found(sessions.OPEN, session_id, "admin")
    token = sessions.claim(db, code, at=T0 + timedelta(seconds=5))
    assert token and sessions.claim(db, code, at=T0 + timedelta(seconds=6)) is None
    assert sessions.find(db, token=token, at=T0 + timedelta(seconds=7)).session_id == session_id
    stored = [str(v) for row in db.execute("select * from sessions").fetchall() for v in row]
    assert not any(secret in value for value in stored for secret in (code, token))  # hashes only
    assert queries.run(db, "audit_events", limit=1).action[0] == "登录"


def test_a_wrong_password_opens_no_session(db):
    with pytest.raises(accounts.LoginFailed):
        sessions.log_in(db, "admin", "wrong-password1")
    assert db.execute("select count(*) from sessions").fetchone() == (0,)


@pytest.mark.parametrize("code", ["", "not-a-code", "x" * 5000])
def test_an_unknown_code_sets_no_cookie(db, code):
    sessions.log_in(db, "admin", "Admin1234")
    assert sessions.claim(db, code) is None


def test_a_late_code_sets_no_cookie(db):
    _, _, code = sessions.log_in(db, "admin", "Admin1234", at=T0)
    assert sessions.claim(db, code, at=T0 + timedelta(seconds=sessions.CLAIM_SECONDS + 1)) is None


def test_an_idle_session_expires_and_use_keeps_one_open(db):
    _, session_id, _ = sessions.log_in(db, "admin", "Admin1234", at=T0)
    step = timedelta(minutes=settings.SESSION_MINUTES - 1)
    assert sessions.find(db, session_id=session_id, at=T0 + step).status == sessions.OPEN  # touched here
    assert sessions.find(db, session_id=session_id, at=T0 + 2 * step).status == sessions.OPEN
    late = T0 + 3 * step + timedelta(minutes=settings.SESSION_MINUTES)
    assert sessions.find(db, session_id=session_id, at=late).status == sessions.EXPIRED
    assert sessions.find(db, session_id=session_id, at=late).status == sessions.ENDED  # and stays ended


def test_a_logout_ends_the_session_for_its_cookie_too(db):
    _, session_id, code = sessions.log_in(db, "admin", "Admin1234", at=T0)
    token = sessions.claim(db, code, at=T0)
    sessions.end(db, session_id, at=T0)
    assert sessions.find(db, token=token, at=T0).status == sessions.ENDED
    assert sessions.find(db, token="forged", at=T0).status == sessions.UNKNOWN
    assert sessions.find(db).status == sessions.UNKNOWN


def test_old_sessions_are_forgotten(db):
    sessions.log_in(db, "admin", "Admin1234", at=T0 - timedelta(days=sessions.KEEP_DAYS + 1))
    _, recent, _ = sessions.log_in(db, "admin", "Admin1234", at=T0)
    sessions.prune(db, at=T0)
    assert db.execute("select session_id from sessions").fetchall() == [(recent,)]
