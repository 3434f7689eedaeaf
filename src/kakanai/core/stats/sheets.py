"""A table of cells as every output shows it (screen, CSV, XLSX, JSON, terminal): a name, the
lines above, the headings, the rows and the notes below. A cell is a number (what a
spreadsheet computes with) or a text."""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = int | float | str


@dataclass
class Table:
    name: str  # a sheet's name
    headings: list[str]
    rows: list[list[Cell]]
    title: list[str] = field(default_factory=list)  # lines above the table
    notes: list[str] = field(default_factory=list)  # lines below it
    total_rows: int = 0  # the last rows that are totals (shown bold)
