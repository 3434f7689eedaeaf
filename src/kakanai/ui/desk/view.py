"""Desk mode (連携課): scan a slip and print the department's forms. (Being built: issue 5.)"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kakanai.services.workspace import Workspace
from kakanai.ui.modes import ModeView


class DeskView(ModeView):
    mode_id = "desk"
    mode_label = "連携課"
    menu_title = "読み取り(&R)"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        QVBoxLayout(self).addWidget(QLabel("連携課モード"))

    def title_detail(self) -> str:
        return self.workspace.department.name
