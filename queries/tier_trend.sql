-- One row per year with cluster figures, within an optional region group or city: year, cluster_count,
-- total_revenue (亿元), clusters_100 (≥100), clusters_300_500, clusters_500 (≥500), clusters_1000,
-- counties_without_100 (县 and 县级市 of the selection without a cluster ≥100亿 that year; 市辖区 are outside the
-- 县域 goal of seeds 001/002).
-- $region: '皖北'/'皖中'/'皖南' or null; $city: city adcode or null.
with county as (
    select adcode, kind
    from regions
    where level = '区县'
      and ($region::varchar is null or region = $region)
      and ($city::varchar is null or city_adcode = $city)
),
cluster as (
    select f.year, c.adcode, f.value as revenue
    from cluster_figures as f
    join clusters as c using (cluster_id)
    join county using (adcode)
    where f.indicator = 'revenue'
),
years as (
    select distinct year from cluster_figures where indicator = 'revenue'
),
by_year as (
    select year,
           count(*) as clusters,
           sum(revenue) as revenue,
           count(*) filter (where revenue >= 100) as clusters_100,
           count(*) filter (where revenue >= 300 and revenue < 500) as clusters_300_500,
           count(*) filter (where revenue >= 500) as clusters_500,
           count(*) filter (where revenue >= 1000) as clusters_1000
    from cluster
    group by year
),
covered as (
    select year, count(distinct adcode) as counties_with_100
    from cluster
    join county using (adcode)
    where revenue >= 100 and kind in ('县', '县级市')
    group by year
),
final as (
    select years.year,
           coalesce(clusters, 0) as cluster_count, coalesce(revenue, 0) as total_revenue,
           coalesce(clusters_100, 0) as clusters_100, coalesce(clusters_300_500, 0) as clusters_300_500,
           coalesce(clusters_500, 0) as clusters_500, coalesce(clusters_1000, 0) as clusters_1000,
           (select count(*) from county where kind in ('县', '县级市')) - coalesce(counties_with_100, 0)
               as counties_without_100
    from years
    left join by_year using (year)
    left join covered using (year)
)
select * from final order by year
