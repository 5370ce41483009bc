-- The confirmed revenue (亿元) of each cluster in $year, by county and cluster name: adcode, name, revenue.
-- $year: integer.
select c.adcode, c.name, f.value as revenue
from cluster_figures as f
join clusters as c using (cluster_id)
where f.year = $year and f.indicator = 'revenue'
