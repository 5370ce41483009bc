-- A batch's projects into the store, with their cluster (by name within the county) and the batch's source.
-- $batch_id: integer; $adcode, $source_id: varchar.
insert into projects (adcode, name, cluster_id, industry, link_id, kind, investment, uscc, stage, signed_on,
                      started_on, producing_on, unit, source_id)
select $adcode, b.name, c.cluster_id, b.industry, b.link_id, b.kind, b.investment, b.uscc, b.stage, b.signed_on,
       b.started_on, b.producing_on, b.unit, $source_id
from batch_projects as b
left join clusters as c on c.adcode = $adcode and c.name = b.cluster_name
where b.batch_id = $batch_id
