"""Pure functions over query results: no Streamlit, no SQL. Each is tested on hand-built data."""
