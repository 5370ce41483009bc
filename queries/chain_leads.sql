-- 招商线索 for one chain link: enterprises in link $link outside the scope, with what makes them worth a visit:
-- uscc, name, county, city, adcode, revenue (亿元), lon, lat, distance_km (great-circle, from $lon/$lat),
-- honours (held by $year, '、'-joined in vocabulary order), honour_list (the same as a list), cluster (name).
-- $link: link_id; $year: integer; $region, $city, $adcode: the scope to leave out (null: that level not used);
-- $lon, $lat: the scope's centre (WGS-84).
with lead as (
    select e.*, county.name as county, city.name as city
    from enterprises as e
    join regions as county on county.adcode = e.adcode
    join regions as city on city.adcode = county.city_adcode
    where e.link_id = $link
      and not (($region::varchar is null or county.region = $region)
               and ($city::varchar is null or county.city_adcode = $city)
               and ($adcode::varchar is null or e.adcode = $adcode))
),
held as (
    select h.uscc, list(h.honour order by v.position) as honour_list
    from enterprise_honours as h
    join honours as v using (honour)
    where h.year <= $year and h.uscc in (select uscc from lead)
    group by h.uscc
)
select lead.uscc, lead.name, lead.county, lead.city, lead.adcode, lead.revenue, lead.lon, lead.lat,
       2 * 6371 * asin(sqrt(pow(sin(radians(lead.lat - $lat) / 2), 2)
           + cos(radians($lat)) * cos(radians(lead.lat)) * pow(sin(radians(lead.lon - $lon) / 2), 2)))
           as distance_km,
       coalesce(array_to_string(held.honour_list, '、'), '') as honours,
       coalesce(held.honour_list, []::varchar[]) as honour_list,
       c.name as cluster
from lead
left join held using (uscc)
left join clusters as c using (cluster_id)
order by distance_km
