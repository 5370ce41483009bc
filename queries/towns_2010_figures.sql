-- Seed 003's 2010 figures and 2015 targets: key, year, kind, value, unit, label, wording. No parameters.
select key, year, kind, value, unit, label, wording from towns_2010_figures order by year, key
