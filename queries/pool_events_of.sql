-- A cluster's history in the 培育库, oldest first: event_id, happened_on, username, actor (display name), step, status,
-- detail, reference. $cluster_id: varchar.
select e.event_id, e.happened_on, e.username, coalesce(u.display_name, e.username) as actor, e.step, e.status,
       e.detail, e.reference
from pool_events as e
left join users as u on u.username = e.username
where e.cluster_id = $cluster_id
order by e.event_id
