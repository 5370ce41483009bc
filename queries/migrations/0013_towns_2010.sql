-- The 2010 baseline of seed 003 (安徽省“十二五”产业集群专业镇发展规划): the 100 省认定产业集群专业镇 counted by city
-- (its table, in 2010's cities: 巢湖 was a city until 2011), the towns its text names with their industries (the
-- document does not list all 100), and its 2010 figures and 2015 targets. Filled from data/towns_2010*.csv
-- (data/towns_2010.py) with the demo data and, in a store upgraded from before this migration, on its next start.

create table towns_2010_cities (
    city_2010 varchar primary key,
    region varchar not null check (region in ('皖北', '皖中', '皖南')),
    towns integer not null,
    position integer not null,         -- the city's place in the document's table, within its region
    source_id varchar not null
);

create table towns_2010 (
    town varchar not null,
    county_2010 varchar,               -- as in 2010 (芜湖县, 居巢区 …); null where the document names none
    city_2010 varchar not null,
    adcode varchar,                    -- today's county-level unit; null where it cannot be told
    industry varchar not null,         -- as the document words it
    lineage varchar,                   -- today's industries that continue it, "|"-separated; null: none
    section varchar not null,          -- where the document names the town: 一(一), 三(四)1 …
    note varchar,
    source_id varchar not null,
    primary key (city_2010, town)
);

create table towns_2010_figures (
    key varchar not null,
    year integer not null,
    kind varchar not null check (kind in ('2010实际', '2015目标')),
    value double precision not null,
    unit varchar not null,
    label varchar not null,
    wording varchar not null,          -- the document's words
    source_id varchar not null,
    primary key (key, year)
);
