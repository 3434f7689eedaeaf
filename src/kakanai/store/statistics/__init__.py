"""What statistics record (forms printed, scans per desk) and count: GROUP BY queries over
the cases of a period, never a row per case read into Python."""
