-- The projects of a batch as the diff compares them (dates as YYYY-MM-DD text). $batch_id: integer.
select name, cluster_name, industry, link_id, kind, investment, uscc, stage, cast(signed_on as varchar) as signed_on,
       cast(started_on as varchar) as started_on, cast(producing_on as varchar) as producing_on, unit
from batch_projects where batch_id = $batch_id order by row_number
