-- A new version of the 赛马评价 configuration. $version: integer; $saved_at: timestamp; $saved_by: varchar;
-- $body: the configuration as JSON text.
insert into evaluation_configs values ($version, $saved_at, $saved_by, $body)
