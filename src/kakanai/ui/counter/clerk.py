"""A clerk at the keyboard, for `kakanai bench counter` and the GUI tests: answers the question
on screen the way a clerk types it, always into the widget that has the focus, and counts
every key event (typed characters apart from other keys such as Enter and Tab)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from kakanai.core.trees.answers import MEMBER_KEYS
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.answer_fields import ChoiceField, LineField
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.view import CounterView

CLICK_MS = 150
MAX_TABS = 40  # a field further than this from the focus is a broken tab order


@dataclass
class Keyboard:
    """Sends keys to the focused widget and counts them. Japanese characters are committed
    the way an input method commits them (one event per character: a real IME needs more
    keys, for the reading and the conversion)."""

    typed: int = 0
    other: int = 0
    log: list[str] = field(default_factory=list)

    @property
    def events(self) -> int:
        return self.typed + self.other

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None:
            raise AssertionError("nothing has the keyboard focus")
        return widget

    def type(self, text: str) -> None:
        for char in text:
            self.typed += 1
            widget = self.focus()
            if char.isascii():
                QTest.keyClicks(widget, char)
            elif isinstance(widget, QLineEdit):
                commit = QInputMethodEvent()
                commit.setCommitString(char)
                QApplication.sendEvent(widget, commit)
            else:
                event = QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(widget, event)

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.other += 1
        self.log.append(str(key))
        QTest.keyClick(self.focus(), key, modifier)
        if modifier & Qt.KeyboardModifier.AltModifier:
            QTest.qWait(CLICK_MS)  # a button's mnemonic clicks it after a short animation

    def tab_to(self, target: QWidget) -> None:
        """Tab (or Shift+Tab when it is behind) until ``target`` has the focus."""
        backwards = _is_before(target, self.focus())
        for _ in range(MAX_TABS):
            if self.focus() is target:
                return
            modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier(0)
            self.press(Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, modifier)
        raise AssertionError(f"Tab never reached {target.objectName() or type(target).__name__}")


def _is_before(target: QWidget, focused: QWidget) -> bool:
    """Whether ``target`` comes before ``focused`` in the tab chain."""
    widget: QWidget | None = focused.previousInFocusChain()
    for _ in range(MAX_TABS):
        if widget is None or widget is focused:
            return False
        if widget is target:
            return True
        widget = widget.previousInFocusChain()
    return False


class Clerk:
    """Answers the questions of ``view`` from raw answers (question id → raw value)."""

    def __init__(self, view: CounterView, keyboard: Keyboard | None = None) -> None:
        self.view = view
        self.keys = keyboard or Keyboard()
        self.screens = 0

    def answer_all(self, answers: Mapping[str, Any]) -> None:
        """Answer every question until the summary is on screen."""
        while (current := self.view.current_question_id()) is not None:
            self.screens += 1
            self.answer(answers.get(current))
            if self.view.current_question_id() == current:
                error = self.view.question_page.error.text()
                raise AssertionError(f"{current}: the page did not move on: {error}")
        self.screens += 1  # the summary

    def answer(self, raw: object) -> None:
        """Type the answer to the question on screen and press Enter."""
        field_ = self.view.question_page.field
        if isinstance(field_, ChoiceField):
            self.choose(field_, raw)
        elif isinstance(field_, LineField):
            self.fill(field_.editor, "" if raw is None else str(raw))
        elif isinstance(field_, AddressField):
            self.address(field_, raw if isinstance(raw, Mapping) else {})
        elif isinstance(field_, HouseholdTable):
            self.household(field_, raw if isinstance(raw, list) else [])
        else:
            raise TypeError(f"no clerk for {type(field_).__name__}")
        self.keys.press(Qt.Key.Key_Return)

    def choose(self, field_: ChoiceField, raw: object) -> None:
        wanted = raw if isinstance(raw, list) else [raw]
        for value in wanted:
            self.keys.type(str(field_._values.index(str(value)) + 1))

    def fill(self, editor: QWidget, text: str) -> None:
        """Put ``text`` in ``editor``: go there, and type it unless it is there already."""
        if _text_of(editor) == text:
            return
        if self.keys.focus() is editor:
            if isinstance(editor, QLineEdit) and editor.text():
                self.keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        else:
            self.keys.tab_to(editor)  # Tab selects a line's text, so typing replaces it
        if isinstance(editor, QLineEdit) and not text:
            self.keys.press(Qt.Key.Key_Delete)
            return
        self.keys.type(text)

    def address(self, field_: AddressField, address: Mapping[str, Any]) -> None:
        self.fill(field_.editors["postal_code"], str(address.get("postal_code", "")))
        for key, editor in field_.editors.items():
            if key != "postal_code":
                self.fill(editor, str(address.get(key) or ""))

    def household(self, table: HouseholdTable, members: list[Any]) -> None:
        for number, member in enumerate(members):
            if number >= len(table.rows):
                self.keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
            row = table.rows[number]
            for key in MEMBER_KEYS:
                self.fill(row.editors[key], str(member.get(key, "")))


def _text_of(editor: QWidget) -> str:
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QLineEdit):
        return editor.text()
    return ""
