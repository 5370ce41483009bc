-- Rollback of a 企业名录 batch: the county's enterprises as they were before it. $batch_id: integer.
insert into enterprises by name select * exclude (batch_id) from snapshot_enterprises where batch_id = $batch_id
