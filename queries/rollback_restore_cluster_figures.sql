-- Rollback of a 集群年度数据 batch: the figures as they were before it. $batch_id: integer.
insert into cluster_figures (cluster_id, year, indicator, value, source_id)
select cluster_id, year, indicator, value, source_id from snapshot_cluster_figures where batch_id = $batch_id
