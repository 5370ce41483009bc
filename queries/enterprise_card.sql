-- Everything known about one enterprise (one row, none if unknown): uscc, name, county, city, region, industry,
-- stage, link, chain (name), cluster (name), cluster_level, is_leading, revenue (亿元), above_scale, lon, lat,
-- source_kind, source_title, honours (list of struct: honour, year, source_kind) in vocabulary order.
-- $uscc: varchar.
select e.uscc, e.name, county.name as county, city.name as city, county.region, e.industry,
       l.stage, l.name as link, ch.name as chain, c.name as cluster, c.level as cluster_level, c.is_leading,
       e.revenue, e.above_scale, e.lon, e.lat, s.kind as source_kind, s.title as source_title,
       (select list({'honour': h.honour, 'year': h.year, 'source_kind': hs.kind} order by v.position)
        from enterprise_honours as h
        join honours as v using (honour)
        join sources as hs on hs.source_id = h.source_id
        where h.uscc = e.uscc) as honours
from enterprises as e
join regions as county on county.adcode = e.adcode
join regions as city on city.adcode = county.city_adcode
left join chain_links as l using (link_id)
left join chains as ch on ch.chain_id = l.chain_id
left join clusters as c using (cluster_id)
left join sources as s on s.source_id = e.source_id
where e.uscc = $uscc
