-- One row per scope and honour (all nine, zero included) for a year. Scopes: the province, each region
-- (皖北/皖中/皖南), each city and each county-level unit (104).
-- level ('省' | '区域' | '市' | '县区'), code (adcode, or the region's name; '340000' for the province), name,
-- city_adcode, region, kind (county kind; null above county level), honour, position (vocabulary order),
-- enterprises (holding the honour by $year; an enterprise with two honours counts once under each),
-- in_clusters (of them, members of a recorded cluster), published / generated (of them, honour records whose source
-- is 公开报道 / 示例生成; the rest are 上报数据), previous (holding it by $year − 1),
-- firms (规上企业 in the 名录), listed (all firms in the 名录).
-- $year: integer.
with county as (
    select r.adcode, r.name, r.city_adcode, city.name as city, r.region, r.kind
    from regions as r
    join regions as city on city.adcode = r.city_adcode and city.level = '市'
    where r.level = '区县'
),
firm as (
    select adcode, count(*) filter (where above_scale) as firms, count(*) as listed
    from enterprises
    group by adcode
),
held as (
    select e.adcode, h.honour,
           count(*) filter (where h.year <= $year) as enterprises,
           count(e.cluster_id) filter (where h.year <= $year) as in_clusters,
           count(*) filter (where h.year <= $year and s.kind = '公开报道') as published,
           count(*) filter (where h.year <= $year and s.kind = '示例生成') as generated,
           count(*) filter (where h.year < $year) as previous
    from enterprise_honours as h
    join enterprises as e using (uscc)
    join sources as s on s.source_id = h.source_id
    group by e.adcode, h.honour
),
grid as (
    select county.*, honours.honour, honours.position,
           coalesce(held.enterprises, 0) as enterprises,
           coalesce(held.in_clusters, 0) as in_clusters,
           coalesce(held.published, 0) as published,
           coalesce(held.generated, 0) as generated,
           coalesce(held.previous, 0) as previous,
           coalesce(firm.firms, 0) as firms,
           coalesce(firm.listed, 0) as listed
    from county
    cross join honours
    left join held on held.adcode = county.adcode and held.honour = honours.honour
    left join firm on firm.adcode = county.adcode
),
rolled as (
    select adcode, name, city_adcode, city, region, kind, honour, position,
           grouping(adcode) as no_county, grouping(city_adcode) as no_city, grouping(region) as no_region,
           sum(enterprises)::bigint as enterprises, sum(in_clusters)::bigint as in_clusters,
           sum(published)::bigint as published, sum(generated)::bigint as generated,
           sum(previous)::bigint as previous,
           sum(firms)::bigint as firms, sum(listed)::bigint as listed
    from grid
    group by grouping sets (
        (honour, position),
        (region, honour, position),
        (region, city_adcode, city, honour, position),
        (region, city_adcode, city, adcode, name, kind, honour, position)
    )
)
select case when not no_county then '县区' when not no_city then '市' when not no_region then '区域' else '省' end
           as level,
       case when not no_county then adcode when not no_city then city_adcode when not no_region then region
            else '340000' end as code,
       case when not no_county then name when not no_city then city when not no_region then region
            else '安徽省' end as name,
       city_adcode, region, kind, honour, position, enterprises, in_clusters, published, generated, previous,
       firms, listed
from rolled
order by no_region desc, no_city desc, no_county desc, code, position
