-- The map's aggregated cells for a search with too many points to draw one by one: enterprises counted on a grid
-- of $cell degrees. One row per non-empty cell: lon, lat (the mean position of its enterprises), enterprises,
-- revenue (亿元, summed), top_name (its largest enterprise).
-- $cell: grid size in degrees; $year (for the honours filter); the filters of enterprise_where.sql.
select avg(e.lon) as lon, avg(e.lat) as lat, count(*) as enterprises, sum(e.revenue) as revenue,
       arg_max(e.name, e.revenue) as top_name
from search_index.enterprises as e
where e.lon is not null and e.lat is not null and /* enterprise filters */
group by floor(e.lon / $cell), floor(e.lat / $cell)
order by enterprises desc
