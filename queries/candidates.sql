-- The candidates of a campaign, by ranking once frozen (else by city and county): campaign_id, cluster_id, name,
-- industry, level, adcode, county, city_adcode, city, region, pool_status, note, recommended_by, recommender (display
-- name), recommended_at, expert_score, expert_by, race_score, race_year, combined, ranking, shortlisted, outcome,
-- level_before. $campaign_id: integer.
select k.campaign_id, k.cluster_id, c.name, c.industry, c.level, c.adcode, county.name as county, k.city_adcode,
       city.name as city, county.region, p.status as pool_status, k.note, k.recommended_by,
       coalesce(u.display_name, k.recommended_by) as recommender, k.recommended_at, k.expert_score, k.expert_by,
       k.race_score, k.race_year, k.combined, k.ranking, k.shortlisted, k.outcome, k.level_before
from campaign_candidates as k
join clusters as c on c.cluster_id = k.cluster_id
join regions as county on county.adcode = c.adcode
join regions as city on city.adcode = k.city_adcode
left join pool as p on p.cluster_id = k.cluster_id
left join users as u on u.username = k.recommended_by
where k.campaign_id = $campaign_id
order by k.ranking nulls last, k.city_adcode, c.adcode, c.name
