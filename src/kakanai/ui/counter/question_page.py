"""A page of the wizard: the questions of one page (one, or a few short ones of a section) in
large text with their help and answer widgets, the problem in red under the answer it
concerns, and 戻る / 次へ. Enter moves on; a digit that picks a choice moves to the next
question on the page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import partial

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
from kakanai.services.counter.card_reading import CardPerson
from kakanai.services.counter.display import MemberLine, Offer
from kakanai.services.counter.towns import TownList
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.answer_fields import ERROR_STYLE, AnswerField, ChoiceField, LineField
from kakanai.ui.counter.furigana import FuriganaCapture
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.question_block import QuestionBlock, field_for

SECTION_STYLE = "font-size: 11pt; color: #2a5599; font-weight: bold;"
REQUIRED = "この設問は答えが必要です。"
# The F-keys a page gives its offers, in the order shown: F1 is the help, and F5, F6 and F8
# are window keys of other modes (run the scenarios and recount, the desk's scan field, the
# next problem), which the supervisor's preview of a page shares a window with.
OFFER_KEYS = (2, 3, 4, 7, 9, 10, 11, 12)


class QuestionPage(QWidget):
    answers_given = Signal(object)  # {question id: raw answer} of the questions shown
    back_requested = Signal()
    typed_changed = Signal()  # any answer on the page was edited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.towns = TownList()  # the city's towns an address completes (set by the view)
        self.blocks: list[QuestionBlock] = []
        self.current_id = ""  # the question the interview is at
        self.section = QLabel(self)
        self.section.setStyleSheet(SECTION_STYLE)
        self.column = QWidget()
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setContentsMargins(0, 0, 8, 0)
        self.column_layout.addStretch(1)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.column)
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
        layout.setContentsMargins(16, 10, 12, 8)
        layout.addWidget(self.section)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # --- what the view and the tests read ---

    @property
    def block(self) -> QuestionBlock | None:
        """The block of the question the interview is at (else the first shown)."""
        shown = [b for b in self.blocks if not b.isHidden()]
        found = [b for b in shown if b.question.id == self.current_id]
        return next(iter(found or shown), None)

    @property
    def field(self) -> AnswerField | None:
        block = self.block
        return block.field if block is not None else None

    @property
    def text(self) -> QLabel:
        block = self.block
        return block.text if block is not None else self.section

    def block_of(self, question_id: str) -> QuestionBlock | None:
        return next((b for b in self.blocks if b.question.id == question_id), None)

    def shown_ids(self) -> list[str]:
        return [b.question.id for b in self.blocks if not b.isHidden()]

    # --- showing ---

    def show_page(  # noqa: PLR0913 - keyword-only: each is one thing the page shows
        self,
        questions: Sequence[Question],
        *,
        section: str,
        filled: Mapping[str, object],
        as_of: dt.date,
        offers: Mapping[str, Sequence[Offer]],
        members: Mapping[str, Sequence[MemberLine]] | None = None,
    ) -> None:
        """Show the page's ``questions`` with fresh answer widgets, ``filled`` with answers
        given before (question id → value); ``members``: the household rows of each
        per-member question."""
        for block in self.blocks:
            block.hide()  # at once, so the focus leaves it
            block.deleteLater()
        self.blocks = []
        self.section.setText(section)
        compact = len(questions) > 1
        first_choice = next((q for q in questions if _is_choice(q)), None)
        keys = iter(OFFER_KEYS)
        for question in questions:
            field = field_for(
                question,
                as_of,
                mnemonics=question is first_choice or not compact,
                members=(members or {}).get(question.id, ()),
                towns=self.towns,
            )
            if question.id in filled and filled[question.id] is not None:
                field.set_value(filled[question.id])
            if isinstance(field, LineField):
                for offer in offers.get(question.id, ()):
                    key = next(keys, None)
                    if key is not None:
                        field.offer(offer.label, offer.text, key=key)
            block = QuestionBlock(question, field, compact=compact)
            self.column_layout.insertWidget(len(self.blocks), block)
            block.show()  # now, not when the layout gets to it: the focus goes there
            self.blocks.append(block)
            field.changed.connect(self.typed_changed)
            if isinstance(field, ChoiceField):
                field.chosen.connect(lambda b=block: self._after_choice(b))
        self._pair_names_with_kana()
        self.error.clear()
        self.scroller.verticalScrollBar().setValue(0)

    def _pair_names_with_kana(self) -> None:
        """A name and its kana on the page (``applicant_name``, ``applicant_kana``): the kana
        fills in from the reading the input method composed for the name."""
        for kana_block in self.blocks:
            kana_id = kana_block.question.id
            name_block = self.block_of(kana_id.removesuffix("_kana") + "_name")
            name, kana = (name_block.field if name_block else None), kana_block.field
            if (
                kana_id.endswith("_kana")
                and isinstance(name, LineField)
                and isinstance(kana, LineField)
                and name.question.type is QuestionType.TEXT
                and kana.question.type is QuestionType.KATAKANA
            ):
                FuriganaCapture(name.editor, kana.editor, partial(self._past, kana_block))

    def _past(self, block: QuestionBlock) -> bool:
        """Focus the question shown after ``block`` (False: it is the last one)."""
        shown = [b for b in self.blocks if not b.isHidden()]
        if block not in shown or block is shown[-1]:
            return False
        following = shown[shown.index(block) + 1]
        following.field.focus_first()
        self.scroller.ensureWidgetVisible(following, 10, 30)
        return True

    def set_shown(self, shown: Sequence[str], helps: Mapping[str, str]) -> None:
        """Show the blocks of ``shown`` questions (hide the rest) with their help texts."""
        for block in self.blocks:
            block.setVisible(block.question.id in shown)
            block.show_help(helps.get(block.question.id, ""))

    def focus_first(self) -> None:
        """The first question not answered yet (else the first) gets the focus."""
        block = self.block
        if block is not None:
            block.field.focus_first()

    def typed(self, *, every: bool = False) -> dict[str, object]:
        """The raw answers on the page: of the questions shown (or ``every`` one)."""
        blocks = [b for b in self.blocks if every or not b.isHidden()]
        return {b.question.id: b.field.value() for b in blocks}

    def typed_anything(self) -> bool:
        return any(not b.field.is_blank() for b in self.blocks if not b.isHidden())

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def show_problem(self, question_id: str, message: str) -> None:
        """Say what is wrong right under the answer it concerns, and go there."""
        block = self.block_of(question_id)
        if block is None:
            self.show_error(message)
            return
        block.show_problem(message)
        block.field.focus_first()
        self.scroller.ensureWidgetVisible(block)

    # --- a My Number card read ---

    def take_card(self, person: CardPerson) -> str:
        """Put a resident read off their card into the page: a household row ("household"),
        else the first address on the page not typed yet ("address": the card's address is
        where the resident lives now); "" when the page has neither."""
        shown = [b for b in self.blocks if not b.isHidden()]
        for block in shown:
            if isinstance(block.field, HouseholdTable):
                row = block.field.take_person(person)
                self.scroller.ensureWidgetVisible(row.kana, 10, 30)
                return "household"
        for block in shown:
            field = block.field
            if isinstance(field, AddressField) and field.is_blank():
                field.fill_from_card(person.address)
                if not person.address["postal_code"]:
                    field.editors["postal_code"].setFocus()
                elif not self._past(block):
                    self.next_button.setFocus()
                return "address"
        return ""

    # --- answering ---

    def submit(self) -> None:
        """Hand the answers on when the inline checks pass."""
        shown = [b for b in self.blocks if not b.isHidden()]
        problems = [b for b in shown if not self._checked(b)]
        self.error.clear()
        if problems:
            problems[0].field.focus_first()
            self.scroller.ensureWidgetVisible(problems[0])
            return
        self.answers_given.emit(self.typed())

    def _checked(self, block: QuestionBlock) -> bool:
        field = block.field
        if not field.check():
            block.show_problem("赤字の項目を直してください。")
            return False
        if block.question.required and field.is_blank():
            block.show_problem(REQUIRED + field.blank_hint)
            return False
        block.show_problem("")
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in {Qt.Key.Key_Return, Qt.Key.Key_Enter}:
            event.accept()
            self.submit()
            return
        super().keyPressEvent(event)

    def _after_choice(self, block: QuestionBlock) -> None:
        """A digit picked a choice: on a page of several questions, go on to the next one."""
        shown = [b for b in self.blocks if not b.isHidden()]
        if block in shown and block is not shown[-1] and len(shown) > 1:
            following = shown[shown.index(block) + 1]
            following.field.focus_first()
            self.scroller.ensureWidgetVisible(following, 10, 30)
        block.show_problem("")


def _is_choice(question: Question) -> bool:
    return not question.per_member and (bool(question.choices) or question.type.value == "yesno")
