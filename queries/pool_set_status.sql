-- A pool entry's new status. $cluster_id, $pool_status: varchar; $today: date; $reference: varchar or null (kept if null).
update pool set status = $pool_status, updated_on = $today, reference = coalesce($reference, reference)
where cluster_id = $cluster_id
