-- One line of a cluster's history in the 培育库. $cluster_id, $username, $step: varchar; $happened_on: date;
-- $status, $detail, $reference: varchar or null.
insert into pool_events (cluster_id, happened_on, username, step, status, detail, reference)
values ($cluster_id, $happened_on, $username, $step, $status, $detail, $reference)
