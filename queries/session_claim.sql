-- Trade a login's one-time code for the cookie's id (once, before the code expires, while the session is open):
-- one row, session_id, when the code was good; none otherwise. $claim_hash, $token_hash: varchar; $now: timestamp.
update sessions set token_hash = $token_hash, claim_hash = null, claim_expires_at = null
where claim_hash = $claim_hash and claim_expires_at >= $now and ended_at is null
returning session_id
