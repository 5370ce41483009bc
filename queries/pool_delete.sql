-- A pool entry removed (the rollback of the application it entered by, when it had no earlier entry).
-- $cluster_id: varchar.
delete from pool where cluster_id = $cluster_id
