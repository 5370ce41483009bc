-- Enterprises of a batch already recorded in another county: row_number, uscc, name, county (where recorded).
-- $batch_id: integer; $adcode: varchar.
select b.row_number, b.uscc, b.name, r.name as county
from batch_enterprises as b
join enterprises as e using (uscc)
join regions as r on r.adcode = e.adcode
where b.batch_id = $batch_id and e.adcode <> $adcode
order by b.row_number
