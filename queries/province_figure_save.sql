-- A province-wide figure of a year, entered or corrected. $indicator, $unit, $source, $username: varchar;
-- $year: integer; $value: double; $now: timestamp.
insert into province_figures (indicator, year, value, unit, source, saved_by, saved_at)
values ($indicator, $year, $value, $unit, $source, $username, $now)
on conflict (indicator, year) do update set
    value = excluded.value, unit = excluded.unit, source = excluded.source, saved_by = excluded.saved_by,
    saved_at = excluded.saved_at
