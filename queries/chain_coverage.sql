-- One row per link of the chain of $industry, in chain order, with how many enterprises work in it in the scope
-- (a county, a city, a region group or the province) and in the whole province:
-- link_id, stage (上游/中游/下游), name, position, local (enterprises in the scope), local_honoured (of them, holding
-- an honour by $year), province (enterprises in Anhui), local_total / province_total (all enterprises of the
-- chain's links in the scope / the province).
-- $industry: varchar; $year: integer; $region, $city: as the sidebar (null for all); $adcode: a county or null.
with link as (
    select l.link_id, l.stage, l.name, l.position
    from chain_links as l
    join chains as ch using (chain_id)
    where ch.industry = $industry
),
firm as (
    select e.uscc, e.link_id,
           ($region::varchar is null or county.region = $region)
           and ($city::varchar is null or county.city_adcode = $city)
           and ($adcode::varchar is null or e.adcode = $adcode) as local,
           exists (select 1 from enterprise_honours as h where h.uscc = e.uscc and h.year <= $year) as honoured
    from enterprises as e
    join regions as county on county.adcode = e.adcode
    where e.link_id in (select link_id from link)
),
counted as (
    select link_id,
           count(*) filter (where local) as local,
           count(*) filter (where local and honoured) as local_honoured,
           count(*) as province
    from firm
    group by link_id
)
select link.*, coalesce(counted.local, 0) as local, coalesce(counted.local_honoured, 0) as local_honoured,
       coalesce(counted.province, 0) as province,
       sum(coalesce(counted.local, 0)) over () as local_total,
       sum(coalesce(counted.province, 0)) over () as province_total
from link
left join counted using (link_id)
order by case link.stage when '上游' then 0 when '中游' then 1 else 2 end, link.position
