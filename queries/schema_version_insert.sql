-- A migration applied. $version: integer; $migration: varchar (the file's name after its number).
insert into schema_version values ($version, $migration, current_timestamp)
