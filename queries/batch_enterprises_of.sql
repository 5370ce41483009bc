-- The enterprises of a batch: every column of batch_enterprises. $batch_id: integer.
select * from batch_enterprises where batch_id = $batch_id order by row_number
