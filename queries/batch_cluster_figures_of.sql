-- The clusters of a batch with their figures, one row per cluster: name, industry, level, revenue,
-- firms_above_scale, rd_intensity, platforms, profit. $batch_id: integer.
select b.name, b.industry, b.level,
       max(f.value) filter (where f.indicator = 'revenue') as revenue,
       max(f.value) filter (where f.indicator = 'firms_above_scale') as firms_above_scale,
       max(f.value) filter (where f.indicator = 'rd_intensity') as rd_intensity,
       max(f.value) filter (where f.indicator = 'platforms') as platforms,
       max(f.value) filter (where f.indicator = 'profit') as profit
from batch_clusters as b
left join batch_cluster_figures as f on f.batch_id = b.batch_id and f.cluster_name = b.name
where b.batch_id = $batch_id
group by b.name, b.industry, b.level
