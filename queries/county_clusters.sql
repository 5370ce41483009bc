-- One row per cluster of a county in a year: cluster_id, name, industry, level, is_leading, revenue (亿元),
-- tier, firms_above_scale, rd_intensity (%), revenue_source_kind (公开报道/示例生成/上报数据), revenue_source.
-- $adcode: county adcode; $year: integer.
with figures as (
    select * from cluster_figures_wide where year = $year
),
final as (
    select c.cluster_id, c.name, c.industry, c.level, c.is_leading,
           f.revenue, tier(f.revenue) as tier, f.firms_above_scale, f.rd_intensity,
           s.kind as revenue_source_kind, s.title as revenue_source
    from clusters as c
    join figures as f using (cluster_id)
    left join sources as s on s.source_id = f.revenue_source_id
    where c.adcode = $adcode
)
select * from final order by revenue desc
