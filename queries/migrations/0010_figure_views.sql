-- The figures of a cluster side by side, one row per cluster and year (or per cluster of a batch): the one pivot of
-- the indicator rows that the reading queries share. Both views list the same five indicators of the upload
-- template (uploads/kinds/clusters.py); a new indicator is added to both here, in a new migration.

-- cluster_id, year, revenue (亿元), firms_above_scale, rd_intensity (%), platforms, profit (亿元), and the
-- source_id of the revenue figure.
create view cluster_figures_wide as
select cluster_id, year,
       max(value) filter (where indicator = 'revenue') as revenue,
       max(value) filter (where indicator = 'firms_above_scale') as firms_above_scale,
       max(value) filter (where indicator = 'rd_intensity') as rd_intensity,
       max(value) filter (where indicator = 'platforms') as platforms,
       max(value) filter (where indicator = 'profit') as profit,
       max(source_id) filter (where indicator = 'revenue') as revenue_source_id
from cluster_figures
group by cluster_id, year;

-- batch_id, cluster_name, and the same five figures as submitted in the batch.
create view batch_cluster_figures_wide as
select batch_id, cluster_name,
       max(value) filter (where indicator = 'revenue') as revenue,
       max(value) filter (where indicator = 'firms_above_scale') as firms_above_scale,
       max(value) filter (where indicator = 'rd_intensity') as rd_intensity,
       max(value) filter (where indicator = 'platforms') as platforms,
       max(value) filter (where indicator = 'profit') as profit
from batch_cluster_figures
group by batch_id, cluster_name;
