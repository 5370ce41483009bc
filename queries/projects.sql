-- Every project of the 项目库 with where it is and what it serves: adcode, county, city_adcode, city, region, name,
-- cluster_id, cluster (name), is_leading (the cluster is its county's 首位产业), industry, link_id, link (name),
-- link_stage (上游/中游/下游), kind, investment (亿元), uscc, enterprise (its name in the 名录, if there), stage,
-- signed_on, started_on, producing_on, unit, source_id, source (its title). No parameters.
select p.adcode, county.name as county, county.city_adcode, city.name as city, county.region, p.name, p.cluster_id,
       c.name as cluster, coalesce(c.is_leading, false) as is_leading, p.industry, p.link_id, l.name as link,
       l.stage as link_stage, p.kind, p.investment, p.uscc, e.name as enterprise, p.stage, p.signed_on,
       p.started_on, p.producing_on, p.unit, p.source_id, s.title as source
from projects as p
join regions as county on county.adcode = p.adcode
join regions as city on city.adcode = county.city_adcode
left join clusters as c on c.cluster_id = p.cluster_id
left join chain_links as l on l.link_id = p.link_id
left join enterprises as e on e.uscc = p.uscc
left join sources as s on s.source_id = p.source_id
order by p.adcode, p.name
