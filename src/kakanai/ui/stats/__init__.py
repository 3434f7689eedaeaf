"""The statistics mode (統計): a period and a grouping, the figures, charts and tables, the
handoff matrix, interview times and the 公表用 table, each exportable."""
