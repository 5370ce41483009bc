-- A login session by its id or by its cookie's hash (give one, the other null): session_id, username,
-- last_seen_at, ended_at. $session_id, $token_hash: varchar or null.
select session_id, username, last_seen_at, ended_at
from sessions
where ($session_id::varchar is not null and session_id = $session_id)
   or ($token_hash::varchar is not null and token_hash = $token_hash)
