-- One row per cluster of a county and year: cluster (name), year, revenue (亿元). $adcode: county adcode.
select c.name as cluster, f.year, f.value as revenue
from cluster_figures as f
join clusters as c using (cluster_id)
where c.adcode = $adcode and f.indicator = 'revenue'
order by c.name, f.year
