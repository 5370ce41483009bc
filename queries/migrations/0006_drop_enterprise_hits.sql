-- The search macro of 0005 is replaced by conditions composed per search (queries/enterprise_where.sql): a macro
-- evaluates every filter on every row, even unused ones, which cost 100 ms a search on a million enterprises.
-- [duckdb] (a DuckDB table macro; the PostgreSQL store never had it)
drop macro table if exists enterprise_hits;
