-- One batch (none if unknown), with its county's name and city: every column of batches, county, city_adcode.
-- $batch_id: integer.
select b.*, r.name as county, r.city_adcode
from batches as b
join regions as r using (adcode)
where b.batch_id = $batch_id
