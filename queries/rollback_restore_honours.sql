-- Rollback of a 企业名录 batch: the honours as they were before it. $batch_id: integer.
insert into enterprise_honours (uscc, honour, year, source_id)
select uscc, honour, year, source_id from snapshot_enterprise_honours where batch_id = $batch_id
