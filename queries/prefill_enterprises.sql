-- A county's confirmed 名录 as a 企业名录 template pre-fills it: uscc, name, cluster_name, industry, link (the chain
-- link's name), revenue (亿元), above_scale, lon, lat (WGS-84). $adcode: varchar.
select e.uscc, e.name, c.name as cluster_name, e.industry, l.name as link, e.revenue, e.above_scale, e.lon, e.lat
from enterprises as e
left join clusters as c on c.cluster_id = e.cluster_id
left join chain_links as l on l.link_id = e.link_id
where e.adcode = $adcode
order by e.revenue desc nulls last, e.uscc
