-- The map's points for a search (filters as in enterprise_search), at most $limit, largest revenue first:
-- uscc, name, county, lon, lat, revenue (亿元), honours (how many honours held by $year).
-- $year … $revenue_max: the macro enterprise_hits's filters; $limit: integer.
with hit as (
    select uscc, name, county, lon, lat, revenue
    from enterprise_hits($year, $region, $city, $adcodes, $cluster, $member, $honours, $industry, $link, $text,
                         $initials, $revenue_min, $revenue_max)
    where lon is not null and lat is not null
    order by revenue desc nulls last, uscc
    limit $limit
)
select hit.*, count(h.honour) as honours
from hit
left join enterprise_honours as h on h.uscc = hit.uscc and h.year <= $year
group by all
order by hit.revenue desc nulls last, hit.uscc
