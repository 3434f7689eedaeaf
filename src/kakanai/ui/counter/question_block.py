"""One question on a page: its text, its help, the answer widget for its type and the problem
with the answer in red right under it. A page shows one block, or several in a column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kakanai.core.japanese.line_breaking import glue_tail
from kakanai.core.trees.model import Question, QuestionType
from kakanai.services.counter.display import MemberLine
from kakanai.services.counter.towns import TownList
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.answer_fields import ERROR_STYLE, AnswerField, ChoiceField, LineField
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.member_field import MemberField

QUESTION_STYLE = "font-size: 19pt; font-weight: bold;"
COMPACT_QUESTION_STYLE = "font-size: 16pt; font-weight: bold;"
HELP_STYLE = "font-size: 12pt; color: #444;"
COMPACT_HELP_STYLE = "font-size: 10.5pt; color: #444;"


def field_for(
    question: Question,
    as_of: dt.date,
    *,
    mnemonics: bool,
    members: Sequence[MemberLine] = (),
    towns: TownList | None = None,
) -> AnswerField:
    """The answer widget for a question's type (a row per member for ``per: member``); an
    address completes the city's ``towns``."""
    if question.per_member:
        return MemberField(question, members, as_of)
    if question.type in {QuestionType.CHOICE, QuestionType.YESNO, QuestionType.MULTI}:
        return ChoiceField(question, mnemonics=mnemonics)
    if question.type is QuestionType.ADDRESS:
        return AddressField(towns)
    if question.type is QuestionType.HOUSEHOLD:
        return HouseholdTable(as_of)
    return LineField(question, caption=mnemonics, near=as_of)


class QuestionBlock(QWidget):
    def __init__(
        self,
        question: Question,
        field: AnswerField,
        *,
        compact: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.field = field
        self.text = QLabel(glue_tail(question.text), self)
        self.text.setObjectName("question_text")
        self.text.setWordWrap(True)
        self.text.setStyleSheet(COMPACT_QUESTION_STYLE if compact else QUESTION_STYLE)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setStyleSheet(COMPACT_HELP_STYLE if compact else HELP_STYLE)
        self.problem = QLabel(self)
        self.problem.setObjectName("answer_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 10 if compact else 0)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        layout.addWidget(self.help)
        layout.addWidget(field)
        layout.addWidget(self.problem)

    def show_help(self, text: str) -> None:
        self.help.setText(glue_tail(text))
        self.help.setVisible(bool(text))

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
