"""The 公表用 table: a city's monthly table of cases, handoffs per department and procedures
per department (with subtotals), forms prefilled and minutes saved, months across and a
total at the right, with small counts suppressed (``suppression.py``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kakanai.core.stats.periods import Period, month_label
from kakanai.core.stats.suppression import Cell, cell_value, suppressed

TOTAL_HEADING = "合計"


@dataclass(frozen=True)
class PublicRow:
    section: str  # 区分
    item: str  # 項目
    values: list[int]  # one per month
    block: str = ""  # rows of one block add up to the block's subtotal row
    subtotal: bool = False
    private: bool = True  # a count of residents' visits or procedures: suppressed when small

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass
class PublicTable:
    title: str
    period: Period
    months: list[str]
    rows: list[PublicRow]
    threshold: int
    notes: list[str] = field(default_factory=list)
    hidden: set[Cell] = field(default_factory=set)

    @property
    def headings(self) -> list[str]:
        return ["区分", "項目", *(month_label(m, short=True) for m in self.months), TOTAL_HEADING]

    def cells(self) -> list[list[int | str]]:
        """The body as published: counts, "-" for none, "X" for a hidden count."""
        body: list[list[int | str]] = []
        for r, row in enumerate(self.rows):
            numbers = [*row.values, row.total]
            shown = [cell_value(v, hidden=(r, c) in self.hidden) for c, v in enumerate(numbers)]
            body.append([row.section, row.item, *shown])
        return body


def public_table(
    title: str,
    period: Period,
    rows: Sequence[PublicRow],
    threshold: int,
    notes: Sequence[str] = (),
) -> PublicTable:
    """The table with its suppressed cells worked out."""
    months = period.months()
    for row in rows:
        if len(row.values) != len(months):
            raise ValueError(f"row {row.item!r} has {len(row.values)} months, not {len(months)}")
    table = PublicTable(title, period, months, list(rows), threshold, list(notes))
    table.hidden = _hidden(table.rows, threshold)
    return table


def _hidden(rows: Sequence[PublicRow], threshold: int) -> set[Cell]:
    width = len(rows[0].values) + 1 if rows else 0
    private = [r for r, row in enumerate(rows) if row.private]
    grid = [[*row.values, row.total] if row.private else [0] * width for row in rows]
    sums: list[list[Cell]] = [[(r, c) for c in range(width)] for r in private]
    blocks: dict[str, list[int]] = {}
    totals: dict[str, int] = {}
    for r in private:
        row = rows[r]
        if row.block and row.subtotal:
            totals[row.block] = r
        elif row.block:
            blocks.setdefault(row.block, []).append(r)
    for block, members in blocks.items():
        if block in totals:
            for c in range(width):
                sums.append([*((r, c) for r in members), (totals[block], c)])
    return suppressed(grid, sums, threshold)


def month_values(by_month: Mapping[str, int], months: Sequence[str]) -> list[int]:
    return [int(by_month.get(month, 0)) for month in months]
