-- One 撤销 with its cluster: every column of revocations, name, adcode, county, level (the cluster's now).
-- $revocation_id: integer.
select r.*, c.name, c.adcode, county.name as county, c.level
from revocations as r
join clusters as c on c.cluster_id = r.cluster_id
join regions as county on county.adcode = c.adcode
where r.revocation_id = $revocation_id
