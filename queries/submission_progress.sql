-- 报送进度 of a year: one row per county and kind with its latest batch: adcode, county, city_adcode, city, kind,
-- batch_id (null: nothing submitted), status ('未报送' when nothing), updated_at. $year: integer.
with kinds as (select unnest(['集群年度数据', '企业名录', '项目库', '人才库']) as kind),
latest as (
    select adcode, kind, arg_max(batch_id, batch_id) as batch_id
    from batches where year = $year group by adcode, kind
)
select county.adcode, county.name as county, county.city_adcode, city.name as city, kinds.kind, latest.batch_id,
       coalesce(b.status, '未报送') as status, b.updated_at
from regions as county
join regions as city on city.adcode = county.city_adcode
cross join kinds
left join latest on latest.adcode = county.adcode and latest.kind = kinds.kind
left join batches as b on b.batch_id = latest.batch_id
where county.level = '区县'
order by county.city_adcode, county.adcode, kinds.kind
