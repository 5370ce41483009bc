-- The campaigns that have recognised a cluster in a year: campaign_id. $cluster_id: varchar; $year: integer.
select k.campaign_id from campaign_candidates as k
join campaigns as c on c.campaign_id = k.campaign_id
where k.cluster_id = $cluster_id and c.year = $year and k.outcome = '省级认定'
