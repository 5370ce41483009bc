-- The 人才库 with names, for records.talents only (which filters it by the reader's role and region): adcode, county,
-- city_adcode, city, name, kind, cluster, industry, field, level, program, year, employer, employer_uscc, members,
-- source (its title). No parameters.
select t.adcode, county.name as county, county.city_adcode, city.name as city, t.name, t.kind, c.name as cluster,
       t.industry, t.field, t.level, t.program, t.year, t.employer, t.employer_uscc, t.members, s.title as source
from talents as t
join regions as county on county.adcode = t.adcode
join regions as city on city.adcode = county.city_adcode
left join clusters as c on c.cluster_id = t.cluster_id
left join sources as s on s.source_id = t.source_id
order by t.adcode, t.level, t.name
