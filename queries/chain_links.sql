-- One row per link of the chain of $industry, in chain order: link_id, stage (上游/中游/下游), name, position.
-- $industry: varchar.
select l.link_id, l.stage, l.name, l.position
from chain_links as l
join chains as ch using (chain_id)
where ch.industry = $industry
order by case l.stage when '上游' then 0 when '中游' then 1 else 2 end, l.position
