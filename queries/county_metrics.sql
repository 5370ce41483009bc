-- One row per county-level unit (104) for a year, with everything the home map can show:
-- adcode, name, city, city_adcode, region, kind, leading_industry (首位产业), clusters, cluster_revenue (亿元),
-- clusters_100 (clusters ≥ 100亿), srdi (enterprises holding 专精特新中小企业 or “小巨人”), high_tech,
-- listed (enterprises in the 名录).
-- $year: integer.
with county as (
    select r.adcode, r.name, city.name as city, r.city_adcode, r.region, r.kind
    from regions as r
    join regions as city on city.adcode = r.city_adcode and city.level = '市'
    where r.level = '区县'
),
revenue as (
    select c.adcode,
           count(*) as clusters,
           sum(f.value) as cluster_revenue,
           count(*) filter (where f.value >= 100) as clusters_100
    from cluster_figures as f
    join clusters as c using (cluster_id)
    where f.year = $year and f.indicator = 'revenue'
    group by c.adcode
),
honour as (
    select e.adcode,
           count(distinct e.uscc) filter (where h.honour in ('专精特新中小企业', '专精特新“小巨人”')) as srdi,
           count(distinct e.uscc) filter (where h.honour = '国家高新技术企业') as high_tech
    from enterprise_honours as h
    join enterprises as e using (uscc)
    where h.year <= $year
    group by e.adcode
),
listed as (
    select adcode, count(*) as listed from enterprises group by adcode
),
final as (
    select county.*,
           li.industry as leading_industry,
           coalesce(revenue.clusters, 0) as clusters,
           coalesce(revenue.cluster_revenue, 0) as cluster_revenue,
           coalesce(revenue.clusters_100, 0) as clusters_100,
           coalesce(honour.srdi, 0) as srdi,
           coalesce(honour.high_tech, 0) as high_tech,
           coalesce(listed.listed, 0) as listed
    from county
    left join leading_industries as li on li.adcode = county.adcode and li.year = $year
    left join revenue on revenue.adcode = county.adcode
    left join honour on honour.adcode = county.adcode
    left join listed on listed.adcode = county.adcode
)
select * from final order by adcode
