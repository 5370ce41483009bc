-- One row per county-level unit (104) for the chain of $industry: adcode, enterprises (working in one of the
-- chain's links), links (how many of its links they cover), chain_links (the chain's number of links).
-- $industry: varchar.
with link as (
    select l.link_id
    from chain_links as l
    join chains as ch using (chain_id)
    where ch.industry = $industry
),
firm as (
    select adcode, count(*) as enterprises, count(distinct link_id) as links
    from enterprises
    where link_id in (select link_id from link)
    group by adcode
),
final as (
    select r.adcode, coalesce(firm.enterprises, 0) as enterprises, coalesce(firm.links, 0) as links,
           (select count(*) from link) as chain_links
    from regions as r
    left join firm using (adcode)
    where r.level = '区县'
)
select * from final order by adcode
