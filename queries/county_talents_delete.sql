-- A county's 人才库 removed (publish and rollback of a 人才库 batch). $adcode: varchar.
delete from talents where adcode = $adcode
