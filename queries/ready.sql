-- Whether the store answers (GET /readyz): one row, counties (the number of county-level units, 104 on a loaded
-- store). No parameters.
select count(*) as counties from regions where level = '区县'
