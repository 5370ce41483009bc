-- The level a cluster had before its latest 认定 (null if it was never 认定 by a campaign): level_before.
-- $cluster_id: varchar.
select k.level_before from campaign_candidates as k
join campaigns as c on c.campaign_id = k.campaign_id
where k.cluster_id = $cluster_id and k.outcome = '省级认定'
order by c.year desc
limit 1
