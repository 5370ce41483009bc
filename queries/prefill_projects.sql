-- A county's confirmed projects as a 项目库 template pre-fills them: name, cluster_name, industry, link (the chain
-- link's name), kind, investment (亿元), uscc, stage, signed_on, started_on, producing_on, unit. $adcode: varchar.
select p.name, c.name as cluster_name, p.industry, l.name as link, p.kind, p.investment, p.uscc, p.stage,
       p.signed_on, p.started_on, p.producing_on, p.unit
from projects as p
left join clusters as c on c.cluster_id = p.cluster_id
left join chain_links as l on l.link_id = p.link_id
where p.adcode = $adcode
order by p.stage desc, p.investment desc, p.name
