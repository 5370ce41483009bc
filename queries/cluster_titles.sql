-- The clusters whose level the province decided, by its 认定 or 撤销 (their pool status): adcode, name, pool_status.
-- No parameters.
select c.adcode, c.name, p.status as pool_status
from clusters as c
join pool as p on p.cluster_id = c.cluster_id
where p.status in ('省级认定', '撤销')
