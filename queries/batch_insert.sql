-- A submitted batch (status 已提交); returns its batch_id.
-- $kind, $adcode, $file_name, $file_sha256, $submitted_by: varchar; $year, $row_count: integer; $now: timestamp.
insert into batches (kind, year, adcode, status, file_name, file_sha256, row_count, submitted_by, submitted_at,
                     updated_at)
values ($kind, $year, $adcode, '已提交', $file_name, $file_sha256, $row_count, $submitted_by, $now, $now)
returning batch_id
