-- The honour vocabulary in its order: honour.
select honour from honours order by position
