-- The towns seed 003 names, with today's county and city: town, county_2010, city_2010, region (2010), adcode, county
-- (today's name; null where unknown), city (today's), industry, lineage, section, note. No parameters.
select t.town, t.county_2010, t.city_2010, c.region, t.adcode, county.name as county, city.name as city,
       t.industry, t.lineage, t.section, t.note
from towns_2010 as t
join towns_2010_cities as c on c.city_2010 = t.city_2010
left join regions as county on county.adcode = t.adcode
left join regions as city on city.adcode = county.city_adcode
order by case c.region when '皖南' then 1 when '皖北' then 2 else 3 end, c.position, t.county_2010, t.town
