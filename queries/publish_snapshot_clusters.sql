-- Before a 集群年度数据 batch is published: keep the county's clusters as they are (for a rollback).
-- $batch_id: integer; $adcode: varchar.
insert into snapshot_clusters select $batch_id, * from clusters where adcode = $adcode
