-- Every chain link in chain order: link_id, industry, stage, name, position (for up- and downstream neighbours).
select l.link_id, ch.industry, l.stage, l.name, l.position
from chain_links as l
join chains as ch using (chain_id)
order by ch.industry, case l.stage when '上游' then 0 when '中游' then 1 else 2 end, l.position
