-- One row per table (not view) of the store's own schema (main on DuckDB, public on PostgreSQL): table_name. No
-- parameters. (The whitelist of table names for queries.insert_frames and backups.)
select table_name from information_schema.tables
where table_catalog = current_database() and table_schema = current_schema()
  and table_type = 'BASE TABLE'
