-- The enterprises of a search that have no coordinates, by county (drawn at the county's centre, never dropped from
-- the map's counts): adcode, county, enterprises. $year (for the honours filter); the filters of
-- enterprise_where.sql.
select e.adcode, county.name as county, count(*) as enterprises
from search_index.enterprises as e
join regions as county on county.adcode = e.adcode
where (e.lon is null or e.lat is null) and /* enterprise filters */
group by e.adcode, county.name
order by e.adcode
