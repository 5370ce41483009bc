-- The map's aggregated cells for a search with too many points to draw one by one: enterprises counted on a grid
-- of $cell degrees. One row per non-empty cell: lon, lat (the mean position of its enterprises), enterprises,
-- revenue (亿元, summed), top_name (its largest enterprise).
-- $year … $revenue_max: the macro enterprise_hits's filters; $cell: grid size in degrees.
select avg(lon) as lon, avg(lat) as lat, count(*) as enterprises, sum(revenue) as revenue,
       arg_max(name, revenue) as top_name
from enterprise_hits($year, $region, $city, $adcodes, $cluster, $member, $honours, $industry, $link, $text,
                     $initials, $revenue_min, $revenue_max)
where lon is not null and lat is not null
group by floor(lon / $cell), floor(lat / $cell)
order by enterprises desc
