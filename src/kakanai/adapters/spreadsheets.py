"""Writing tables as an Excel workbook (openpyxl): one sheet per table, its title lines, bold
headings and totals, numbers as numbers with thousands separators, frozen headings, column
widths fitted to Japanese text."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kakanai.core.stats.sheets import Table

HEADING_FILL = PatternFill("solid", fgColor="DDE4EE")
BOLD = Font(bold=True)
MAX_SHEET_NAME = 31  # Excel's limit
MAX_WIDTH = 60


def write_workbook(path: Path, tables: Sequence[Table]) -> None:
    """Write ``tables`` to ``path`` (raises OSError when it cannot be written)."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for table in tables:
        _sheet(book.create_sheet(table.name[:MAX_SHEET_NAME]), table)
    book.save(path)


def _sheet(sheet: Worksheet, table: Table) -> None:
    for line in table.title:
        sheet.append([line])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    heading_row = len(table.title) + (1 if table.title else 0) + 1
    for column, heading in enumerate(table.headings, start=1):
        cell = sheet.cell(row=heading_row, column=column, value=heading)
        cell.font = BOLD
        cell.fill = HEADING_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for offset, row in enumerate(table.rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=heading_row + offset, column=column, value=value)
            if isinstance(value, int):
                cell.number_format = "#,##0"
            elif isinstance(value, float):
                cell.number_format = "#,##0.0"
            elif len(str(value)) <= 1:  # a mark in place of a number (X, -) aligns with them
                cell.alignment = Alignment(horizontal="right")
            elif "\n" in value or _display_width(value) > MAX_WIDTH:  # long words wrap
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if offset > len(table.rows) - table.total_rows:
                cell.font = BOLD
    last = heading_row + len(table.rows) + 1
    for number, note in enumerate(table.notes, start=last + 1):
        sheet.cell(row=number, column=1, value=note)
    sheet.freeze_panes = sheet.cell(row=heading_row + 1, column=2)
    _widths(sheet, table)
    # Printed (or saved as PDF) landscape, all columns on one page wide, headings repeated.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = f"{heading_row}:{heading_row}"


def _widths(sheet: Worksheet, table: Table) -> None:
    for column in range(1, len(table.headings) + 1):
        texts = [table.headings[column - 1]] + [
            _shown(row[column - 1]) for row in table.rows if column - 1 < len(row)
        ]
        width = max(
            (_display_width(line) for text in texts for line in text.split("\n")), default=8
        )
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)


def _shown(value: object) -> str:
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def _display_width(text: str) -> int:
    """Columns a text takes: full-width (Japanese) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
