-- Every county-level unit (区县), by city then adcode: adcode, name, city_adcode, city (name), region, kind.
select county.adcode, county.name, county.city_adcode, city.name as city, county.region, county.kind
from regions as county
join regions as city on city.adcode = county.city_adcode
where county.level = '区县'
order by county.city_adcode, county.adcode
