-- Where the cluster figures of a year in a scope come from, one row per source: kind ('公开报道' / '上报数据' /
-- '示例生成'), title (the document, or the confirmed batch), figures (how many of the scope's figures of $year it
-- gives), indicators (which, '、'-joined). $year: integer; $region: '皖北'/'皖中'/'皖南' or null; $city: city
-- adcode or null; $cluster: cluster_id or null (null: not filtered).
select s.kind, s.title, count(*) as figures,
       string_agg(distinct f.indicator, '、' order by f.indicator) as indicators
from cluster_figures as f
join clusters as c using (cluster_id)
join regions as r on r.adcode = c.adcode
join sources as s on s.source_id = f.source_id
where f.year = $year
  and ($region::varchar is null or r.region = $region)
  and ($city::varchar is null or r.city_adcode = $city)
  and ($cluster::varchar is null or f.cluster_id = $cluster)
group by s.kind, s.title
order by case s.kind when '公开报道' then 0 when '上报数据' then 1 else 2 end, figures desc, s.title
