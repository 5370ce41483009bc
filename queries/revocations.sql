-- Every 撤销, newest first: every column of revocations, name, adcode, county, city, level (the cluster's now).
-- No parameters.
select r.*, c.name, c.adcode, county.name as county, city.name as city, c.level
from revocations as r
join clusters as c on c.cluster_id = r.cluster_id
join regions as county on county.adcode = c.adcode
join regions as city on city.adcode = county.city_adcode
order by r.revocation_id desc
