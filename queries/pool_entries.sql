-- The 培育库: one row per cluster that entered it: cluster_id, name, industry, level, is_leading, adcode, county,
-- city_adcode, city, region, status, entered_on, updated_on, reference, source_id, revenue (亿元, latest year with a
-- figure) and revenue_year. No parameters.
with latest as (
    select cluster_id, max(year) as year from cluster_figures where indicator = 'revenue' group by cluster_id
)
select p.cluster_id, c.name, c.industry, c.level, c.is_leading, p.adcode, county.name as county, county.city_adcode,
       city.name as city, county.region, p.status, p.entered_on, p.updated_on, p.reference, p.source_id,
       f.value as revenue, l.year as revenue_year
from pool as p
join clusters as c on c.cluster_id = p.cluster_id
join regions as county on county.adcode = p.adcode
join regions as city on city.adcode = county.city_adcode
left join latest as l on l.cluster_id = p.cluster_id
left join cluster_figures as f on f.cluster_id = p.cluster_id and f.year = l.year and f.indicator = 'revenue'
order by county.city_adcode, p.adcode, c.name
