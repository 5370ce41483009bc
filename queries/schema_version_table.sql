-- The table of applied migrations (created when a store is first opened): one row per migration applied, with
-- version (integer), name and applied_at. No parameters.
create table if not exists schema_version (version integer primary key, name varchar not null,
                                           applied_at timestamp not null)
