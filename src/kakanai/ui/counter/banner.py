"""A non-modal question across the top of the wizard (resume an interview left open?
discard the one in progress?) with two buttons, instead of a dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

RESUME = "resume"
DISCARD = "discard"


class Banner(QFrame):
    accepted = Signal(str)  # the topic of the question answered
    rejected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.topic = ""
        self.setObjectName("banner")
        self.setStyleSheet(
            "#banner { background: #fff4d6; border: 1px solid #e0b040; border-radius: 4px; }"
            "QLabel { font-size: 13pt; }"
        )
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.reject_button = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.accept_button)
        layout.addWidget(self.reject_button)
        self.accept_button.clicked.connect(lambda: self._answer(self.accepted))
        self.reject_button.clicked.connect(lambda: self._answer(self.rejected))
        self.hide()

    def offer_resume(self, started: dt.datetime, answered: int) -> None:
        """Ask (topic ``RESUME``) whether to resume the interview left open at this desk."""
        self.ask(
            RESUME,
            f"中断した面談があります({started:%m月%d日 %H:%M}開始、{answered}問回答済み)。"
            "続きから再開しますか。",
            "再開(&R)",
            "破棄して新しく始める(&D)",
        )

    def confirm_discard(self) -> None:
        """Ask (topic ``DISCARD``) whether to drop the interview in progress for a new one."""
        self.ask(
            DISCARD,
            "面談の途中です。この面談を破棄して新しい面談を始めますか。",
            "破棄して新しく始める(&Y)",
            "この面談を続ける(&C)",
        )

    def ask(self, topic: str, message: str, accept: str, reject: str) -> None:
        """Show a question; ``accept`` and ``reject`` are button texts with mnemonics."""
        self.topic = topic
        self.message.setText(message)
        self.accept_button.setText(accept)
        self.reject_button.setText(reject)
        self.show()
        self.accept_button.setFocus()

    def _answer(self, signal: SignalInstance) -> None:
        topic = self.topic
        self.hide()
        self.topic = ""
        signal.emit(topic)
