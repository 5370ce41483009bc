-- The confirmed clusters of a county with their figures of $year, one row per cluster: name, industry, level,
-- revenue, firms_above_scale, rd_intensity, platforms, profit. $adcode: varchar; $year: integer.
select c.name, c.industry, c.level,
       max(f.value) filter (where f.indicator = 'revenue') as revenue,
       max(f.value) filter (where f.indicator = 'firms_above_scale') as firms_above_scale,
       max(f.value) filter (where f.indicator = 'rd_intensity') as rd_intensity,
       max(f.value) filter (where f.indicator = 'platforms') as platforms,
       max(f.value) filter (where f.indicator = 'profit') as profit
from clusters as c
join cluster_figures as f on f.cluster_id = c.cluster_id and f.year = $year
where c.adcode = $adcode
group by c.name, c.industry, c.level
