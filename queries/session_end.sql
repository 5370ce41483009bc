-- End a session (logout, idle expiry, a disabled account): it no longer logs anyone in, in any tab or process.
-- $session_id: varchar; $now: timestamp.
update sessions set ended_at = $now, claim_hash = null, claim_expires_at = null
where session_id = $session_id and ended_at is null
