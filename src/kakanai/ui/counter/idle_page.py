"""The page between interviews: no interview is open, one button starts the next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class IdlePage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel("面談をしていません。", self)
        label.setStyleSheet("font-size: 16pt;")
        self.start_button = QPushButton("新しい面談を始める(&N)", self)
        self.start_button.setStyleSheet("font-size: 14pt; padding: 8px 20px;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
