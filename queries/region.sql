-- One region by adcode (none if unknown): adcode, name, level (省/市/区县), city_adcode, region, kind.
-- $adcode: varchar.
select adcode, name, level, city_adcode, region, kind from regions where adcode = $adcode
