"""Every problem of the draft, errors first, each with its line and code; Enter or a click
goes to the item it is in (and its line in the YAML)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kakanai.core.errors import Problem
from kakanai.services.tree_editing import diagnostics

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1


class ProblemsPanel(QWidget):
    problem_chosen = Signal(object)  # a Problem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("検査結果(&Q): 検査しています…", self)
        self.title.setStyleSheet("font-weight: bold;")
        self.list = QListWidget(self)
        self.list.setObjectName("problems")
        self.list.setWordWrap(True)
        self.title.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        self.list.itemActivated.connect(self._on_item)
        self.list.itemClicked.connect(self._on_item)

    def show_checking(self) -> None:
        self.title.setText("検査結果(&Q): 検査しています…")

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.title.setText(f"検査結果(&Q): {diagnostics.summary(problems)}")
        self.list.clear()
        for problem in diagnostics.ordered(problems):
            mark = "⚠ 警告" if problem.is_warning else "✖ 問題"
            text = (
                f"{mark}  {problem.line}行 {problem.col}列  {problem.code.code}  {problem.message}"
            )
            item = QListWidgetItem(text)
            item.setData(PROBLEM_ROLE, problem)
            item.setForeground(QBrush(QColor("#b26a00" if problem.is_warning else "#c62828")))
            self.list.addItem(item)
        if not problems:
            self.list.addItem(QListWidgetItem("問題はありません。"))

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _on_item(self, item: QListWidgetItem) -> None:
        problem = item.data(PROBLEM_ROLE)
        if isinstance(problem, Problem):
            self.problem_chosen.emit(problem)
