-- A county's enterprises removed (publish and rollback of a 企业名录; their honours first). $adcode: varchar.
delete from enterprises where adcode = $adcode
