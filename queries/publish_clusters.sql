-- A batch's clusters into the store: new ones added, existing ones (same county and name) updated. The ids come
-- from the registered frame cluster_ids (name, cluster_id). $batch_id: integer; $adcode: varchar.
insert into clusters (cluster_id, adcode, name, industry, is_leading, level, recognised_year, has_management_body,
                      has_public_brand, has_association, has_rd_center, has_full_chain, is_demo_base,
                      high_market_share)
select i.cluster_id, $adcode, b.name, b.industry, b.is_leading, b.level, b.recognised_year, b.has_management_body,
       b.has_public_brand, b.has_association, b.has_rd_center, b.has_full_chain, b.is_demo_base,
       b.high_market_share
from batch_clusters as b
join cluster_ids as i using (name)
where b.batch_id = $batch_id
on conflict (cluster_id) do update set
    adcode = excluded.adcode, name = excluded.name, industry = excluded.industry, is_leading = excluded.is_leading,
    level = excluded.level, recognised_year = excluded.recognised_year,
    has_management_body = excluded.has_management_body, has_public_brand = excluded.has_public_brand,
    has_association = excluded.has_association, has_rd_center = excluded.has_rd_center,
    has_full_chain = excluded.has_full_chain, is_demo_base = excluded.is_demo_base,
    high_market_share = excluded.high_market_share
