-- Batches for the review and progress pages, newest first: batch_id, kind, year, adcode, county, city_adcode, city,
-- status, file_name, file_sha256, row_count, submitted_by, submitter (display name), submitted_at, updated_at,
-- comment. $year: integer or null (all years); $statuses: list of varchar or null (all).
select b.batch_id, b.kind, b.year, b.adcode, county.name as county, county.city_adcode, city.name as city, b.status,
       b.file_name, b.file_sha256, b.row_count, b.submitted_by, u.display_name as submitter, b.submitted_at,
       b.updated_at, b.comment
from batches as b
join regions as county on county.adcode = b.adcode
join regions as city on city.adcode = county.city_adcode
left join users as u on u.username = b.submitted_by
where ($year::integer is null or b.year = $year)
  and ($statuses::varchar[] is null or b.status in (select unnest($statuses::varchar[])))
order by b.batch_id desc
