"""Counter mode (窓口): the interview wizard. (Being built: issue 5.)"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kakanai.services.workspace import Workspace
from kakanai.ui.modes import ModeView


class CounterView(ModeView):
    mode_id = "counter"
    mode_label = "窓口"
    menu_title = "面談(&I)"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        QVBoxLayout(self).addWidget(QLabel("窓口モード"))
