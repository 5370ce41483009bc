-- The 赛马评价 indicators of every cluster and year with a revenue figure (config/evaluation.toml names them):
-- cluster_id, year, name, adcode, county, city, industry, level, recognised_year, is_leading, revenue, firms_above_scale,
-- rd_intensity, platforms, profit (the cluster's figures), revenue_per_firm (revenue / 规上企业数), members
-- (enterprises of the cluster), listed, champions, little_giants, high_tech, srdi (members holding the honour by
-- that year), chain_local_share (% of the industry chain's links with an enterprise in the county), five_ones
-- (items done, 0–5) and the five 五个一 columns. Indicators with no data in the store (innovation_carriers,
-- standards) are not columns: they drop out of the scores.
with figures as (
    select * from cluster_figures_wide where revenue is not null
),
members as (
    select cluster_id, count(*) as members from enterprises where cluster_id is not null group by cluster_id
),
held as (
    select e.cluster_id, f.year,
           count(*) filter (where h.honour = '上市公司') as listed,
           count(*) filter (where h.honour = '制造业单项冠军') as champions,
           count(*) filter (where h.honour = '专精特新“小巨人”') as little_giants,
           count(*) filter (where h.honour = '国家高新技术企业') as high_tech,
           count(*) filter (where h.honour = '专精特新中小企业') as srdi
    from enterprise_honours as h
    join enterprises as e using (uscc)
    join figures as f on f.cluster_id = e.cluster_id and h.year <= f.year
    group by e.cluster_id, f.year
),
chain as (
    select c.cluster_id,
           100.0 * count(distinct e.link_id) / nullif(count(distinct l.link_id), 0) as chain_local_share
    from clusters as c
    join chains as ch on ch.industry = c.industry
    join chain_links as l on l.chain_id = ch.chain_id
    left join enterprises as e on e.link_id = l.link_id and e.adcode = c.adcode
    group by c.cluster_id
)
select f.cluster_id, f.year, c.name, c.adcode, county.name as county, city.name as city, c.industry, c.level,
       c.recognised_year, c.is_leading, f.revenue, f.firms_above_scale, f.rd_intensity, f.platforms, f.profit,
       f.revenue / nullif(f.firms_above_scale, 0) as revenue_per_firm,
       coalesce(m.members, 0) as members,
       coalesce(held.listed, 0) as listed, coalesce(held.champions, 0) as champions,
       coalesce(held.little_giants, 0) as little_giants, coalesce(held.high_tech, 0) as high_tech,
       coalesce(held.srdi, 0) as srdi,
       chain.chain_local_share,
       c.has_management_body::integer + c.has_public_brand::integer + c.has_association::integer
           + c.has_rd_center::integer + c.has_full_chain::integer as five_ones,
       c.has_management_body, c.has_public_brand, c.has_association, c.has_rd_center, c.has_full_chain
from figures as f
join clusters as c using (cluster_id)
join regions as county on county.adcode = c.adcode
join regions as city on city.adcode = county.city_adcode
left join members as m on m.cluster_id = f.cluster_id
left join held on held.cluster_id = f.cluster_id and held.year = f.year
left join chain on chain.cluster_id = f.cluster_id
order by f.year, f.cluster_id
