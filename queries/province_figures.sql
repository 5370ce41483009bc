-- The province-wide figures the administrator entered, newest year first: indicator, year, value, unit, source,
-- saved_by, saved_at. No parameters.
select indicator, year, value, unit, source, saved_by, saved_at from province_figures order by indicator, year desc
