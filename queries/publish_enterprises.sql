-- A batch's enterprises into the store, with their cluster (by name within the county) and the batch's source.
-- Pinyin initials are filled afterwards (data.pinyin.backfill). $batch_id: integer; $adcode, $source_id: varchar.
insert into enterprises (uscc, name, adcode, cluster_id, industry, link_id, revenue, lon, lat, source_id, above_scale)
select b.uscc, b.name, $adcode, c.cluster_id, b.industry, b.link_id, b.revenue, b.lon, b.lat, $source_id,
       b.above_scale
from batch_enterprises as b
left join clusters as c on c.adcode = $adcode and c.name = b.cluster_name
where b.batch_id = $batch_id
