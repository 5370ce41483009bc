-- A campaign's 入围名单 goes to 公示: its days, and the configuration and weights the ranking was frozen with.
-- $campaign_id, $config_version: integer; $race_weight, $expert_weight: double; $start, $end: date.
update campaigns set status = '公示中', config_version = $config_version, race_weight = $race_weight,
                     expert_weight = $expert_weight, publicity_start = $start, publicity_end = $end
where campaign_id = $campaign_id
