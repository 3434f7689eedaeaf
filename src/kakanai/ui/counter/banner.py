"""A non-modal question across the top of the wizard (resume an interview left open? discard
it, for sure? discard the one in progress?) with two buttons, instead of a dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

RESUME = "resume"
CONFIRM_RESUME_DISCARD = "confirm_resume_discard"
DISCARD = "discard"
DELETED_AT_ONCE = "入力した氏名・住所・電話番号などはすぐに削除され、元に戻せません。"


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
        when = f"{started.month}月{started.day}日 {started:%H:%M}"
        self.ask(
            RESUME,
            f"中断した面談があります({when}開始、{answered}問回答済み)。続きから再開しますか。",
            "再開(&R)",
            "破棄…(&D)",
        )

    def confirm_resume_discard(self) -> None:
        """Ask (topic ``CONFIRM_RESUME_DISCARD``) once more before the left draft goes."""
        self.ask(
            CONFIRM_RESUME_DISCARD,
            f"中断した面談を破棄しますか。{DELETED_AT_ONCE}",
            "破棄する(&D)",
            "やめる(&W)",
        )
        self.reject_button.setFocus()  # the safe answer is the one Enter gives

    def confirm_discard(self) -> None:
        """Ask (topic ``DISCARD``) whether to drop the interview in progress for a new one."""
        self.ask(
            DISCARD,
            f"面談の途中です。この面談を破棄して新しい面談を始めますか。{DELETED_AT_ONCE}",
            "破棄して新しく始める(&D)",
            "この面談を続ける(&W)",
        )
        self.reject_button.setFocus()  # the safe answer is the one Enter gives

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
