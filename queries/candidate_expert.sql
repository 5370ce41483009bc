-- A candidate's 专家评审分. $campaign_id: integer; $cluster_id, $username: varchar; $score: double.
update campaign_candidates set expert_score = $score, expert_by = $username
where campaign_id = $campaign_id and cluster_id = $cluster_id
