"""The statistics mode's use cases: the report for a period and grouping, the 公表用 table,
the time model a supervisor sets, and the exports (table, CSV, XLSX, JSON)."""
