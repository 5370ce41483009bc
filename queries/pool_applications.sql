-- Applications to the 培育库, newest first: application_id, cluster_id, name, industry, adcode, county, city_adcode,
-- city, year, status, note, submitted_by, submitter (display name), submitted_at, updated_at, comment.
-- $statuses: list of varchar or null (all).
select a.application_id, a.cluster_id, c.name, c.industry, a.adcode, county.name as county, county.city_adcode,
       city.name as city, a.year, a.status, a.note, a.submitted_by, coalesce(u.display_name, a.submitted_by) as submitter,
       a.submitted_at, a.updated_at, a.comment
from pool_applications as a
join clusters as c on c.cluster_id = a.cluster_id
join regions as county on county.adcode = a.adcode
join regions as city on city.adcode = county.city_adcode
left join users as u on u.username = a.submitted_by
where ($statuses::varchar[] is null or a.status in (select unnest($statuses::varchar[])))
order by a.application_id desc
