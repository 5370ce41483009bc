-- The session was used now (idle expiry counts from here). $session_id: varchar; $now: timestamp.
update sessions set last_seen_at = $now where session_id = $session_id and ended_at is null
