-- One cluster as the policy cycle checks it: cluster_id, name, industry, level, is_leading, recognised_year, adcode,
-- county, city_adcode, city, region, pool_status (null: not in the 培育库), pool_source_id. $cluster_id: varchar.
select c.cluster_id, c.name, c.industry, c.level, c.is_leading, c.recognised_year, c.adcode, county.name as county,
       county.city_adcode, city.name as city, county.region, p.status as pool_status, p.source_id as pool_source_id
from clusters as c
join regions as county on county.adcode = c.adcode
join regions as city on city.adcode = county.city_adcode
left join pool as p on p.cluster_id = c.cluster_id
where c.cluster_id = $cluster_id
