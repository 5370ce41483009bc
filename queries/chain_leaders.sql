-- The 龙头/链主 firms of a chain's links in a scope (holding the honour by $year), one row per link that has any:
-- link_id, leaders (how many), leader_names (largest revenue first, "、"-joined).
-- $industry: varchar; $year: integer; $region, $city: as the sidebar (null for all); $adcode: a county or null.
select e.link_id, count(*) as leaders, string_agg(e.name, '、' order by e.revenue desc nulls last) as leader_names
from enterprises as e
join regions as county on county.adcode = e.adcode
join chain_links as l on l.link_id = e.link_id
join chains as ch on ch.chain_id = l.chain_id
where ch.industry = $industry
  and ($region::varchar is null or county.region = $region)
  and ($city::varchar is null or county.city_adcode = $city)
  and ($adcode::varchar is null or e.adcode = $adcode)
  and exists (select 1 from enterprise_honours as h
              where h.uscc = e.uscc and h.honour = '龙头/链主企业' and h.year <= $year)
group by e.link_id
