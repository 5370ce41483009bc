-- Every chain link with its industry: link_id, industry, stage, name, in chain and link order.
select l.link_id, ch.industry, l.stage, l.name
from chain_links as l
join chains as ch using (chain_id)
order by ch.industry, l.position
