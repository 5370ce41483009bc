-- A county's application of a cluster to the 培育库 (已提交); returns application_id. $cluster_id, $adcode, $note,
-- $username: varchar; $year: integer; $now: timestamp.
insert into pool_applications (cluster_id, adcode, year, status, note, submitted_by, submitted_at, updated_at)
values ($cluster_id, $adcode, $year, '已提交', $note, $username, $now, $now)
returning application_id
