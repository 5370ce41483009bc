-- Login sessions (records/sessions.py): a login survives a reload, a new tab and a move to another server process,
-- and a logout ends it everywhere. The browser holds only a random id in an HttpOnly cookie; the store keeps its
-- SHA-256 (token_hash), set when the page claims the cookie with the login's one-time code (claim_hash, also a
-- SHA-256, valid until claim_expires_at).
create table sessions (
    session_id varchar primary key,    -- random; known to the server only (a Streamlit session refers to it)
    username varchar not null,
    created_at timestamp not null,
    last_seen_at timestamp not null,   -- idle expiry: settings.SESSION_MINUTES after this
    ended_at timestamp,                -- logout, expiry or a disabled account
    token_hash varchar,                -- SHA-256 of the cookie's id, null until claimed
    claim_hash varchar,                -- SHA-256 of the one-time code, null once claimed
    claim_expires_at timestamp
);
