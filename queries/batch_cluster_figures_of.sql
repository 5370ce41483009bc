-- The clusters of a batch with their figures, one row per cluster: name, industry, level, revenue,
-- firms_above_scale, rd_intensity, platforms, profit. $batch_id: integer.
select b.name, b.industry, b.level, f.revenue, f.firms_above_scale, f.rd_intensity, f.platforms, f.profit
from batch_clusters as b
left join batch_cluster_figures_wide as f on f.batch_id = b.batch_id and f.cluster_name = b.name
where b.batch_id = $batch_id
