-- The store file at $path attached read-only as the catalog "store" (queries.connect_read_only). $path: varchar.
attach $path as store (read_only)
