-- One objection: every column of objections. $objection_id: integer.
select * from objections where objection_id = $objection_id
