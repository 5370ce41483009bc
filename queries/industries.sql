-- One row per industry of the enterprise 名录: industry, chain_id (its chain, null if none recorded),
-- enterprises; most enterprises first.
select e.industry, min(ch.chain_id) as chain_id, count(*) as enterprises
from enterprises as e
left join chains as ch on ch.industry = e.industry
group by e.industry
order by enterprises desc, e.industry
