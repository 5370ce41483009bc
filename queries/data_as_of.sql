-- How fresh the published data is, per upload kind ('集群年度数据', '企业名录', '项目库', '人才库'): the latest year of its data
-- (data_year), and of its confirmed batches (not rolled back) the latest year (batch_year), the time of the last
-- confirmation (confirmed_at), its batch_id, and the number of counties with a confirmed batch of that year
-- (counties); demo (whether any row of that kind on show is 示例生成). No parameters.
with kinds (kind) as (values ('集群年度数据'), ('企业名录'), ('项目库'), ('人才库')),
confirmed as (
    select kind, max(year) as batch_year, max(updated_at) as confirmed_at, max(batch_id) as batch_id
    from batches where status = '已确认' group by kind
),
latest as (
    select c.kind, count(distinct b.adcode) as counties
    from confirmed as c join batches as b on b.kind = c.kind and b.year = c.batch_year and b.status = '已确认'
    group by c.kind
)
select k.kind,
       case k.kind
           when '集群年度数据' then (select max(year) from cluster_figures)
           when '项目库' then (select max(extract(year from coalesce(producing_on, started_on, signed_on))) from projects)
           when '人才库' then (select max(year) from talents)
           else (select max(year) from enterprise_honours)
       end as data_year,
       c.batch_year, c.confirmed_at, c.batch_id, coalesce(l.counties, 0) as counties,
       case k.kind
           when '集群年度数据' then exists (
               select 1 from cluster_figures as f join sources as s using (source_id) where s.kind = '示例生成')
           when '项目库' then exists (
               select 1 from projects as p join sources as s using (source_id) where s.kind = '示例生成')
           when '人才库' then exists (
               select 1 from talents as t join sources as s using (source_id) where s.kind = '示例生成')
           else exists (select 1 from enterprises as e join sources as s using (source_id) where s.kind = '示例生成')
       end as demo
from kinds as k
left join confirmed as c using (kind)
left join latest as l using (kind)
order by k.kind desc
