-- An honour of a firm from an imported 名单: added, or, if the firm already holds it, its first year kept as the
-- earlier of the two (its source unchanged). $uscc, $honour, $source_id: varchar; $year: integer.
insert into enterprise_honours (uscc, honour, year, source_id)
values ($uscc, $honour, $year, $source_id)
on conflict (uscc, honour) do update set year = least(enterprise_honours.year, excluded.year)
