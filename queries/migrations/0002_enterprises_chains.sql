-- Enterprises with their honours, and industrial chains with their links (上游/中游/下游).

create table chains (
    chain_id varchar primary key,
    name varchar not null,
    industry varchar not null unique
);

create table chain_links (
    link_id varchar primary key,
    chain_id varchar not null,
    stage varchar not null check (stage in ('上游', '中游', '下游')),
    name varchar not null,
    position integer not null
);

create table honours (
    honour varchar primary key,
    position integer not null
);

create table enterprises (
    uscc varchar primary key,          -- 统一社会信用代码 (GB 32100-2015)
    name varchar not null,
    adcode varchar not null,
    cluster_id varchar,                -- null: not a member of any recorded cluster
    industry varchar not null,
    link_id varchar,
    revenue double precision,          -- 营业收入, 亿元, latest year
    lon double precision,              -- WGS-84
    lat double precision,
    source_id varchar not null
);

create table enterprise_honours (
    uscc varchar not null,
    honour varchar not null,
    year integer not null,             -- first year the enterprise held the honour
    primary key (uscc, honour)
);
