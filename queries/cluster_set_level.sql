-- A cluster's level set by the province (认定 or 撤销). $cluster_id, $level: varchar; $recognised_year: integer or null
-- (kept if null).
update clusters set level = $level, recognised_year = coalesce($recognised_year, recognised_year)
where cluster_id = $cluster_id
