-- A batch's talents and teams into the store, with their cluster (by name within the county) and the batch's
-- source. $batch_id: integer; $adcode, $source_id: varchar.
insert into talents (adcode, name, kind, cluster_id, industry, field, level, program, year, employer, employer_uscc,
                     members, source_id)
select $adcode, b.name, b.kind, c.cluster_id, b.industry, b.field, b.level, b.program, b.year, b.employer,
       b.employer_uscc, b.members, $source_id
from batch_talents as b
left join clusters as c on c.adcode = $adcode and c.name = b.cluster_name
where b.batch_id = $batch_id
