-- 项目库 (issue 21, item 1; seed 000 §二(二)3–4 and §四(一)): a county's projects — 招商引资, 重大项目 and 重点技改 —
-- with the cluster, industry and chain link they serve, the investment, the enterprise where known, and their stage
-- (线索 → 洽谈 → 签约 → 开工 → 投产) with its dates. Filed as a third upload kind, 项目库, through 县申报 → 市审核 →
-- 省确认: a confirmed batch replaces the county's projects (kept in snapshot_projects for a rollback).

create table projects (
    adcode varchar not null,
    name varchar not null,             -- unique within the county
    cluster_id varchar,                -- the county's cluster it serves (by name at publication), or null
    industry varchar not null,
    link_id varchar,                   -- the chain link it fills, or null
    kind varchar not null check (kind in ('招商引资', '重大项目', '重点技改')),
    investment double precision not null,  -- 计划总投资, 亿元
    uscc varchar,                      -- the enterprise (统一社会信用代码), where known; it need not be in the 名录
    stage varchar not null check (stage in ('线索', '洽谈', '签约', '开工', '投产')),
    signed_on date,
    started_on date,
    producing_on date,
    unit varchar,                      -- 责任单位
    source_id varchar not null,
    primary key (adcode, name)
);
create table batch_projects (
    batch_id integer not null,
    row_number integer not null,
    name varchar not null,
    cluster_name varchar,
    industry varchar not null,
    link_id varchar,
    kind varchar not null,
    investment double precision not null,
    uscc varchar,
    stage varchar not null,
    signed_on date,
    started_on date,
    producing_on date,
    unit varchar,
    primary key (batch_id, name)
);
create table snapshot_projects as select 0::integer as batch_id, * from projects limit 0;

-- batches.kind admits the new kind. DuckDB cannot drop a CHECK constraint: the table is rebuilt as it was, with
-- its rows and its sequence (nothing references it by key).
-- [duckdb]
create table batches_rebuilt (
    batch_id integer primary key default nextval('batch_ids'),
    kind varchar not null check (kind in ('集群年度数据', '企业名录', '项目库')),
    year integer not null,
    adcode varchar not null,
    status varchar not null check (status in ('已提交', '市级退回', '市级通过', '省级退回', '已确认', '已回滚', '已撤回')),
    file_name varchar not null,
    file_sha256 varchar not null,
    row_count integer not null,
    submitted_by varchar not null,
    submitted_at timestamp not null,
    updated_at timestamp not null,
    comment varchar,
    source_id varchar
);
insert into batches_rebuilt select * from batches;
drop table batches;
alter table batches_rebuilt rename to batches;
-- [postgresql]
alter table batches drop constraint batches_kind_check;
alter table batches add constraint batches_kind_check check (kind in ('集群年度数据', '企业名录', '项目库'));
-- [all]
