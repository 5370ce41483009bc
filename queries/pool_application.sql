-- One application to the 培育库 with its cluster and places: application_id, cluster_id, name, industry, adcode,
-- county, city_adcode, city, year, status, note, submitted_by, submitted_at, updated_at, comment.
-- $application_id: integer.
select a.application_id, a.cluster_id, c.name, c.industry, a.adcode, county.name as county, county.city_adcode,
       city.name as city, a.year, a.status, a.note, a.submitted_by, a.submitted_at, a.updated_at, a.comment
from pool_applications as a
join clusters as c on c.cluster_id = a.cluster_id
join regions as county on county.adcode = a.adcode
join regions as city on city.adcode = county.city_adcode
where a.application_id = $application_id
