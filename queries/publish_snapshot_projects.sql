-- Before a 项目库 batch is published: keep the county's projects (for a rollback). $batch_id: integer; $adcode: varchar.
insert into snapshot_projects select $batch_id, * from projects where adcode = $adcode
