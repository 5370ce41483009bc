-- Rollback of a 集群年度数据 batch: the 首位产业 as it was before it. $batch_id: integer.
insert into leading_industries (adcode, year, industry, source_id)
select adcode, year, industry, source_id from snapshot_leading_industries where batch_id = $batch_id
