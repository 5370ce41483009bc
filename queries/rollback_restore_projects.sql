-- Rollback of a 项目库 batch: the county's projects as they were before it. $batch_id: integer.
insert into projects (adcode, name, cluster_id, industry, link_id, kind, investment, uscc, stage, signed_on,
                      started_on, producing_on, unit, source_id)
select adcode, name, cluster_id, industry, link_id, kind, investment, uscc, stage, signed_on, started_on,
       producing_on, unit, source_id
from snapshot_projects where batch_id = $batch_id
