-- A city's recommendation of a pool cluster to a campaign. $campaign_id: integer; $cluster_id, $city_adcode, $note,
-- $username: varchar; $now: timestamp.
insert into campaign_candidates (campaign_id, cluster_id, city_adcode, note, recommended_by, recommended_at)
values ($campaign_id, $cluster_id, $city_adcode, $note, $username, $now)
