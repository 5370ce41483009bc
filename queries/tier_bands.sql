-- The clusters of $year by revenue band, one row for the province, each region group (皖北/皖中/皖南) and each
-- city: level (省/区域/市), scope (its name), scope_code (adcode or region name), region (of a city), clusters,
-- revenue (亿元), and per band the number and revenue: n_1000/rev_1000 (≥1000), n_500/rev_500 (500–1000),
-- n_300/rev_300 (300–500), n_100/rev_100 (100–300), n_0/rev_0 (<100). Bands include their lower bound.
-- $year: integer.
with cluster as (
    select f.value as revenue, tier(f.value) as tier, county.region, county.city_adcode
    from cluster_figures as f
    join clusters as c using (cluster_id)
    join regions as county on county.adcode = c.adcode
    where f.year = $year and f.indicator = 'revenue'
),
grouped as (
    select grouping(region) as no_region, grouping(city_adcode) as no_city, region, city_adcode,
           count(*) as clusters, sum(revenue) as revenue,
           count(*) filter (where tier = '千亿级') as n_1000, sum(revenue) filter (where tier = '千亿级') as rev_1000,
           count(*) filter (where tier = '500亿级') as n_500, sum(revenue) filter (where tier = '500亿级') as rev_500,
           count(*) filter (where tier = '300–500亿级') as n_300,
           sum(revenue) filter (where tier = '300–500亿级') as rev_300,
           count(*) filter (where tier = '百亿级') as n_100, sum(revenue) filter (where tier = '百亿级') as rev_100,
           count(*) filter (where tier = '百亿以下') as n_0, sum(revenue) filter (where tier = '百亿以下') as rev_0
    from cluster
    group by grouping sets ((), (region), (region, city_adcode))
),
scopes as (
    -- every scope, so that a city without clusters still has its row
    select '省' as level, '安徽省' as scope, '340000' as scope_code, null as region, 0 as sort
    union all
    select distinct '区域', region, region, region, 1 from regions where level = '市'
    union all
    select '市', name, adcode, region, 2 from regions where level = '市'
),
final as (
    select s.level, s.scope, s.scope_code, s.region,
           coalesce(g.clusters, 0) as clusters, coalesce(g.revenue, 0) as revenue,
           coalesce(g.n_1000, 0) as n_1000, coalesce(g.rev_1000, 0) as rev_1000,
           coalesce(g.n_500, 0) as n_500, coalesce(g.rev_500, 0) as rev_500,
           coalesce(g.n_300, 0) as n_300, coalesce(g.rev_300, 0) as rev_300,
           coalesce(g.n_100, 0) as n_100, coalesce(g.rev_100, 0) as rev_100,
           coalesce(g.n_0, 0) as n_0, coalesce(g.rev_0, 0) as rev_0,
           s.sort
    from scopes as s
    left join grouped as g
      on (s.level = '省' and g.no_region = 1)
      or (s.level = '区域' and g.no_region = 0 and g.no_city = 1 and g.region = s.scope_code)
      or (s.level = '市' and g.no_city = 0 and g.city_adcode = s.scope_code)
)
select * exclude (sort) from final
order by sort, case region when '皖北' then 1 when '皖中' then 2 else 3 end, scope_code
