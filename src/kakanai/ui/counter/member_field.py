"""A per-member answer (``per: member``): one row per household member the question is asked
of, the member's name beside their own answer widget (digits pick a choice, はい/いいえ, a
number, a date read back in 和暦). A digit that picks a choice moves on to the next member;
the members it is not asked of are listed greyed, so the clerk sees the whole household."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kakanai.core.trees.model import Question, QuestionType
from kakanai.services.counter.display import MemberLine
from kakanai.ui.counter.answer_fields import AnswerField, ChoiceField, LineField, short_labels

NAME_STYLE = "font-size: 14pt; font-weight: bold;"
LEGEND_STYLE = "font-size: 12pt; color: #333; margin: 4px 0 6px 0;"
NAME_WIDTH = 220  # a long name (GONZALEZ RODRIGUEZ MARIA FERNANDA) wraps rather than widens
DETAIL_STYLE = "font-size: 11pt; color: #444;"
NOT_ASKED_STYLE = "font-size: 12pt; color: #888;"
CHOICE_TYPES = {QuestionType.CHOICE, QuestionType.YESNO, QuestionType.MULTI}


class MemberField(AnswerField):
    """``value()`` is the list the interview takes: one raw answer per member in household
    order, ``None`` for the members the question is not asked of."""

    blank_hint = "世帯員ごとに入力してください。"

    def __init__(
        self,
        question: Question,
        members: Sequence[MemberLine],
        as_of: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.as_of = as_of
        self.members = list(members)
        self.rows: list[AnswerField | None] = []  # None: not asked of that member
        self.legend = QLabel(self)  # the options once, when the rows show numbers only
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet(LEGEND_STYLE)
        labels = [c.label for c in question.choices]
        if question.type in CHOICE_TYPES and labels and not short_labels(labels):
            self.legend.setText("\n".join(f"{n}  {t}" for n, t in enumerate(labels, start=1)))
        self.legend.setVisible(bool(self.legend.text()))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        top = Qt.AlignmentFlag.AlignTop
        for index, member in enumerate(self.members):
            grid.addWidget(self._name(member), index, 0, top)
            if not member.asked:
                self.rows.append(None)
                skipped = QLabel("(この方にはお聞きしません)", self)
                skipped.setStyleSheet(NOT_ASKED_STYLE)
                grid.addWidget(skipped, index, 1)
                continue
            field = self._field_for(question)
            field.setObjectName(f"member_{index}")
            field.changed.connect(self.changed)
            if isinstance(field, ChoiceField):
                field.chosen.connect(lambda i=index: self._after_choice(i))
            grid.addWidget(field, index, 1, top)
            self.rows.append(field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addLayout(grid)

    @property
    def fields(self) -> list[AnswerField]:
        """The answer widgets of the members asked, in household order."""
        return [row for row in self.rows if row is not None]

    def field_of(self, index: int) -> AnswerField | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def value(self) -> object:
        return [None if row is None else _raw(row) for row in self.rows]

    def set_value(self, value: object) -> None:
        if not isinstance(value, list):
            return
        for row, item in zip(self.rows, value, strict=False):
            if row is not None and item is not None:
                row.set_value(item)

    def is_blank(self) -> bool:
        return all(row.is_blank() for row in self.fields)

    def check(self) -> bool:
        return all(row.check() for row in self.fields)

    def focus_first(self) -> None:
        """The first member not answered yet (else the first asked) gets the focus."""
        fields = self.fields
        blank = [row for row in fields if row.is_blank()]
        if fields:
            (blank or fields)[0].focus_first()

    def _field_for(self, question: Question) -> AnswerField:
        if question.type in CHOICE_TYPES:
            return ChoiceField(question, self, mnemonics=False, compact=True)
        return LineField(question, self, caption=False, near=self.as_of)

    def _name(self, member: MemberLine) -> QWidget:
        box = QWidget(self)
        box.setMaximumWidth(NAME_WIDTH)
        name = QLabel(member.name or "(氏名なし)", box)
        name.setWordWrap(True)
        name.setStyleSheet(NAME_STYLE if member.asked else NOT_ASKED_STYLE)
        detail = QLabel(member.detail, box)
        detail.setStyleSheet(DETAIL_STYLE)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(name)
        layout.addWidget(detail)
        return box

    def _after_choice(self, index: int) -> None:
        """A digit picked this member's answer: on to the next member asked."""
        following = [row for row in self.rows[index + 1 :] if row is not None]
        if following:
            following[0].focus_first()


def _raw(row: AnswerField) -> object:
    value = row.value()
    return None if value in ("", []) and not isinstance(row, ChoiceField) else value
