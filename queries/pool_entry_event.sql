-- The line of a cluster's history that an application's confirmation wrote (step 入库, reference = its number):
-- event_id, and whether any step followed it (later: a 培育, a recommendation, a 退出 …). $cluster_id, $reference:
-- varchar.
select e.event_id,
       exists (select 1 from pool_events as n
               where n.cluster_id = e.cluster_id and n.event_id > e.event_id) as later
from pool_events as e
where e.cluster_id = $cluster_id and e.step = '入库' and e.reference = $reference
order by e.event_id desc
limit 1
