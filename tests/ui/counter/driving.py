"""Driving the counter wizard the way a clerk does, through its real widgets: the app's own
clerk (``kakanai.ui.counter.clerk``, also `kakanai bench counter`'s) answers page by page;
these helpers stop at a question or type one answer. Also used by the end-to-end test."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from kakanai.ui.counter.answer_fields import AnswerField
from kakanai.ui.counter.clerk import Clerk
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


def field_of(view: CounterView, question_id: str) -> AnswerField:
    block = view.question_page.block_of(question_id)
    assert block is not None, (question_id, view.question_page.shown_ids())
    return block.field


def type_answer(qtbot: QtBot, view: CounterView, raw: Any, question_id: str = "") -> None:
    """Give ``raw`` to a question on screen (the interview's current one unless named)
    through its widget, without moving on."""
    target = question_id or view.current_question_id() or ""
    field = field_of(view, target)
    field.focus_first()
    Clerk(view).answer(field, raw)


def answer(qtbot: QtBot, view: CounterView, raw: Any) -> None:
    """Type the answer to the current question and press Enter on its field."""
    type_answer(qtbot, view, raw)
    focused = QApplication.focusWidget()
    press_enter(qtbot, focused or view.question_page)


def choose_events(view: CounterView, events: list[str] | None = None) -> None:
    """On the events page, check ``events`` (None: the default) and press Enter. The
    supervisor's preview runs one draft tree and has no events page."""
    events_page = getattr(view, "events_page", None)
    if events_page is not None and view.pages.currentWidget() is events_page:
        Clerk(view).choose_events(events)


def answer_until(
    qtbot: QtBot, view: CounterView, stop: str | None = None, answers: Mapping[str, Any] = ANSWERS
) -> None:
    """Answer the reference family's answers until ``stop`` is on screen (the questions
    above it on its page answered too, not handed in) or the summary; the events page
    first, when it is on screen (the answers' ``@events``, else the default)."""
    clerk = Clerk(view)
    choose_events(view, answers.get("@events"))
    while (current := view.current_question_id()) is not None:
        shown = view.question_page.shown_ids()
        if stop in shown:
            for question_id in shown[: shown.index(stop)]:
                clerk.answer(field_of(view, question_id), answers.get(question_id))
            field_of(view, stop).focus_first()
            return
        clerk.answer_page(answers)
        assert view.current_question_id() != current, view.question_page.error.text()
