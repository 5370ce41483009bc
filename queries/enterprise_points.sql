-- The map's points for a search (filters as in enterprise_search), at most $limit, largest revenue first:
-- uscc, name, county, lon, lat, revenue (亿元), honours (how many honours held by $year).
-- $year: integer; $limit: integer; the filters of enterprise_where.sql.
with hit as (
    select e.uscc, e.name, e.adcode, e.lon, e.lat, e.revenue
    from enterprises as e
    where e.lon is not null and e.lat is not null and /* enterprise filters */
    order by e.revenue desc nulls last, e.uscc
    limit $limit
),
held as (
    select uscc, count(*) as honours
    from enterprise_honours
    where year <= $year and uscc in (select uscc from hit)
    group by uscc
)
select hit.uscc, hit.name, county.name as county, hit.lon, hit.lat, hit.revenue, coalesce(held.honours, 0) as honours
from hit
join regions as county on county.adcode = hit.adcode
left join held using (uscc)
order by hit.revenue desc nulls last, hit.uscc
