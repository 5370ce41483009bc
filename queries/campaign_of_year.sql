-- The 认定 campaign of a year, if any: campaign_id, status. $year: integer.
select campaign_id, status from campaigns where year = $year
