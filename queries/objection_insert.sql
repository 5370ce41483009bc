-- An objection received during a 公示; returns objection_id. $subject, $cluster_id, $objector, $content, $username:
-- varchar; $subject_id: integer; $received_on: date.
insert into objections (subject, subject_id, cluster_id, received_on, objector, content, recorded_by)
values ($subject, $subject_id, $cluster_id, $received_on, $objector, $content, $username)
returning objection_id
