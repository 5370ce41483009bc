-- A candidate's scores and place as they went to 公示. $campaign_id, $race_year, $ranking: integer (race_year may be
-- null); $cluster_id: varchar; $race_score, $combined: double or null; $shortlisted: boolean.
update campaign_candidates set race_score = $race_score, race_year = $race_year, combined = $combined,
                               ranking = $ranking, shortlisted = $shortlisted
where campaign_id = $campaign_id and cluster_id = $cluster_id
