-- The province's figures that targets of seeds 001 and 002 count, for a year (one row): national_clusters and
-- provincial_clusters (clusters of that level now), demo_bases and high_share_clusters (clusters flagged 示范基地 /
-- 市场占有率较高 now), counties_without_100 (县 and 县级市 without a cluster of ≥ 100亿元 that year), high_tech, srdi
-- (专精特新中小企业 or “小巨人”), leaders (龙头/链主), partners (配套“伙伴”): cluster members holding the honour by
-- that year, each firm once; tech_upgrade_projects (seed 000: 重点技改 projects of 首位产业 clusters under way in the
-- year: started by its end, not in production before its start). $year: integer.
with big as (
    select distinct c.adcode
    from cluster_figures as f join clusters as c using (cluster_id)
    where f.year = $year and f.indicator = 'revenue' and f.value >= 100
),
held as (
    select h.uscc, h.honour
    from enterprise_honours as h
    join enterprises as e on e.uscc = h.uscc
    where e.cluster_id is not null and h.year <= $year
)
select
    (select count(*) from clusters where level = '国家级') as national_clusters,
    (select count(*) from clusters where level = '省级') as provincial_clusters,
    (select count(*) from clusters where is_demo_base) as demo_bases,
    (select count(*) from clusters where high_market_share) as high_share_clusters,
    (select count(*) from regions as r
     where r.level = '区县' and r.kind in ('县', '县级市') and r.adcode not in (select adcode from big))
        as counties_without_100,
    (select count(distinct uscc) from held where honour = '国家高新技术企业') as high_tech,
    (select count(distinct uscc) from held where honour in ('专精特新中小企业', '专精特新“小巨人”')) as srdi,
    (select count(distinct uscc) from held where honour = '龙头/链主企业') as leaders,
    (select count(distinct uscc) from held where honour = '配套“伙伴”企业') as partners,
    (select count(*) from projects as p join clusters as c using (cluster_id)
     where p.kind = '重点技改' and c.is_leading and p.started_on <= make_date($year, 12, 31)
       and (p.producing_on is null or p.producing_on >= make_date($year, 1, 1))) as tech_upgrade_projects
