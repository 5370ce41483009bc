-- An application's new status and the reviewer's comment. $application_id: integer; $status: varchar; $comment:
-- varchar or null; $now: timestamp.
update pool_applications set status = $status, comment = $comment, updated_at = $now
where application_id = $application_id
