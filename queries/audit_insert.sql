-- One audit event. $happened_at: timestamp; $username, $action: varchar; $batch_id, $year: integer or null; $adcode,
-- $file_name, $file_sha256, $detail: varchar or null.
insert into audit_log (happened_at, username, action, batch_id, adcode, year, file_name, file_sha256, detail)
values ($happened_at, $username, $action, $batch_id, $adcode, $year, $file_name, $file_sha256, $detail)
