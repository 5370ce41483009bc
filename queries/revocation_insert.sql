-- A proposal to revoke a cluster's 省级 title (已提议); returns revocation_id. $cluster_id, $grounds, $reason,
-- $username: varchar; $proposed_on: date; $now: timestamp.
insert into revocations (cluster_id, grounds, reason, status, proposed_on, proposed_by, proposed_at)
values ($cluster_id, $grounds, $reason, '已提议', $proposed_on, $username, $now)
returning revocation_id
