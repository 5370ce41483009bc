-- One row per cluster with a revenue figure in $year, within an optional region group or city:
-- cluster_id, name, industry, level, is_leading, adcode, county, county_kind (市辖区/县/县级市), city, city_adcode,
-- region, revenue (亿元, $year), tier, revenue_start (the earliest revenue in $start_year…$year−1, null if none),
-- start_year (its year), source_kind (公开报道/示例生成/上报数据) and source (title) of the $year revenue.
-- $year, $start_year: integers; $region: '皖北'/'皖中'/'皖南' or null; $city: city adcode or null.
with revenue as (
    select cluster_id, year, value as revenue, source_id
    from cluster_figures
    where indicator = 'revenue' and year between $start_year and $year
),
current as (
    select * from revenue where year = $year
),
earliest as (
    select cluster_id, arg_min(revenue, year) as revenue_start, min(year) as start_year
    from revenue
    where year < $year and revenue > 0
    group by cluster_id
),
final as (
    select c.cluster_id, c.name, c.industry, c.level, c.is_leading,
           c.adcode, county.name as county, county.kind as county_kind,
           city.name as city, county.city_adcode, county.region,
           current.revenue, tier(current.revenue) as tier,
           earliest.revenue_start, earliest.start_year,
           s.kind as source_kind, s.title as source
    from current
    join clusters as c using (cluster_id)
    join regions as county on county.adcode = c.adcode
    join regions as city on city.adcode = county.city_adcode
    left join earliest using (cluster_id)
    left join sources as s on s.source_id = current.source_id
    where ($region::varchar is null or county.region = $region)
      and ($city::varchar is null or county.city_adcode = $city)
)
select * from final order by revenue desc, cluster_id
