-- The objections of one 公示, in the order received: objection_id, cluster_id, name (the cluster), county,
-- received_on, objector, content, recorded_by, finding, handling, handled_by. $subject: varchar; $subject_id: integer.
select o.objection_id, o.cluster_id, c.name, county.name as county, o.received_on, o.objector, o.content,
       o.recorded_by, o.finding, o.handling, o.handled_by
from objections as o
join clusters as c on c.cluster_id = o.cluster_id
join regions as county on county.adcode = c.adcode
where o.subject = $subject and o.subject_id = $subject_id
order by o.received_on, o.objection_id
