-- One row per policy target (DOMAIN.md §1): target_id, year, metric, value, unit, wording, source_doc,
-- source_title; ordered by year, then document.
select target_id, year, metric, value, unit, wording, source_doc, source_title
from targets
order by year, source_doc, target_id
