-- The talents and teams of a batch as the diff compares them. $batch_id: integer.
select name, kind, cluster_name, industry, field, level, program, year, employer, employer_uscc, members
from batch_talents where batch_id = $batch_id order by row_number
