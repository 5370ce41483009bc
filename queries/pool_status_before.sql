-- The pool status a cluster had before one of its history's lines (null: none, it was not in the pool):
-- status. $cluster_id: varchar; $event_id: integer.
select status from pool_events
where cluster_id = $cluster_id and event_id < $event_id and status is not null
order by event_id desc
limit 1
