-- Before a 企业名录 batch is published: keep the honours of the county's enterprises.
-- $batch_id: integer; $adcode: varchar.
insert into snapshot_enterprise_honours
select $batch_id, h.* from enterprise_honours as h where h.uscc in (select uscc from enterprises where adcode = $adcode)
