-- A recommendation withdrawn (while the campaign is 申报中). $campaign_id: integer; $cluster_id: varchar.
delete from campaign_candidates where campaign_id = $campaign_id and cluster_id = $cluster_id
