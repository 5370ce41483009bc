-- A county's confirmed clusters as a 集群年度数据 template pre-fills them: name, industry, is_leading, level,
-- recognised_year, figures_year (the latest year up to $year with a revenue figure; null: none), revenue,
-- firms_above_scale, rd_intensity, platforms, profit, the five 五个一 columns, is_demo_base, high_market_share.
-- $adcode: varchar; $year: integer.
with latest as (
    select f.cluster_id, max(f.year) as year
    from cluster_figures_wide as f
    join clusters as c on c.cluster_id = f.cluster_id
    where c.adcode = $adcode and f.year <= $year and f.revenue is not null
    group by f.cluster_id
)
select c.name, c.industry, c.is_leading, c.level, c.recognised_year, l.year as figures_year, f.revenue,
       f.firms_above_scale, f.rd_intensity, f.platforms, f.profit, c.has_management_body, c.has_public_brand,
       c.has_association, c.has_rd_center, c.has_full_chain, c.is_demo_base, c.high_market_share
from clusters as c
left join latest as l on l.cluster_id = c.cluster_id
left join cluster_figures_wide as f on f.cluster_id = c.cluster_id and f.year = l.year
where c.adcode = $adcode
order by c.is_leading desc, c.name
