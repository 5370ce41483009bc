"""AppTest of a page other than the home page, as a running server would show it."""

from __future__ import annotations

from pathlib import Path

from streamlit.runtime import pages_manager
from streamlit.testing.v1 import AppTest, app_test

ROOT = Path(__file__).resolve().parents[1]


class NavigationPages(pages_manager.PagesManager):
    """AppTest re-arms Streamlit's pages/-directory rule before every run, so a switched-to page would run
    without app.py. A server applies that rule only until app.py's st.navigation first runs (see
    components.sidebar.current, tested in the browser); this models that steady state."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        pages_manager.PagesManager.uses_pages_directory = False


def page_app(page: str, monkeypatch=None, timeout: float = 60) -> AppTest:
    """An AppTest of app.py switched to ``page`` (e.g. "pages/tiers.py") and run once."""
    if monkeypatch is not None:
        monkeypatch.setattr(app_test, "PagesManager", NavigationPages)
    else:
        app_test.PagesManager = NavigationPages
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout).run()
    return at.switch_page(page).run()


def admin_app(page: str, monkeypatch=None) -> AppTest:
    """``page_app`` with the first-run administrator logged in (its temporary password already changed): a login
    session opened in the store as ``records.sessions.log_in`` opens one, without the password."""
    import secrets

    import queries
    import store
    from components import session
    from records import accounts

    connection = store.connection()
    accounts.ensure_admin(connection)
    connection.execute("update users set must_change_password = false")
    session_id = secrets.token_urlsafe(32)
    queries.run(
        connection,
        "session_insert",
        session_id=session_id,
        username="admin",
        now=accounts.now(),
        claim_hash=None,
        claim_expires_at=None,
    )
    at = page_app(page, monkeypatch)
    at.session_state[session.KEY] = {"session": session_id, "username": "admin"}
    return at.run()
