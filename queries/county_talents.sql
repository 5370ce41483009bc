-- The confirmed 人才库 of a county as a batch holds it (names included: for its filer, its reviewers and the diff).
-- $adcode: varchar.
select t.name, t.kind, c.name as cluster_name, t.industry, t.field, t.level, t.program, t.year, t.employer,
       t.employer_uscc, t.members
from talents as t
left join clusters as c using (cluster_id)
where t.adcode = $adcode
order by t.name
