-- A county's projects removed (publish and rollback of a 项目库). $adcode: varchar.
delete from projects where adcode = $adcode
