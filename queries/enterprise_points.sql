-- The map's points for a search (filters as in enterprise_search), at most $limit, largest revenue first:
-- uscc, name, county, adcode, lon, lat, revenue (亿元), honours (how many honours held by $year).
-- $year: integer; $limit: integer; the filters of enterprise_where.sql.
with hit as (
    select e.pos, e.uscc, e.name, e.adcode, e.lon, e.lat, e.revenue,
           len(list_filter(e.held, lambda h: h.year <= $year)) as honours
    from search_index.enterprises as e
    where e.lon is not null and e.lat is not null and /* enterprise filters */
    order by e.pos
    limit $limit
)
select hit.uscc, hit.name, county.name as county, hit.adcode, hit.lon, hit.lat, hit.revenue, hit.honours
from hit
join regions as county on county.adcode = hit.adcode
order by hit.pos
