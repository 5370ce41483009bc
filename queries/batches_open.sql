-- Batches of a county, kind and year still in review (已提交 / 市级通过): batch_id. A new submission replaces them.
-- $kind, $adcode: varchar; $year: integer.
select batch_id from batches
where kind = $kind and adcode = $adcode and year = $year and status in ('已提交', '市级通过')
order by batch_id
