-- The audit log, newest first, at most $limit events: event_id, happened_at, username, display_name, action, batch_id,
-- adcode, county (name), year, file_name, file_sha256, detail.
-- $limit: integer.
select a.event_id, a.happened_at, a.username, u.display_name, a.action, a.batch_id, a.adcode, r.name as county, a.year,
       a.file_name, a.file_sha256, a.detail
from audit_log as a
left join users as u using (username)
left join regions as r on r.adcode = a.adcode
order by a.event_id desc
limit $limit
