-- Accounts, the yearly upload workflow (县申报 → 市审核 → 省确认) and its audit log.
-- Passwords are stored only as argon2 hashes (accounts.py). A batch is one uploaded file for one county, year and
-- kind; its rows wait in batch_* tables until the province confirms it, when they replace the county's live rows
-- in one transaction and the rows they replaced are kept in snapshot_* tables, so that the batch can be rolled back.

create table users (
    username varchar primary key,
    display_name varchar not null,
    role varchar not null check (role in ('省级管理员', '省级审核', '市级审核', '县级填报', '浏览')),
    adcode varchar,                    -- the city of a 市级审核, the county of a 县级填报, else null
    password_hash varchar not null,
    disabled boolean not null default false,
    must_change_password boolean not null default true,
    failed_logins integer not null default 0,
    locked_until timestamp,            -- repeated failed logins lock the account until then
    created_at timestamp not null,
    password_changed_at timestamp not null
);

create sequence batch_ids start 1;
create table batches (
    batch_id integer primary key default nextval('batch_ids'),
    kind varchar not null check (kind in ('集群年度数据', '企业名录')),
    year integer not null,
    adcode varchar not null,           -- the county the batch is for
    status varchar not null check (status in ('已提交', '市级退回', '市级通过', '省级退回', '已确认', '已回滚', '已撤回')),
    file_name varchar not null,
    file_sha256 varchar not null,
    row_count integer not null,
    submitted_by varchar not null,
    submitted_at timestamp not null,
    updated_at timestamp not null,
    comment varchar,                   -- the last reviewer's comment (a return says why)
    source_id varchar                  -- the 上报数据 source its rows carry once confirmed
);

create sequence audit_ids start 1;
create table audit_log (
    event_id integer primary key default nextval('audit_ids'),
    happened_at timestamp not null,
    username varchar not null,
    action varchar not null,           -- 登录 / 登录失败 / 提交 / 市级通过 / 市级退回 / 省级确认 / 省级退回 / 回滚 / 用户… / 导出全库 / 恢复全库
    batch_id integer,
    adcode varchar,
    year integer,
    file_name varchar,
    file_sha256 varchar,
    detail varchar
);

-- A 集群年度数据 batch: the county's clusters that year with their figures.
create table batch_clusters (
    batch_id integer not null,
    row_number integer not null,       -- the row in the uploaded sheet (for messages)
    name varchar not null,
    industry varchar not null,
    is_leading boolean not null,
    level varchar not null,
    recognised_year integer not null,
    has_management_body boolean not null,
    has_public_brand boolean not null,
    has_association boolean not null,
    has_rd_center boolean not null,
    has_full_chain boolean not null,
    primary key (batch_id, name)
);
create table batch_cluster_figures (
    batch_id integer not null,
    cluster_name varchar not null,
    indicator varchar not null,
    value double precision not null,
    primary key (batch_id, cluster_name, indicator)
);

-- A 企业名录 batch: the county's enterprises (all of them: the list replaces the previous one) and their honours.
create table batch_enterprises (
    batch_id integer not null,
    row_number integer not null,
    uscc varchar not null,
    name varchar not null,
    cluster_name varchar,
    industry varchar not null,
    link_id varchar,
    revenue double precision,
    above_scale boolean not null,
    lon double precision,              -- WGS-84 (GCJ-02 uploads are converted)
    lat double precision,
    primary key (batch_id, uscc)
);
create table batch_enterprise_honours (
    batch_id integer not null,
    uscc varchar not null,
    honour varchar not null,
    year integer not null,
    primary key (batch_id, uscc, honour)
);

-- What a confirmation replaced, by the batch that replaced it: a rollback puts these rows back.
create table snapshot_clusters as select 0::integer as batch_id, * from clusters limit 0;
create table snapshot_cluster_figures as select 0::integer as batch_id, * from cluster_figures limit 0;
create table snapshot_leading_industries as select 0::integer as batch_id, * from leading_industries limit 0;
create table snapshot_enterprises as select 0::integer as batch_id, * from enterprises limit 0;
create table snapshot_enterprise_honours as select 0::integer as batch_id, * from enterprise_honours limit 0;
