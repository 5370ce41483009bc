-- A batch's 首位产业 (its cluster marked 是) into the store. $batch_id, $year: integer; $adcode, $source_id: varchar.
insert into leading_industries (adcode, year, industry, source_id)
select $adcode, $year, industry, $source_id from batch_clusters where batch_id = $batch_id and is_leading
