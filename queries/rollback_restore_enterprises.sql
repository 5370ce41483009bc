-- Rollback of a 企业名录 batch: the county's enterprises as they were before it. $batch_id: integer.
insert into enterprises (uscc, name, adcode, cluster_id, industry, link_id, revenue, lon, lat, source_id, above_scale,
                         name_initials, name_initials_alt)
select uscc, name, adcode, cluster_id, industry, link_id, revenue, lon, lat, source_id, above_scale, name_initials,
       name_initials_alt
from snapshot_enterprises where batch_id = $batch_id
