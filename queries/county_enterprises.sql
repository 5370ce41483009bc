-- The confirmed enterprises of a county as a 名录 batch holds them: uscc, name, cluster_name, industry, link_id,
-- revenue, above_scale, lon, lat. $adcode: varchar.
select e.uscc, e.name, c.name as cluster_name, e.industry, e.link_id, e.revenue, e.above_scale, e.lon, e.lat
from enterprises as e
left join clusters as c using (cluster_id)
where e.adcode = $adcode
