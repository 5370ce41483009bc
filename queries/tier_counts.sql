-- One row: the clusters of a year within an optional region group or city, and how many sit in each band.
-- Columns: clusters, revenue (亿元), clusters_100 (≥100), clusters_300_500, clusters_500 (≥500), clusters_1000.
-- $year: integer; $region: '皖北'/'皖中'/'皖南' or null for all; $city: city adcode or null for all.
with selected as (
    select f.value as revenue
    from cluster_figures as f
    join clusters as c using (cluster_id)
    join regions as r on r.adcode = c.adcode
    where f.year = $year
      and f.indicator = 'revenue'
      and ($region::varchar is null or r.region = $region)
      and ($city::varchar is null or r.city_adcode = $city)
),
final as (
    select count(*) as clusters,
           coalesce(sum(revenue), 0) as revenue,
           count(*) filter (where revenue >= 100) as clusters_100,
           count(*) filter (where revenue >= 300 and revenue < 500) as clusters_300_500,
           count(*) filter (where revenue >= 500) as clusters_500,
           count(*) filter (where revenue >= 1000) as clusters_1000
    from selected
)
select * from final
