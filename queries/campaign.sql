-- One 认定 campaign: every column of campaigns. $campaign_id: integer.
select * from campaigns where campaign_id = $campaign_id
