-- Before a 企业名录 batch is published: keep the county's enterprises (for a rollback).
-- $batch_id: integer; $adcode: varchar.
insert into snapshot_enterprises select $batch_id, * from enterprises where adcode = $adcode
