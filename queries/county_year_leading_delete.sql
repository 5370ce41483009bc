-- A county's 首位产业 of one year removed (publish and rollback). $adcode: varchar; $year: integer.
delete from leading_industries where adcode = $adcode and year = $year
