-- Every 认定 campaign, newest year first: every column of campaigns, and candidates (recommended), shortlisted and
-- recognised (counts). No parameters.
select c.*,
       (select count(*) from campaign_candidates as k where k.campaign_id = c.campaign_id) as candidates,
       (select count(*) from campaign_candidates as k where k.campaign_id = c.campaign_id and k.shortlisted)
           as shortlisted,
       (select count(*) from campaign_candidates as k
        where k.campaign_id = c.campaign_id and k.outcome = '省级认定') as recognised
from campaigns as c
order by c.year desc
