-- Before a 人才库 batch is published: keep the county's rows (for a rollback). $batch_id: integer; $adcode: varchar.
insert into snapshot_talents select $batch_id, * from talents where adcode = $adcode
