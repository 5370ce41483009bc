-- A batch's figures into the store, carrying the batch's source. $batch_id, $year: integer; $adcode, $source_id: varchar.
insert into cluster_figures (cluster_id, year, indicator, value, source_id)
select c.cluster_id, $year, f.indicator, f.value, $source_id
from batch_cluster_figures as f
join clusters as c on c.adcode = $adcode and c.name = f.cluster_name
where f.batch_id = $batch_id
