"""Login sessions kept in the store: a login survives a reload, a new tab, a bookmarked staff page and a move to
another server process; a logout ends it in every tab; idle sessions expire after ``settings.SESSION_MINUTES``.

- A login (``log_in``: the password checked by ``accounts.login``) opens a session and returns its id and a one-time
  code. The id stays on the server: the Streamlit session (one browser tab's websocket) keeps it in its state.
- Streamlit cannot set a cookie on its websocket, so the page posts the code to ``/auth/claim`` (``server.auth``),
  which trades it (``claim``: once, within ``CLAIM_SECONDS``) for a new random id and sets that as an HttpOnly,
  SameSite=Strict cookie. The store keeps only SHA-256 hashes of the code and of the cookie's id.
- Every page run finds its session (``find``: by id, or by the cookie in a new tab) and checks it is open and not
  idle; the user's role is then read from the store as before (``access.load``).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pandas as pd

import queries
import settings
from records import access, accounts

COOKIE = "anhui_map_session"
CLAIM_SECONDS = 60
TOUCH_SECONDS = 60  # last_seen_at is written at most this often per session
KEEP_DAYS = 30  # sessions unused this long are forgotten (prune)

OPEN, EXPIRED, ENDED, UNKNOWN = "open", "expired", "ended", "unknown"


@dataclass(frozen=True)
class Found:
    status: str  # OPEN / EXPIRED / ENDED / UNKNOWN
    session_id: str | None = None
    username: str | None = None


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def log_in(con, username: str, password: str, at: datetime | None = None) -> tuple[access.User, str, str]:
    """Check the password (``accounts.login``: lock-out and audit included) and open a session.

    Returns (the user, the session's id, the one-time code that sets the cookie). Raises ``accounts.LoginFailed``.
    """
    at = at or accounts.now()
    user = accounts.login(con, username, password, at=at)
    session_id, code = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    queries.run(
        con,
        "session_insert",
        session_id=session_id,
        username=user.username,
        now=at,
        claim_hash=_hash(code),
        claim_expires_at=at + timedelta(seconds=CLAIM_SECONDS),
    )
    return user, session_id, code


def claim(con, code: str, at: datetime | None = None) -> str | None:
    """The cookie's new id for a login's one-time code, or None (unknown, used, expired or the session ended)."""
    if not code or len(code) > 100:
        return None
    token = secrets.token_urlsafe(32)
    done = queries.run(con, "session_claim", claim_hash=_hash(code), token_hash=_hash(token), now=at or accounts.now())
    return token if not done.empty else None


def find(con, *, session_id: str | None = None, token: str | None = None, at: datetime | None = None) -> Found:
    """The session of a Streamlit session's id or of a cookie's id, and whether it still logs its user in.

    An open session is touched (its idle time restarts); one idle too long is ended here.
    """
    if not session_id and not token:
        return Found(UNKNOWN)
    at = at or accounts.now()
    rows = queries.run(
        con, "session", session_id=session_id or None, token_hash=_hash(token) if token and not session_id else None
    )
    if rows.empty:
        return Found(UNKNOWN)
    r = rows.iloc[0]
    found = Found(OPEN, r.session_id, r.username)
    if pd.notna(r.ended_at):
        return Found(ENDED, r.session_id, r.username)
    idle = at - r.last_seen_at.to_pydatetime()
    if idle > timedelta(minutes=settings.SESSION_MINUTES):
        end(con, r.session_id, at)
        return Found(EXPIRED, r.session_id, r.username)
    if idle > timedelta(seconds=TOUCH_SECONDS):
        queries.run(con, "session_touch", session_id=r.session_id, now=at)
    return found


def end(con, session_id: str, at: datetime | None = None) -> None:
    """End the session (logout): no tab or process is logged in by it any more."""
    queries.run(con, "session_end", session_id=session_id, now=at or accounts.now())


def prune(con, at: datetime | None = None) -> None:
    """Forget sessions unused for ``KEEP_DAYS`` (run when the store opens)."""
    queries.run(con, "sessions_prune", before=(at or accounts.now()) - timedelta(days=KEEP_DAYS))
