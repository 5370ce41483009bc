-- Enterprises matching every given filter (a null parameter is no filter), largest revenue first, at most $limit:
-- uscc, name, county, city, region, adcode, industry, stage, link (chain link), cluster (name), revenue (亿元),
-- above_scale, lon, lat, honours (held by $year, '、'-joined in vocabulary order), source_kind,
-- matches (the number of enterprises matching, before the limit).
-- $year: integer (an honour counts once held by that year); $region: '皖北'/'皖中'/'皖南'; $city: city adcode;
-- $adcodes: list of county adcodes; $cluster: cluster_id; $member: true (in a cluster) / false (outside);
-- $honours: list of honours (any of them); $industry; $link: link_id;
-- $text: part of the name, or a whole 统一社会信用代码; $limit: integer.
with hit as (
    select e.*, county.name as county, city.name as city, county.region
    from enterprises as e
    join regions as county on county.adcode = e.adcode
    join regions as city on city.adcode = county.city_adcode
    where ($region::varchar is null or county.region = $region)
      and ($city::varchar is null or county.city_adcode = $city)
      and ($adcodes::varchar[] is null or list_contains($adcodes::varchar[], e.adcode))
      and ($cluster::varchar is null or e.cluster_id = $cluster)
      and ($member::boolean is null or (e.cluster_id is not null) = $member)
      and ($industry::varchar is null or e.industry = $industry)
      and ($link::varchar is null or e.link_id = $link)
      and ($text::varchar is null or contains(e.name, $text) or upper(e.uscc) = upper($text))
      and ($honours::varchar[] is null or e.uscc in (
          select uscc from enterprise_honours
          where list_contains($honours::varchar[], honour) and year <= $year))
),
page as (
    select *, count(*) over () as matches
    from hit
    order by revenue desc nulls last, uscc
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
order by page.revenue desc nulls last, page.uscc
