-- What the 2030/2025 targets of seeds 001 and 002 and the R&D rule of seed 000 need (issue 20, item 4):
-- two yes/no flags of a cluster, reported with its yearly data (集群年度数据: 示范基地, 市场占有率较高; absent in a
-- file = 否), and the province-wide figures the administrator enters with their source (e.g. 全省规上工业企业研发
-- 投入强度 of a year, which the store cannot compute from clusters).

alter table clusters add column is_demo_base boolean default false;          -- 省级新质生产力产业基地示范 (002)
alter table clusters add column high_market_share boolean default false;     -- 全国市场占有率、美誉度较高 (001)
update clusters set is_demo_base = false where is_demo_base is null;
update clusters set high_market_share = false where high_market_share is null;
alter table batch_clusters add column is_demo_base boolean default false;
alter table batch_clusters add column high_market_share boolean default false;
-- (snapshot_clusters mirrors clusters column by column: publish_snapshot_clusters copies "*")
alter table snapshot_clusters add column is_demo_base boolean default false;
alter table snapshot_clusters add column high_market_share boolean default false;

create table province_figures (
    indicator varchar not null,        -- rd_intensity_above_scale: 全省规上工业企业研发投入强度 (%)
    year integer not null,
    value double precision not null,
    unit varchar not null,
    source varchar not null,           -- the publication it is taken from (统计公报, 统计年鉴 …)
    saved_by varchar not null,
    saved_at timestamp not null,
    primary key (indicator, year)
);
