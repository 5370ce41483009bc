-- A cluster enters the 培育库 (again, after a 退出 or 撤销: its row is replaced). $cluster_id, $adcode, $source_id:
-- varchar; $today: date; $reference: varchar or null.
insert into pool (cluster_id, adcode, status, entered_on, updated_on, reference, source_id)
values ($cluster_id, $adcode, '入库', $today, $today, $reference, $source_id)
on conflict (cluster_id) do update set
    adcode = excluded.adcode, status = excluded.status, entered_on = excluded.entered_on,
    updated_on = excluded.updated_on, reference = excluded.reference, source_id = excluded.source_id
