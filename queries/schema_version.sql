-- One row: the highest migration applied to the store (0 for an empty file). No parameters.
select coalesce(max(version), 0) as version from schema_version
