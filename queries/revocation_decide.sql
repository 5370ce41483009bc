-- The decision on a 撤销. $revocation_id: integer; $revocation_status (已撤销/不予撤销), $username, $decision: varchar;
-- $now: timestamp; $level_before, $level_after: varchar or null.
update revocations set status = $revocation_status, decided_by = $username, decided_at = $now, decision = $decision,
                       level_before = $level_before, level_after = $level_after
where revocation_id = $revocation_id
