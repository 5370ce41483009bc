-- How an objection was handled. $objection_id: integer; $finding (成立/不成立), $handling, $username: varchar.
update objections set finding = $finding, handling = $handling, handled_by = $username
where objection_id = $objection_id
