-- A new yearly 认定 campaign (申报中); returns campaign_id. $year, $quota: integer; $title, $opened_by: varchar;
-- $notice_on, $deadline: date; $industries, $regions: varchar or null ("、"-separated; null = all); $now: timestamp.
insert into campaigns (year, title, notice_on, deadline, quota, industries, regions, status, opened_by, opened_at)
values ($year, $title, $notice_on, $deadline, $quota, $industries, $regions, '申报中', $opened_by, $now)
returning campaign_id
