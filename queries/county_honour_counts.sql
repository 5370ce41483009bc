-- One row per honour (all nine, zero included): honour, enterprises (holding it in a county by a year).
-- $adcode: county adcode; $year: integer.
with held as (
    select h.honour, count(*) as enterprises
    from enterprise_honours as h
    join enterprises as e using (uscc)
    where e.adcode = $adcode and h.year <= $year
    group by h.honour
)
select honours.honour, coalesce(held.enterprises, 0) as enterprises
from honours
left join held using (honour)
order by honours.position
