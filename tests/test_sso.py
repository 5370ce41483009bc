"""统一身份认证 through the reverse proxy (records.sso): the user header is believed only with the proxy's secret;
a vouched-for user with an account gets a store session like a password login; unknown and disabled names are
refused and audited; a temporary password is voided. On both backends."""

import pytest

import queries
import settings
from records import access, accounts, sessions, sso

SECRET = "s3cret-of-the-proxy-0123456789"


@pytest.fixture()
def on(monkeypatch):
    monkeypatch.setattr(settings, "SSO_HEADER", "X-Remote-User")
    monkeypatch.setattr(settings, "SSO_SECRET", SECRET)


@pytest.fixture()
def db(any_db):
    return any_db


class Headers(dict):
    """Repeated headers as Streamlit keeps them (st.context.headers: get_all)."""

    def __init__(self, pairs):
        super().__init__()
        self.pairs = pairs
        for k, v in pairs:
            self.setdefault(k, v)

    def get_all(self, key):
        return [v for k, v in self.pairs if k.lower() == key.lower()]


def test_off_by_default_the_header_is_ignored():
    assert not sso.enabled() and sso.configuration_problem() is None
    assert sso.asserted_user({"X-Remote-User": "admin", "X-Anhui-Proxy-Secret": ""}) is None


@pytest.mark.parametrize(
    "headers, expected",
    [
        ({"x-remote-user": "tc", "x-anhui-proxy-secret": SECRET}, "tc"),  # names are case-insensitive
        ({"X-Remote-User": "  tc  ", "X-Anhui-Proxy-Secret": SECRET}, "tc"),
        ({"X-Remote-User": "tc"}, None),  # no secret: a browser reaching the process directly
        ({"X-Remote-User": "tc", "X-Anhui-Proxy-Secret": SECRET[:-1]}, None),
        ({"X-Remote-User": "tc", "X-Anhui-Proxy-Secret": SECRET + "x"}, None),
        ({"X-Remote-User": "", "X-Anhui-Proxy-Secret": SECRET}, None),
        ({"X-Anhui-Proxy-Secret": SECRET}, None),
        (Headers([("X-Remote-User", "admin"), ("X-Remote-User", "tc"), ("X-Anhui-Proxy-Secret", SECRET)]), None),
    ],
)
def test_the_user_header_counts_only_with_the_proxys_secret(on, headers, expected):
    assert sso.asserted_user(headers) == expected


def test_a_short_or_missing_secret_stops_the_start(monkeypatch):
    monkeypatch.setattr(settings, "SSO_HEADER", "X-Remote-User")
    for secret in ("", "short"):
        monkeypatch.setattr(settings, "SSO_SECRET", secret)
        assert "ANHUI_MAP_SSO_SECRET" in sso.configuration_problem()
    monkeypatch.setattr(settings, "SSO_SECRET", SECRET)
    assert sso.configuration_problem() is None


def test_a_vouched_for_user_gets_a_session_like_a_password_login(on, db):
    user, session_id = sso.log_in(db, "tc")
    assert user.username == "tc" and user.county
    assert sessions.find(db, session_id=session_id) == sessions.Found(sessions.OPEN, session_id, "tc")
    last = queries.run(db, "audit_events", limit=1).iloc[0]
    assert (last.username, last.action, last.detail) == ("tc", "登录", "统一身份认证")
    sessions.end(db, session_id)  # a logout ends it like any other
    assert sessions.find(db, session_id=session_id).status == sessions.ENDED


def test_unknown_and_disabled_names_are_refused_and_audited(on, db):
    with pytest.raises(accounts.LoginFailed, match="本系统没有此用户"):
        sso.log_in(db, "stranger")
    accounts.update_user(db, "admin", "view", "view用户", access.VIEWER, None, disabled=True)
    with pytest.raises(accounts.LoginFailed, match="账号已停用"):
        sso.log_in(db, "view")
    events = queries.run(db, "audit_events", limit=3)
    refused = events[events.action == "登录失败"]
    assert sorted(zip(refused.username, refused.detail)) == [
        ("stranger", "统一身份认证：本系统没有此用户"),
        ("view", "统一身份认证：账号已停用"),
    ]
    assert db.execute("select count(*) from sessions").fetchone() == (0,)


def test_a_temporary_password_is_voided_at_the_first_single_sign_on(on, db):
    temporary = accounts.reset_password(db, "admin", "aq")
    sso.log_in(db, "aq")
    with pytest.raises(accounts.LoginFailed):
        accounts.login(db, "aq", temporary)
    assert db.execute("select must_change_password from users where username = 'aq'").fetchone() == (False,)
    last = queries.run(db, "audit_events", limit=2)  # the failed password login, then the single sign-on
    assert last.detail.tolist()[1] == "统一身份认证；临时密码已作废"
