-- A campaign's list is 确定. $campaign_id: integer; $username: varchar; $now: timestamp; $reference: varchar or null.
update campaigns set status = '已确定', confirmed_by = $username, confirmed_at = $now, reference = $reference
where campaign_id = $campaign_id
