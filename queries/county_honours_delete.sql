-- The honours of a county's enterprises removed (publish and rollback of a 企业名录). $adcode: varchar.
delete from enterprise_honours where uscc in (select uscc from enterprises where adcode = $adcode)
