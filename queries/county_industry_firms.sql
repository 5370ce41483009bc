-- The 名录 by county and industry: adcode, industry, firms, revenue (亿元, the firms' latest revenue summed; firms
-- without one count as 0). For strong clusters, stars and peer counties. No parameters.
select e.adcode, e.industry, count(*) as firms, coalesce(sum(e.revenue), 0) as revenue
from enterprises as e
group by e.adcode, e.industry
order by e.adcode, e.industry
