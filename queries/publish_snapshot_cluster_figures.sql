-- Before a 集群年度数据 batch is published: keep the county's figures of that year.
-- $batch_id, $year: integer; $adcode: varchar.
insert into snapshot_cluster_figures
select $batch_id, f.* from cluster_figures as f join clusters as c using (cluster_id)
where c.adcode = $adcode and f.year = $year
