-- The confirmed projects of a county as a 项目库 batch holds them (dates as YYYY-MM-DD text). $adcode: varchar.
select p.name, c.name as cluster_name, p.industry, p.link_id, p.kind, p.investment, p.uscc, p.stage,
       cast(p.signed_on as varchar) as signed_on, cast(p.started_on as varchar) as started_on,
       cast(p.producing_on as varchar) as producing_on, p.unit
from projects as p
left join clusters as c using (cluster_id)
where p.adcode = $adcode
order by p.name
