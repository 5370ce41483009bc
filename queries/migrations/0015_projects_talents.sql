-- 项目库 and 人才库 (issue 21, items 1 and 2; seed 000 §二(二)3–4 and §四(一) 一图三库). A county's projects — 招商引资,
-- 重大项目 and 重点技改 — with the cluster, industry and chain link they serve, the investment, the enterprise where
-- known, and their stage (线索 → 洽谈 → 签约 → 开工 → 投产) with its dates; and its talents and teams of a 人才计划 with
-- their field, level, year, employer and cluster. Each is an upload kind through 县申报 → 市审核 → 省确认: a confirmed
-- batch replaces the county's rows (kept in snapshot_* for a rollback). Talents' names are personal data: the app
-- shows them only to the roles that handle them (records/talents.py); everyone else sees counts.

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

create table talents (
    adcode varchar not null,
    name varchar not null,             -- a person's name or a team's: unique within the county
    kind varchar not null check (kind in ('个人', '团队')),
    cluster_id varchar,                -- the county's cluster it works for (by name at publication), or null
    industry varchar not null,
    field varchar,                     -- 专业领域
    level varchar not null check (level in ('国家级', '省级', '市级', '县级')),  -- of the 人才计划
    program varchar,                   -- the 人才计划's name
    year integer not null,             -- 入选年份
    employer varchar,
    employer_uscc varchar,
    members integer,                   -- a team's size
    source_id varchar not null,
    primary key (adcode, name)
);
create table batch_talents (
    batch_id integer not null,
    row_number integer not null,
    name varchar not null,
    kind varchar not null,
    cluster_name varchar,
    industry varchar not null,
    field varchar,
    level varchar not null,
    program varchar,
    year integer not null,
    employer varchar,
    employer_uscc varchar,
    members integer,
    primary key (batch_id, name)
);
create table snapshot_talents as select 0::integer as batch_id, * from talents limit 0;

-- batches.kind admits the new kinds. DuckDB cannot drop a CHECK constraint: the table is rebuilt as it was, with
-- its rows and its sequence (nothing references it by key).
-- [duckdb]
create table batches_rebuilt (
    batch_id integer primary key default nextval('batch_ids'),
    kind varchar not null check (kind in ('集群年度数据', '企业名录', '项目库', '人才库')),
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
alter table batches add constraint batches_kind_check check (kind in ('集群年度数据', '企业名录', '项目库', '人才库'));
-- [all]
