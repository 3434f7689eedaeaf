"""Writing statistics out: CSV in UTF-8 with a BOM (so Excel in Japan opens it as UTF-8),
XLSX through adapters/spreadsheets, JSON for machines and an aligned table for the
terminal. Errors writing a file are STATS_002."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.stats.figures import Report
from kakanai.core.stats.sheets import Cell, Table
from kakanai.core.stats.suppression import HIDDEN, ZERO
from kakanai.core.stats.time_model import TimeModel
from kakanai.services.stats.tables import COLUMNS, text_cell

BOM = "\ufeff"
FORMATS = ("table", "csv", "xlsx", "json")


def csv_text(table: Table) -> str:
    """The table's headings and rows as CSV (CRLF line ends, as Excel writes them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headings)
    writer.writerows(table.rows)
    return out.getvalue()


def write_csv(table: Table, path: Path) -> None:
    _written(path, lambda: path.write_bytes((BOM + csv_text(table)).encode("utf-8")))


def write_xlsx(tables: Sequence[Table], path: Path) -> None:
    from kakanai.adapters.spreadsheets import write_workbook  # noqa: PLC0415 - openpyxl loads only here

    _written(path, lambda: write_workbook(path, tables))


def write_text(text: str, path: Path) -> None:
    _written(path, lambda: path.write_text(text, encoding="utf-8"))


def _written(path: Path, write: Any) -> None:
    try:
        write()
    except OSError as exc:
        raise KakanaiError.of(
            ErrorCode.STATS_OUTPUT, path=path, detail=exc.strerror or exc
        ) from None


def text_table(table: Table) -> str:
    """Aligned columns for the terminal (a full-width character is two columns wide)."""
    shown = [table.headings] + [
        [text_cell(table.headings[i], cell) for i, cell in enumerate(row)] for row in table.rows
    ]
    widths = [max(_width(row[i]) for row in shown if i < len(row)) for i in range(len(shown[0]))]
    lines = [*table.title, ""] if table.title else []
    raw: list[list[Cell]] = [list(table.headings), *table.rows]
    for number, row in enumerate(shown):
        cells = [
            _pad(text, widths[i], left=i == 0 or _is_text(raw[number][i]))
            for i, text in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.extend(["", *table.notes] if table.notes else [])
    return "\n".join(lines) + "\n"


def _is_text(cell: object) -> bool:
    """Words are left-aligned; numbers and the published marks (X, -) right-aligned."""
    return isinstance(cell, str) and cell not in (HIDDEN, ZERO, "")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    space = " " * (width - _width(text))
    return text + space if left else space + text


def report_json(report: Report, model: TimeModel) -> str:
    """The report for machines: ids as keys, numbers as numbers, seconds as seconds."""

    def figures(f: Any) -> dict[str, Any]:
        return {"key": f.key, "label": f.label} | {c.heading: c.value(f) for c in COLUMNS}

    matrix = report.matrix
    document = {
        "schema": "kakanai.stats/1",
        "period": {"from": report.period.start.isoformat(), "to": report.period.end.isoformat()},
        "by": report.grouping.key,
        "rows": [figures(f) for f in report.rows],
        "total": figures(report.total),
        "handoffs": [
            {"from": source or "counter", "to": target, "count": count}
            for (source, target), count in sorted(matrix.counts.items())
        ],
        "questions": [
            {"question": q.question, "answers": q.answers, "seconds": q.seconds}
            for q in report.questions
        ],
        "time_model": {
            "minutes_per_form": model.minutes_per_form,
            "department_minutes": dict(model.department_minutes),
            "seconds_per_field": model.seconds_per_field,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def table_json(table: Table) -> str:
    """A table (the 公表用 one) for machines: its headings and rows, hidden cells as "X"."""
    document = {
        "schema": "kakanai.stats-table/1",
        "name": table.name,
        "title": table.title,
        "headings": table.headings,
        "rows": table.rows,
        "notes": table.notes,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
