"""The wizard's side panel: the path so far (question → answer; ↑/↓ and Enter, or a click, go
back to one to change it) and the procedures that already apply, by department, updated live
without losing the clerk's place in the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kakanai.services.counter.display import DepartmentProcedures, PathStep

TITLE_STYLE = "font-size: 12pt; font-weight: bold;"


class SidePanel(QWidget):
    step_chosen = Signal(str)  # question id of an earlier answer to change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = QListWidget(self)
        self.path.setObjectName("path_list")
        self.path.setWordWrap(True)
        self.path.setAlternatingRowColors(True)
        self.path.setToolTip("↑↓で選んで Enter(またはクリック)で、その回答に戻って変更できます。")
        self.procedures = QListWidget(self)
        self.procedures.setObjectName("live_procedures")
        self.procedures.setWordWrap(True)
        path_title = QLabel("これまでの回答(&Y)", self)
        path_title.setBuddy(self.path)
        path_title.setStyleSheet(TITLE_STYLE)
        procedure_title = QLabel("対象になる手続き(&L)", self)
        procedure_title.setBuddy(self.procedures)
        procedure_title.setStyleSheet(TITLE_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 4, 6)
        layout.addWidget(path_title)
        layout.addWidget(self.path, 3)
        layout.addWidget(procedure_title)
        layout.addWidget(self.procedures, 2)
        self.path.itemClicked.connect(self._on_item_chosen)
        self.path.itemActivated.connect(self._on_item_chosen)

    def show_path(self, steps: list[PathStep]) -> None:
        """The answers so far; the newest is the current item (↑ goes to the one before)."""
        self.path.clear()
        for step in steps:
            item = QListWidgetItem(f"{step.question}\n  → {step.answer}")
            item.setData(Qt.ItemDataRole.UserRole, step.question_id)
            item.setToolTip(f"{step.question}\n{step.answer}")
            self.path.addItem(item)
        if steps:
            self.path.setCurrentRow(len(steps) - 1)
        self.path.scrollToBottom()

    def show_procedures(self, groups: list[DepartmentProcedures]) -> None:
        """The procedures by department; the list stays where the clerk scrolled it."""
        scrolled = self.procedures.verticalScrollBar().value()
        self.procedures.clear()
        for group in groups:
            # Notices (guidance, not procedures) are not counted as 件 and are marked ※.
            count = "" if group.notice else f"({len(group.procedures)}件)"
            department = QListWidgetItem(group.department + count)
            font = department.font()
            font.setBold(True)
            department.setFont(font)
            department.setBackground(QColor("#fff0d0" if group.notice else "#e8eef8"))
            self.procedures.addItem(department)
            for name in group.procedures:
                item = QListWidgetItem(f"{'※' if group.notice else '・'}{name}")
                item.setData(Qt.ItemDataRole.UserRole, name)
                self.procedures.addItem(item)
        self.procedures.doItemsLayout()  # the new range, before the old place is restored
        self.procedures.verticalScrollBar().setValue(scrolled)

    def procedure_names(self) -> list[str]:
        """Every procedure line shown (for tests and the status bar)."""
        items = [self.procedures.item(i) for i in range(self.procedures.count())]
        names = [item.data(Qt.ItemDataRole.UserRole) for item in items]
        return [str(name) for name in names if name]

    def _on_item_chosen(self, item: QListWidgetItem) -> None:
        self.step_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
