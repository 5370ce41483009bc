-- The 龙头/链主 firms (holding the honour by $year) with their place in a chain: uscc, name, adcode, county,
-- city_adcode, city, region, industry (the link's chain, else the firm's), link_id, link (name), stage, position,
-- lon, lat, revenue (亿元). $year: integer.
select e.uscc, e.name, e.adcode, county.name as county, county.city_adcode, city.name as city, county.region,
       coalesce(ch.industry, e.industry) as industry, e.link_id, l.name as link, l.stage, l.position, e.lon, e.lat,
       e.revenue
from enterprises as e
join enterprise_honours as h on h.uscc = e.uscc and h.honour = '龙头/链主企业' and h.year <= $year
join regions as county on county.adcode = e.adcode
join regions as city on city.adcode = county.city_adcode
left join chain_links as l on l.link_id = e.link_id
left join chains as ch on ch.chain_id = l.chain_id
order by e.revenue desc nulls last, e.uscc
