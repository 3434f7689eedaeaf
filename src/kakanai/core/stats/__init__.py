"""Statistics a city can publish: periods and groupings, figures per group, the time model,
interview-time percentiles and the 公表用 table with small-cell suppression. Pure data; the
counting itself is SQL in store/statistics."""
