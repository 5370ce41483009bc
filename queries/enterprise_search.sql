-- Enterprises matching a search (see the macro enterprise_hits, migration 0005, for every filter), at most $limit:
-- name matches before matches by pinyin initials, then largest revenue first.
-- uscc, name, county, city, region, adcode, industry, stage, link (chain link), cluster (name), revenue (亿元),
-- above_scale, lon, lat, honours (held by $year, '、'-joined in vocabulary order), source_kind,
-- matches (the number of enterprises matching, before the limit).
-- $year, $region, $city, $adcodes, $cluster, $member, $honours, $industry, $link, $text, $initials,
-- $revenue_min, $revenue_max: the macro's filters; $limit: integer.
with page as (
    select *, count(*) over () as matches
    from enterprise_hits($year, $region, $city, $adcodes, $cluster, $member, $honours, $industry, $link, $text,
                         $initials, $revenue_min, $revenue_max)
    order by by_initials, revenue desc nulls last, uscc
    limit $limit
),
held as (
    select h.uscc, string_agg(h.honour, '、' order by honours.position) as honours
    from enterprise_honours as h
    join honours using (honour)
    where h.year <= $year and h.uscc in (select uscc from page)
    group by h.uscc
)
select page.uscc, page.name, page.county, page.city, page.region, page.adcode, page.industry,
       l.stage, l.name as link, c.name as cluster, page.revenue, page.above_scale, page.lon, page.lat,
       coalesce(held.honours, '') as honours, s.kind as source_kind, page.matches
from page
left join chain_links as l using (link_id)
left join clusters as c using (cluster_id)
left join held using (uscc)
left join sources as s on s.source_id = page.source_id
order by page.by_initials, page.revenue desc nulls last, page.uscc
