-- PostgreSQL only (run by queries.postgres.migrate after the migrations): every write to a table that the processes'
-- read copies hold bumps that table's row of anhui_sync.table_versions, in the writer's own transaction, so a read
-- copy sees the new rows and the new version together (queries/replica.py). Not copied, so not versioned: the login
-- sessions, the accounts and the audit log (read from PostgreSQL itself) and the schema version. No parameters.
create schema if not exists anhui_sync;
create table if not exists anhui_sync.table_versions (table_name text primary key, version bigint not null);
create or replace function anhui_sync.bump() returns trigger language plpgsql as $$
begin
    insert into anhui_sync.table_versions values (tg_table_name, 1)
    on conflict (table_name) do update set version = anhui_sync.table_versions.version + 1;
    return null;
end $$;
do $$
declare
    t record;
begin
    for t in select table_name from information_schema.tables
             where table_schema = current_schema() and table_type = 'BASE TABLE'
               and table_name not in ('schema_version', 'sessions', 'users', 'audit_log')
    loop
        execute format('create or replace trigger anhui_sync_version after insert or update or delete or truncate '
                       'on %I for each statement execute function anhui_sync.bump()', t.table_name);
    end loop;
end $$
