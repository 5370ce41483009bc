-- A candidate's outcome when the list is 确定. $campaign_id: integer; $cluster_id, $outcome: varchar; $level_before:
-- varchar or null.
update campaign_candidates set outcome = $outcome, level_before = $level_before
where campaign_id = $campaign_id and cluster_id = $cluster_id
