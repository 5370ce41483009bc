-- Rollback of a 人才库 batch: the county's rows as they were before it. $batch_id: integer.
insert into talents (adcode, name, kind, cluster_id, industry, field, level, program, year, employer, employer_uscc,
                     members, source_id)
select adcode, name, kind, cluster_id, industry, field, level, program, year, employer, employer_uscc, members,
       source_id
from snapshot_talents where batch_id = $batch_id
