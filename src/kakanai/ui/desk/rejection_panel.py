"""The panel for a slip the desk cannot use (or a slip with nothing for this department):
what happened and what to do, in large text, never a modal dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from kakanai.services.desk.rejections import RejectionHelp


class RejectionPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rejection")
        self.title = QLabel()
        self.happened = QLabel()
        self.todo = QLabel()
        self.code = QLabel()
        for label in (self.title, self.happened, self.todo):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("color: #666666;")
        heading_happened = QLabel("何が起きたか")
        heading_todo = QLabel("どうすればよいか")
        for heading in (heading_happened, heading_todo):
            heading.setStyleSheet("font-weight: bold; color: #444444;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(heading_happened)
        layout.addWidget(self.happened)
        layout.addSpacing(8)
        layout.addWidget(heading_todo)
        layout.addWidget(self.todo)
        layout.addWidget(self.code)
        layout.addStretch(1)

    def show_help(self, help_: RejectionHelp, *, warning: bool = False) -> None:
        """``warning``: not an error, the resident is at the wrong counter (amber)."""
        colour, background = ("#8a5a00", "#fff4d6") if warning else ("#b00020", "#fdecee")
        self.setStyleSheet(
            f"QFrame#rejection {{ background: {background}; border: 2px solid {colour}; }}"
            "QFrame#rejection QLabel { font-size: 14pt; background: transparent; }"
        )
        self.title.setStyleSheet(f"font-size: 20pt; font-weight: bold; color: {colour};")
        self.title.setText(help_.title)
        self.happened.setText(help_.happened)
        self.todo.setText(help_.todo)
        self.code.setText(f"エラーコード {help_.code}" if help_.code else "")
        self.code.setStyleSheet("font-size: 9pt; color: #666666;")
        self.code.setVisible(bool(help_.code))
