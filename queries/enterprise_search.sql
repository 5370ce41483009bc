-- One page of the enterprises matching a search: rows $offset+1 … $offset+$limit in the list's order (best match
-- first — queries/enterprise_match_rank.sql — then largest revenue first, ties by uscc). The filters
-- are the conditions of queries/enterprise_where.sql for the parameters given, evaluated once for the page and
-- the count, on the in-memory search index (queries/search_index.sql).
-- uscc, name, county, city, region, adcode, industry, stage, link (chain link), cluster (name), revenue (亿元),
-- above_scale, lon, lat, honours (held by $year, '、'-joined in vocabulary order), source_kind,
-- matches (the number of enterprises matching, all pages).
-- $year: integer; $limit, $offset: integers; the filters of enterprise_where.sql (absent or null: not used).
with hits as materialized (
    select e.pos, /* match_rank */ as match_rank
    from search_index.enterprises as e
    where /* enterprise filters */
),
page as (
    select pos, match_rank from hits order by match_rank, pos limit $limit offset $offset
),
total as (
    select count(*) as matches from hits
)
select e.uscc, e.name, e.county, e.city, e.region, e.adcode, e.industry, e.stage, e.link, e.cluster, e.revenue,
       e.above_scale, e.lon, e.lat,
       array_to_string(list_transform(list_filter(e.held, lambda h: h.year <= $year), lambda h: h.honour), '、')
           as honours,
       e.source_kind, total.matches
from page
join search_index.enterprises as e using (pos)
cross join total
order by page.match_rank, page.pos
