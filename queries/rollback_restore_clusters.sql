-- Rollback of a 集群年度数据 batch, step 2: the clusters, figures and 首位产业 as they were before it.
-- $batch_id: integer.
insert into clusters (cluster_id, adcode, name, industry, is_leading, level, recognised_year, has_management_body,
                      has_public_brand, has_association, has_rd_center, has_full_chain, is_demo_base,
                      high_market_share)
select cluster_id, adcode, name, industry, is_leading, level, recognised_year, has_management_body,
       has_public_brand, has_association, has_rd_center, has_full_chain, is_demo_base, high_market_share
from snapshot_clusters where batch_id = $batch_id
on conflict (cluster_id) do update set
    adcode = excluded.adcode, name = excluded.name, industry = excluded.industry, is_leading = excluded.is_leading,
    level = excluded.level, recognised_year = excluded.recognised_year,
    has_management_body = excluded.has_management_body, has_public_brand = excluded.has_public_brand,
    has_association = excluded.has_association, has_rd_center = excluded.has_rd_center,
    has_full_chain = excluded.has_full_chain, is_demo_base = excluded.is_demo_base,
    high_market_share = excluded.high_market_share
