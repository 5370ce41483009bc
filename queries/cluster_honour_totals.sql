-- One row per year with cluster figures: the seed 001 2025 cluster-wide counts, cumulative by the year an honour
-- was first held, counting members of any recorded cluster, each enterprise once per measure:
-- year, high_tech (国家高新技术企业), srdi (省级以上专精特新: 专精特新中小企业 or “小巨人”),
-- leaders (龙头/链主企业), partners (配套“伙伴”企业).
with years as (
    select distinct year from cluster_figures
),
first_held as (
    select e.uscc,
           min(h.year) filter (where h.honour = '国家高新技术企业') as high_tech,
           min(h.year) filter (where h.honour in ('专精特新中小企业', '专精特新“小巨人”')) as srdi,
           min(h.year) filter (where h.honour = '龙头/链主企业') as leaders,
           min(h.year) filter (where h.honour = '配套“伙伴”企业') as partners
    from enterprise_honours as h
    join enterprises as e using (uscc)
    where e.cluster_id is not null
    group by e.uscc
)
select years.year,
       count(*) filter (where first_held.high_tech <= years.year) as high_tech,
       count(*) filter (where first_held.srdi <= years.year) as srdi,
       count(*) filter (where first_held.leaders <= years.year) as leaders,
       count(*) filter (where first_held.partners <= years.year) as partners
from years
cross join first_held
group by years.year
order by years.year
