"""Driving the counter wizard the way a clerk does, through its real widgets with qtbot
(digits and Enter on choices, typing into fields, picking from lists). Also meant for the
end-to-end test and the screenshots."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kakanai.core.trees.answers import MEMBER_KEYS
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.answer_fields import ChoiceField, LineField
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.view import CounterView
from tests.services.counter.workspace import reference_answers

ANSWERS = reference_answers()


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text``: ASCII as key presses; Japanese as an IME commits it (an input method
    event into a line edit, a key event carrying the character elsewhere). QTest can only
    press keys with ASCII names."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        elif isinstance(widget, QLineEdit):
            commit = QInputMethodEvent()
            commit.setCommitString(char)
            QApplication.sendEvent(widget, commit)
        else:
            event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def press_enter(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def retype(qtbot: QtBot, editor: QLineEdit, text: str) -> None:
    """Select all and type over it (what a clerk does to correct a filled field)."""
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    type_text(qtbot, editor, text)
    editor.editingFinished.emit()


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Type the item's text on a closed list (keyboard search), as a clerk does."""
    type_text(qtbot, combo, text)
    assert combo.currentText() == text, (combo.currentText(), text)


def choose(qtbot: QtBot, field: ChoiceField, raw: object) -> None:
    """Press the digit of each wanted choice."""
    wanted = raw if isinstance(raw, list) else [raw]
    for value in wanted:
        number = field._values.index(str(value)) + 1
        qtbot.keyClick(field.buttons[0], str(number))


def fill_address(qtbot: QtBot, field: AddressField, address: Mapping[str, str]) -> None:
    """Postal code first (fills the rest from Japan Post's data), then correct and complete."""
    type_text(qtbot, field.editors["postal_code"], address.get("postal_code", ""))
    for key, editor in field.editors.items():
        if key != "postal_code" and editor.text() != address.get(key, ""):
            retype(qtbot, editor, address.get(key, ""))


def fill_household(qtbot: QtBot, table: HouseholdTable, members: list[Mapping[str, str]]) -> None:
    while len(table.rows) < len(members):
        qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    for row, member in zip(table.rows, members, strict=True):
        for key in MEMBER_KEYS:
            editor = row.editors[key]
            if isinstance(editor, QComboBox):
                pick(qtbot, editor, str(member[key]))
            else:
                retype(qtbot, editor, str(member[key]))


def type_answer(qtbot: QtBot, view: CounterView, raw: Any) -> None:
    """Give ``raw`` to the question on screen through its widget (without moving on)."""
    field = view.question_page.field
    if isinstance(field, ChoiceField):
        choose(qtbot, field, raw)
    elif isinstance(field, LineField):
        retype(qtbot, field.editor, "" if raw is None else str(raw))
    elif isinstance(field, AddressField):
        fill_address(qtbot, field, raw)
    elif isinstance(field, HouseholdTable):
        fill_household(qtbot, field, raw)
    else:
        raise TypeError(f"no driver for {type(field).__name__}")


def answer(qtbot: QtBot, view: CounterView, raw: Any) -> None:
    """Type the answer and press Enter on the field."""
    type_answer(qtbot, view, raw)
    field = view.question_page.field
    assert field is not None
    target = field.focusWidget() or field
    press_enter(qtbot, target)


def answer_until(
    qtbot: QtBot, view: CounterView, stop: str | None = None, answers: Mapping[str, Any] = ANSWERS
) -> None:
    """Answer the reference family's answers until ``stop`` is on screen (or the summary)."""
    while (current := view.current_question_id()) is not None and current != stop:
        answer(qtbot, view, answers.get(current))
        assert view.current_question_id() != current, view.question_page.error.text()
