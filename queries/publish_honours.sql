-- A batch's honours into the store. $batch_id: integer; $source_id: varchar.
insert into enterprise_honours (uscc, honour, year, source_id)
select uscc, honour, year, $source_id from batch_enterprise_honours where batch_id = $batch_id
