-- Rollback of a 集群年度数据 batch: the figures as they were before it. $batch_id: integer.
insert into cluster_figures select * exclude (batch_id) from snapshot_cluster_figures where batch_id = $batch_id
