-- One row per county-level unit (104) for a year: adcode, name, city, city_adcode, region, kind, clusters,
-- top_cluster (the name of its largest cluster), top_revenue (亿元) and top_tier (all three null without clusters).
-- $year: integer.
with ranked as (
    select c.adcode, c.name, f.value as revenue,
           row_number() over (partition by c.adcode order by f.value desc, c.cluster_id) as rank,
           count(*) over (partition by c.adcode) as clusters
    from cluster_figures as f
    join clusters as c using (cluster_id)
    where f.year = $year and f.indicator = 'revenue'
),
final as (
    select r.adcode, r.name, city.name as city, r.city_adcode, r.region, r.kind,
           coalesce(ranked.clusters, 0) as clusters,
           ranked.name as top_cluster, ranked.revenue as top_revenue,
           case when ranked.revenue is not null then tier(ranked.revenue) end as top_tier
    from regions as r
    join regions as city on city.adcode = r.city_adcode and city.level = '市'
    left join ranked on ranked.adcode = r.adcode and ranked.rank = 1
    where r.level = '区县'
)
select * from final order by adcode
