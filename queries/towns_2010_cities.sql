-- The document's table of 省认定产业集群专业镇 by city (2010's cities), in its order: city_2010, region, towns,
-- position, source_id. No parameters.
select city_2010, region, towns, position, source_id from towns_2010_cities
order by case region when '皖南' then 1 when '皖北' then 2 else 3 end, position
