"""A statistics table on screen with its exports: copy (tab-separated, to paste into a
spreadsheet), CSV (UTF-8 with BOM) and Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.core.stats.sheets import Table
from kakanai.services.stats.exporting import write_csv, write_xlsx
from kakanai.ui.stats.table_model import StatsTableModel


class TablePanel(QWidget):
    """``reported`` says what was exported (or what went wrong) for the status bar."""

    reported = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = StatsTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #555555;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.caption, 1)
        for text, slot in (
            ("表をコピー", self.copy),
            ("CSVで保存…", self.save_csv_dialog),
            ("Excelで保存…", self.save_xlsx_dialog),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.notes)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.copy)

    def set_table(self, table: Table) -> None:
        self.model.set_table(table)
        self.caption.setText("<b>" + " / ".join(table.title) + "</b>")
        self.notes.setText("\n".join(table.notes))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.model.as_text())
        self.reported.emit("表をコピーしました(表計算ソフトに貼り付けられます)。")

    def save_csv_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "CSVで保存", f"{self.model.table.name}.csv", "CSV (*.csv)"
        )
        if name:
            self.save(Path(name), "csv")

    def save_xlsx_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Excelで保存", f"{self.model.table.name}.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.save(Path(name), "xlsx")

    def save(self, path: Path, form: str) -> bool:
        try:
            if form == "csv":
                write_csv(self.model.table, path)
            else:
                write_xlsx([self.model.table], path)
        except KakanaiError as exc:
            self.reported.emit(f"{exc.code.code} {exc.message}")
            return False
        self.reported.emit(f"保存しました: {path}")
        return True
