-- Before a 集群年度数据 batch is published: keep the county's 首位产业 of that year.
-- $batch_id, $year: integer; $adcode: varchar.
insert into snapshot_leading_industries select $batch_id, * from leading_industries where adcode = $adcode and year = $year
