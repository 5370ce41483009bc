-- One row per cluster with a revenue figure in $year, within an optional region group or city:
-- cluster_id, name, industry, level, is_leading (首位产业集群), adcode, county, city, city_adcode, region,
-- revenue (亿元, $year), firms (its 规上企业 in the 名录), listed (all its firms in the 名录),
-- quality (firms holding 专精特新中小企业, 专精特新“小巨人” or 国家高新技术企业 by $year, each firm once — the
-- seed 000 target), quality_start (the same by $start_year).
-- $year, $start_year: integers; $region: '皖北'/'皖中'/'皖南' or null; $city: city adcode or null.
with member as (
    select cluster_id, count(*) filter (where above_scale) as firms, count(*) as listed
    from enterprises
    where cluster_id is not null
    group by cluster_id
),
first_quality as (
    -- the year each cluster member first held one of the three honours
    select e.cluster_id, e.uscc, min(h.year) as year
    from enterprise_honours as h
    join enterprises as e using (uscc)
    where e.cluster_id is not null
      and h.honour in ('专精特新中小企业', '专精特新“小巨人”', '国家高新技术企业')
    group by e.cluster_id, e.uscc
),
quality as (
    select cluster_id,
           count(*) filter (where year <= $year) as quality,
           count(*) filter (where year <= $start_year) as quality_start
    from first_quality
    group by cluster_id
)
select c.cluster_id, c.name, c.industry, c.level, c.is_leading,
       c.adcode, county.name as county, city.name as city, county.city_adcode, county.region,
       f.value as revenue,
       coalesce(member.firms, 0) as firms, coalesce(member.listed, 0) as listed,
       coalesce(quality.quality, 0) as quality, coalesce(quality.quality_start, 0) as quality_start
from cluster_figures as f
join clusters as c using (cluster_id)
join regions as county on county.adcode = c.adcode
join regions as city on city.adcode = county.city_adcode
left join member using (cluster_id)
left join quality using (cluster_id)
where f.year = $year and f.indicator = 'revenue'
  and ($region::varchar is null or county.region = $region)
  and ($city::varchar is null or county.city_adcode = $city)
order by c.is_leading desc, quality, c.cluster_id
