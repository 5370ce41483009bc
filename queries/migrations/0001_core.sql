-- Core schema: regions, sources (provenance), clusters, their yearly figures, policy targets.
-- Figures are stored long (one row per cluster, year and indicator) so that every value carries its own
-- provenance and new indicators need no migration.

create table meta (
    key varchar primary key,
    value varchar not null
);

create table sources (
    source_id varchar primary key,
    kind varchar not null check (kind in ('公开报道', '示例生成', '上报数据')),
    title varchar not null,
    detail varchar
);

create table regions (
    adcode varchar primary key,
    name varchar not null,
    level varchar not null check (level in ('省', '市', '区县')),
    city_adcode varchar,
    region varchar check (region in ('皖北', '皖中', '皖南')),
    kind varchar check (kind in ('省', '地级市', '市辖区', '县级市', '县'))
);

-- 首位产业 declared by each county for a year (县申报、市审核、省确认).
create table leading_industries (
    adcode varchar not null,
    year integer not null,
    industry varchar not null,
    source_id varchar not null,
    primary key (adcode, year)
);

create table clusters (
    cluster_id varchar primary key,
    adcode varchar not null,
    name varchar not null,
    industry varchar not null,
    is_leading boolean not null,
    level varchar not null check (level in ('国家级', '省级', '市级', '县级')),
    recognised_year integer not null,
    -- 五个一 (seed 001): one yes/no each
    has_management_body boolean not null,
    has_public_brand boolean not null,
    has_association boolean not null,
    has_rd_center boolean not null,
    has_full_chain boolean not null
);

create table indicators (
    indicator varchar primary key,
    label varchar not null,
    unit varchar not null,
    position integer not null
);

create table cluster_figures (
    cluster_id varchar not null,
    year integer not null,
    indicator varchar not null,
    value double precision not null,
    source_id varchar not null,
    primary key (cluster_id, year, indicator)
);

create table targets (
    target_id varchar primary key,
    year integer not null,
    metric varchar not null,
    value double precision not null,
    unit varchar not null,
    wording varchar not null,
    source_doc varchar not null,       -- seed number: 000 … 004
    source_title varchar not null
);

-- Revenue band of the policy documents (亿元, lower bounds inclusive: exactly 100 is 百亿级).
-- [duckdb]
create macro tier(revenue) as
    case
        when revenue >= 1000 then '千亿级'
        when revenue >= 500 then '500亿级'
        when revenue >= 300 then '300–500亿级'
        when revenue >= 100 then '百亿级'
        else '百亿以下'
    end;
-- [postgresql]
create function tier(revenue double precision) returns varchar language sql immutable as $$
    select case
        when revenue >= 1000 then '千亿级'
        when revenue >= 500 then '500亿级'
        when revenue >= 300 then '300–500亿级'
        when revenue >= 100 then '百亿级'
        else '百亿以下'
    end
$$;
-- [all]
