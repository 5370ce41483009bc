-- One row per year that has cluster figures: year, ascending.
select distinct year from cluster_figures order by year
