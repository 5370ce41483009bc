-- Enterprise search: pinyin initials of names (filled by data.pinyin.backfill), and the one definition of which
-- enterprises a search matches, shared by the list, the map points and the map's aggregated cells.
alter table enterprises add column name_initials varchar;      -- "无为华鑫电缆有限公司" → "wwhxdlyxgs"
alter table enterprises add column name_initials_alt varchar;  -- with the other reading of 长/重/行…, else null

-- [duckdb] (a DuckDB table macro; the PostgreSQL store never had it)
-- Parameters (q_ + name; a null one is no filter): year: an honour counts once held by that year; region: 皖北/皖中/皖南;
-- city: city adcode; adcodes: list of county adcodes; cluster: cluster_id; member: true (in a cluster) / false;
-- honours: list (any of them); industry; link: link_id; text: part of the name, pinyin initials in order
-- ("wwdl"), or a whole 统一社会信用代码; initials: the LIKE pattern of text as initials (null if text is not
-- Latin letters); revenue_min / revenue_max: 亿元, inclusive.
create or replace macro enterprise_hits(q_year, q_region, q_city, q_adcodes, q_cluster, q_member, q_honours,
                                        q_industry, q_link, q_text, q_initials, q_revenue_min, q_revenue_max) as table
    select e.*, county.name as county, city_region.name as city, county.region, county.city_adcode,
           (q_text is not null and q_initials is not null and not contains(e.name, q_text)) as by_initials
    from enterprises as e
    join regions as county on county.adcode = e.adcode
    join regions as city_region on city_region.adcode = county.city_adcode
    where (q_region::varchar is null or county.region = q_region)
      and (q_city::varchar is null or county.city_adcode = q_city)
      and (q_adcodes::varchar[] is null or list_contains(q_adcodes::varchar[], e.adcode))
      and (q_cluster::varchar is null or e.cluster_id = q_cluster)
      and (q_member::boolean is null or (e.cluster_id is not null) = q_member)
      and (q_industry::varchar is null or e.industry = q_industry)
      and (q_link::varchar is null or e.link_id = q_link)
      and (q_revenue_min::double is null or e.revenue >= q_revenue_min)
      and (q_revenue_max::double is null or e.revenue <= q_revenue_max)
      and (q_text::varchar is null
           or contains(e.name, q_text)
           or upper(e.uscc) = upper(q_text)
           or (q_initials::varchar is not null
               and (e.name_initials like q_initials or e.name_initials_alt like q_initials)))
      and (q_honours::varchar[] is null or e.uscc in (
          select h.uscc from enterprise_honours as h
          where list_contains(q_honours::varchar[], h.honour) and h.year <= q_year));
