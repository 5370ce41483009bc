-- The latest saved 赛马评价 configuration (none: the file's version 1 applies): version, saved_at, saved_by, body.
select version, saved_at, saved_by, body from evaluation_configs order by version desc limit 1
