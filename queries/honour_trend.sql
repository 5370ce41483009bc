-- One row per year with cluster figures and honour (all nine): year, honour, position, enterprises (holding it
-- by that year, counted by the year first held), within an optional region group or city.
-- $region: '皖北'/'皖中'/'皖南' or null; $city: city adcode or null.
with years as (
    select distinct year from cluster_figures
),
held as (
    select h.honour, h.year as since, count(*) as enterprises
    from enterprise_honours as h
    join enterprises as e using (uscc)
    join regions as county on county.adcode = e.adcode
    where ($region::varchar is null or county.region = $region)
      and ($city::varchar is null or county.city_adcode = $city)
    group by h.honour, h.year
)
select years.year, honours.honour, honours.position,
       coalesce(sum(held.enterprises), 0)::bigint as enterprises
from years
cross join honours
left join held on held.honour = honours.honour and held.since <= years.year
group by years.year, honours.honour, honours.position
order by years.year, honours.position
