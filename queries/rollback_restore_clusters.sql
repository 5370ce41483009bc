-- Rollback of a 集群年度数据 batch, step 2: the clusters, figures and 首位产业 as they were before it.
-- $batch_id: integer.
insert or replace into clusters select * exclude (batch_id) from snapshot_clusters where batch_id = $batch_id
