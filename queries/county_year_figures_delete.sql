-- The figures of a county's clusters in one year removed (publish and rollback of 集群年度数据).
-- $adcode: varchar; $year: integer.
delete from cluster_figures where year = $year and cluster_id in (select cluster_id from clusters where adcode = $adcode)
