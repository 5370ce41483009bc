-- Enterprises matching a search, at most $limit: name matches before matches by pinyin initials only, then
-- largest revenue first. The filters are the conditions of queries/enterprise_where.sql for the parameters given.
-- uscc, name, county, city, region, adcode, industry, stage, link (chain link), cluster (name), revenue (亿元),
-- above_scale, lon, lat, honours (held by $year, '、'-joined in vocabulary order), source_kind,
-- matches (the number of enterprises matching, before the limit).
-- $year: integer; $limit: integer; the filters of enterprise_where.sql (absent or null: not used).
with page as (
    select e.uscc, e.name, e.adcode, e.cluster_id, e.industry, e.link_id, e.revenue, e.above_scale, e.lon, e.lat,
           e.source_id, /* by_initials */ as by_initials
    from enterprises as e
    where /* enterprise filters */
    order by by_initials, e.revenue desc nulls last, e.uscc
    limit $limit
),
total as (
    select count(*) as matches from enterprises as e where /* enterprise filters */
),
held as (
    select h.uscc, string_agg(h.honour, '、' order by honours.position) as honours
    from enterprise_honours as h
    join honours using (honour)
    where h.year <= $year and h.uscc in (select uscc from page)
    group by h.uscc
)
select page.uscc, page.name, county.name as county, city.name as city, county.region, page.adcode, page.industry,
       l.stage, l.name as link, c.name as cluster, page.revenue, page.above_scale, page.lon, page.lat,
       coalesce(held.honours, '') as honours, s.kind as source_kind, total.matches
from page
cross join total
join regions as county on county.adcode = page.adcode
join regions as city on city.adcode = county.city_adcode
left join chain_links as l using (link_id)
left join clusters as c using (cluster_id)
left join held using (uscc)
left join sources as s on s.source_id = page.source_id
order by page.by_initials, page.revenue desc nulls last, page.uscc
