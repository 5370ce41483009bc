-- A batch's new status, with the reviewer's comment and, once confirmed, the source its rows carry.
-- $batch_id: integer; $status, $comment, $source_id: varchar (comment and source_id may be null); $now: timestamp.
update batches set status = $status, comment = $comment, source_id = coalesce($source_id, source_id),
                   updated_at = $now
where batch_id = $batch_id
