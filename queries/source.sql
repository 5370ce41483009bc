-- One source of figures, if it exists: source_id, kind, title, detail. $source_id: varchar.
select source_id, kind, title, detail from sources where source_id = $source_id
