-- One row per cluster with a revenue figure in $year and honour (all nine, zero included):
-- cluster_id, honour, position, enterprises (members holding the honour by $year).
-- An enterprise outside every cluster counts for no cluster. $year: integer.
with held as (
    select e.cluster_id, h.honour, count(*) as enterprises
    from enterprise_honours as h
    join enterprises as e using (uscc)
    where e.cluster_id is not null and h.year <= $year
    group by e.cluster_id, h.honour
)
select f.cluster_id, honours.honour, honours.position, coalesce(held.enterprises, 0) as enterprises
from cluster_figures as f
cross join honours
left join held on held.cluster_id = f.cluster_id and held.honour = honours.honour
where f.year = $year and f.indicator = 'revenue'
order by f.cluster_id, honours.position
