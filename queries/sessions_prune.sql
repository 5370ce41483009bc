-- Forget sessions unused since $before (ended or idle long ago). $before: timestamp.
delete from sessions where last_seen_at < $before
