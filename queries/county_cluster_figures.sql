-- The confirmed clusters of a county with their figures of $year, one row per cluster: name, industry, level,
-- revenue, firms_above_scale, rd_intensity, platforms, profit. $adcode: varchar; $year: integer.
select c.name, c.industry, c.level, f.revenue, f.firms_above_scale, f.rd_intensity, f.platforms, f.profit
from clusters as c
join cluster_figures_wide as f on f.cluster_id = c.cluster_id and f.year = $year
where c.adcode = $adcode
