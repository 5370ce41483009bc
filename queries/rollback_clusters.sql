-- Rollback of a 集群年度数据 batch, step 1: clusters the batch added and that hold no figures now are removed.
-- $batch_id: integer; $adcode: varchar.
delete from clusters
where adcode = $adcode
  and cluster_id not in (select cluster_id from snapshot_clusters where batch_id = $batch_id)
  and cluster_id not in (select cluster_id from cluster_figures)
