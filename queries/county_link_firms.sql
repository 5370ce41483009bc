-- Firms of the 名录 by county and chain link (the co-location that relatedness is computed from): adcode, link_id,
-- industry (the link's chain), firms. No parameters.
select e.adcode, e.link_id, ch.industry, count(*) as firms
from enterprises as e
join chain_links as l on l.link_id = e.link_id
join chains as ch on ch.chain_id = l.chain_id
group by e.adcode, e.link_id, ch.industry
order by e.adcode, e.link_id
