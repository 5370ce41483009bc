-- The latest confirmed (not rolled back) batch of a county, kind and year: batch_id (none if there is none).
-- $kind, $adcode: varchar; $year: integer.
select max(batch_id) as batch_id from batches
where kind = $kind and adcode = $adcode and year = $year and status = '已确认'
having count(*) > 0
