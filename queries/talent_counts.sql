-- The 人才库 in numbers, never names (open to every reader): one row per county, cluster (null: none), kind
-- (个人/团队), level and industry with talents (how many rows) and members (people in teams; a person counts 1).
-- No parameters.
select t.adcode, county.name as county, county.city_adcode, city.name as city, county.region, t.cluster_id,
       c.name as cluster, t.kind, t.level, t.industry, count(*) as talents,
       sum(case when t.kind = '团队' then coalesce(t.members, 0) else 1 end) as members,
       bool_or(s.kind = '示例生成') as demo
from talents as t
join regions as county on county.adcode = t.adcode
join regions as city on city.adcode = county.city_adcode
left join clusters as c on c.cluster_id = t.cluster_id
left join sources as s on s.source_id = t.source_id
group by t.adcode, county.name, county.city_adcode, city.name, county.region, t.cluster_id, c.name, t.kind, t.level,
         t.industry
order by t.adcode, t.cluster_id, t.kind, t.level, t.industry
