-- A 撤销 goes to 公示. $revocation_id: integer; $start, $end: date.
update revocations set status = '公示中', publicity_start = $start, publicity_end = $end
where revocation_id = $revocation_id
