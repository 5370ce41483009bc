-- A new login session with its one-time claim code. $session_id, $username, $claim_hash: varchar; $now,
-- $claim_expires_at: timestamp.
insert into sessions (session_id, username, created_at, last_seen_at, claim_hash, claim_expires_at)
values ($session_id, $username, $now, $now, $claim_hash, $claim_expires_at)
