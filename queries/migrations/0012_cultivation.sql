-- The policy cycle of the seeds (records/cultivation.py, records/recognition.py, records/revocation.py):
-- the 培育库 of clusters (seed 000 §二(一)2 县申报、市审核、省确认; seed 004 第五条), the yearly 认定 campaign
-- (seed 004 第九、十条; seed 000 §三(三) 每年认定20个左右), its 公示 and objections, and 撤销 (seed 004 第十四条).

-- One row per cluster that has entered the pool: where it stands now. Its history is pool_events.
create table pool (
    cluster_id varchar primary key,
    adcode varchar not null,
    status varchar not null check (status in ('入库', '培育', '省级认定', '撤销', '退出')),
    entered_on date not null,          -- 省确认 of its entry
    updated_on date not null,          -- the last change of status
    reference varchar,                 -- the document of the last decision (文号, or the campaign / 撤销 number)
    source_id varchar not null         -- demo, or the application it entered by (pool-application-N)
);

create sequence pool_event_ids start 1;
create table pool_events (
    event_id integer primary key default nextval('pool_event_ids'),
    cluster_id varchar not null,
    happened_on date not null,
    username varchar not null,
    step varchar not null,             -- 县申报 / 市级通过 / 市级退回 / 入库 / 省级退回 / 培育 / 推荐 / 入围 / 省级认定 / 撤销提议 / 撤销 / 不予撤销 / 退出 / 回滚
    status varchar,                    -- the pool status after the step (null: unchanged)
    detail varchar,
    reference varchar
);

-- 县申报 → 市审核 → 省确认 of a cluster's entry into the pool (the same steps and roles as a data batch).
create sequence pool_application_ids start 1;
create table pool_applications (
    application_id integer primary key default nextval('pool_application_ids'),
    cluster_id varchar not null,
    adcode varchar not null,
    year integer not null,
    status varchar not null check (status in ('已提交', '市级退回', '市级通过', '省级退回', '已确认', '已撤回', '已回滚')),
    note varchar not null,             -- the county's case: the 首位产业 layout and its 培育方案
    submitted_by varchar not null,
    submitted_at timestamp not null,
    updated_at timestamp not null,
    comment varchar                    -- the last reviewer's comment (a return says why)
);

-- The yearly 认定 campaign, one per year (第九条 每年度评定一次).
create sequence campaign_ids start 1;
create table campaigns (
    campaign_id integer primary key default nextval('campaign_ids'),
    year integer not null unique,
    title varchar not null,
    notice_on date not null,           -- the 申报通知's date
    deadline date not null,            -- the cities' recommendations close at the end of this day
    quota integer not null,            -- about 20 a year (seed 000 §三(三))
    industries varchar,                -- the 申报范围 (第九条): industries, "、"-separated; null = all
    regions varchar,                   -- 皖北/皖中/皖南, "、"-separated; null = all
    status varchar not null check (status in ('申报中', '评审中', '公示中', '已确定')),
    opened_by varchar not null,
    opened_at timestamp not null,
    config_version integer,            -- the 赛马评价 configuration whose scores and weights were used (frozen at 公示)
    race_weight double precision,      -- the combined ranking's weights (frozen at 公示)
    expert_weight double precision,
    publicity_start date,              -- 公示 5 个工作日 (第十条(三))
    publicity_end date,
    confirmed_by varchar,
    confirmed_at timestamp,
    reference varchar                  -- the 文号 of the notice of the final list
);

create table campaign_candidates (
    campaign_id integer not null,
    cluster_id varchar not null,
    city_adcode varchar not null,
    note varchar not null,             -- the city's 推荐意见 (正式行文推荐)
    recommended_by varchar not null,
    recommended_at timestamp not null,
    expert_score double precision,     -- 专家评审, 0–100
    expert_by varchar,
    race_score double precision,       -- 定量指标得分 (赛马 total), frozen at 公示
    race_year integer,                 -- the year of the scores used
    combined double precision,         -- race_weight × race_score + expert_weight × expert_score, frozen at 公示
    ranking integer,
    shortlisted boolean not null default false,
    outcome varchar check (outcome in ('省级认定', '未入围', '异议成立')),
    level_before varchar,              -- the cluster's level before 认定 (put back by a later 撤销)
    primary key (campaign_id, cluster_id)
);

-- 撤销 (第十四条): proposal → 公示 → decision.
create sequence revocation_ids start 1;
create table revocations (
    revocation_id integer primary key default nextval('revocation_ids'),
    cluster_id varchar not null,
    grounds varchar not null check (grounds in ('连续两年未通过考核', '弄虚作假', '违反相关法律法规')),
    reason varchar not null,
    status varchar not null check (status in ('已提议', '公示中', '已撤销', '不予撤销')),
    proposed_on date not null,         -- the proposal's date (its document), not after the day it is recorded
    proposed_by varchar not null,
    proposed_at timestamp not null,
    publicity_start date,
    publicity_end date,
    decided_by varchar,
    decided_at timestamp,
    decision varchar,                  -- the decision's note
    level_before varchar,
    level_after varchar
);

-- Objections received during a 公示 (of a campaign's 入围名单 or of a 撤销), and how each was handled.
create sequence objection_ids start 1;
create table objections (
    objection_id integer primary key default nextval('objection_ids'),
    subject varchar not null check (subject in ('认定', '撤销')),
    subject_id integer not null,       -- campaign_id or revocation_id
    cluster_id varchar not null,
    received_on date not null,
    objector varchar not null,         -- as the objection was signed (may be 匿名)
    content varchar not null,
    recorded_by varchar not null,
    finding varchar check (finding in ('成立', '不成立')),  -- null until handled
    handling varchar,                  -- what was checked and found
    handled_by varchar
);
