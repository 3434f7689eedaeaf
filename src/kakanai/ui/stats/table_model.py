"""A statistics table (core/stats/sheets.Table) as a Qt table model: numbers right-aligned
and grouped, seconds as 分秒, totals bold. Read-only."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from kakanai.core.stats.sheets import Table
from kakanai.services.stats.tables import text_cell

Index = QModelIndex | QPersistentModelIndex


class StatsTableModel(QAbstractTableModel):
    def __init__(self, table: Table | None = None) -> None:
        super().__init__()
        self.table = table or Table("", [], [])

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's names
        return 0 if parent.isValid() else len(self.table.headings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.table.rows[index.row()]
        value = row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return text_cell(self.table.headings[index.column()], value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            words = isinstance(value, str) and value not in ("X", "-", "")
            horizontal = Qt.AlignmentFlag.AlignLeft if words else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.table.headings[section]
        return None

    def _is_total(self, row: int) -> bool:
        return row >= len(self.table.rows) - self.table.total_rows

    def as_text(self) -> str:
        """Tab-separated, as a spreadsheet pastes it."""
        lines = ["\t".join(self.table.headings)]
        lines += ["\t".join(str(cell) for cell in row) for row in self.table.rows]
        return "\n".join(lines) + "\n"
