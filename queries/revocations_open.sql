-- The 撤销 of a cluster not yet decided: revocation_id. $cluster_id: varchar.
select revocation_id from revocations where cluster_id = $cluster_id and status in ('已提议', '公示中')
