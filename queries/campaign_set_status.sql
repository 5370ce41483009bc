-- A campaign's new status. $campaign_id: integer; $campaign_status: varchar.
update campaigns set status = $campaign_status where campaign_id = $campaign_id
