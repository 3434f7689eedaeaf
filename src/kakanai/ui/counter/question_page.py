"""One question per page: the question in large text, its help, the answer widget for its
type, the problem in red under it, and 戻る / 次へ. Enter moves on."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.trees.model import Question, QuestionType
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.answer_fields import ERROR_STYLE, AnswerField, ChoiceField, LineField
from kakanai.ui.counter.household_table import HouseholdTable

QUESTION_STYLE = "font-size: 19pt; font-weight: bold;"
HELP_STYLE = "font-size: 12pt; color: #444;"
SECTION_STYLE = "font-size: 11pt; color: #2a5599; font-weight: bold;"


def field_for(question: Question, as_of: dt.date) -> AnswerField:
    """The answer widget for a question's type."""
    if question.type in {QuestionType.CHOICE, QuestionType.YESNO, QuestionType.MULTI}:
        return ChoiceField(question)
    if question.type is QuestionType.ADDRESS:
        return AddressField()
    if question.type is QuestionType.HOUSEHOLD:
        return HouseholdTable(as_of)
    return LineField(question)


class QuestionPage(QWidget):
    answer_given = Signal(object)  # the raw answer, checked inline already
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None
        self.field: AnswerField | None = None
        self.section = QLabel(self)
        self.section.setStyleSheet(SECTION_STYLE)
        self.text = QLabel(self)
        self.text.setObjectName("question_text")
        self.text.setWordWrap(True)
        self.text.setStyleSheet(QUESTION_STYLE)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HELP_STYLE)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.error = QLabel(self)
        self.error.setObjectName("answer_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.back_button = QPushButton("← 戻る(&B)", self)
        self.next_button = QPushButton("次へ(&N) ⏎", self)
        self.next_button.setStyleSheet("font-size: 14pt; padding: 6px 24px;")
        self.back_button.setStyleSheet("font-size: 12pt; padding: 6px 16px;")
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addWidget(self.section)
        layout.addWidget(self.text)
        layout.addWidget(self.help)
        layout.addSpacing(8)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_question(
        self, question: Question, *, section: str, remembered: object, as_of: dt.date
    ) -> None:
        """Show ``question`` with a fresh answer widget, prefilled with ``remembered``."""
        self.question = question
        self.section.setText(section)
        self.text.setText(question.text)
        optional = "" if question.required else "(空欄のままでも進めます)"
        self.help.setText(" ".join(p for p in (question.help, optional) if p))
        self.help.setVisible(bool(self.help.text()))
        self.field = field_for(question, as_of)
        if remembered is not None:
            self.field.set_value(remembered)
        self.scroller.setWidget(self.field)
        self.error.clear()
        self.field.focus_first()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def submit(self) -> None:
        """Hand the answer on when the inline checks pass."""
        if self.field is None:
            return
        if not self.field.check():
            self.error.setText("赤字の項目を直してください。")
            return
        self.error.clear()
        self.answer_given.emit(self.field.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            event.accept()
            self.submit()
            return
        super().keyPressEvent(event)
