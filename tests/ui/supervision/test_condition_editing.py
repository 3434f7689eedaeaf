"""Editing a condition: a typo is underlined where it is, with もしかして, as it is typed;
fixing it clears it; the whole edit is one named undo step that undoes and redoes in the
form and the YAML alike; completion offers ids with their question's text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from kakanai.ui.supervision.field_widgets import ConditionField
from kakanai.ui.supervision.view import SupervisionView
from tests.ui.supervision.conftest import checked

PROCEDURE = ("PROCEDURE", "kaigo_jukyu_shikaku_teishutsu")
ORIGINAL = 'move_type == "転入" and kaigo_nintei and not shisetsu_nyusho'


def condition_field(qtbot: QtBot, view: SupervisionView) -> ConditionField:
    assert view.edit_page.choose(PROCEDURE)
    field = view.edit_page.form.field("when")
    assert isinstance(field, ConditionField)
    field.edit.setFocus()
    field.edit.moveCursor(QTextCursor.MoveOperation.End)
    return field


def typed(qtbot: QtBot, view: SupervisionView, field: ConditionField, keys: str) -> None:
    """Type ``keys`` (a backspace as \\b) and wait for the draft and its check to follow."""
    for key in keys:
        qtbot.keyClick(field.edit, Qt.Key.Key_Backspace if key == "\b" else key)
    qtbot.waitUntil(lambda: field.edit.condition() in view.document.text, timeout=5_000)
    checked(qtbot, view)


def test_a_typo_is_underlined_with_did_you_mean_fixed_undone_and_redone(
    qtbot: QtBot, view: SupervisionView
) -> None:
    field = condition_field(qtbot, view)
    assert field.edit.condition() == ORIGINAL
    typed(qtbot, view, field, " and kokhu")
    (mark,) = field.edit.marks
    assert field.edit.condition()[mark.start : mark.end] == "kokhu"
    assert "もしかして: kokuho" in mark.message
    assert field.messages.isVisible()
    assert "TREE_REF_001" in field.messages.text()
    assert any("kokhu" in line for line in view.problems.texts())

    typed(qtbot, view, field, "\b\buho")
    fixed = f"{ORIGINAL} and kokuho"
    assert field.edit.condition() == fixed
    assert field.edit.marks == []
    assert not field.messages.isVisible()
    assert f"    when: {fixed}\n" in view.document.text

    stack = view.document.undo_stack
    assert stack.undoText() == "手続き kaigo_jukyu_shikaku_teishutsu の条件を変更"
    assert "元に戻す(&Z): 手続き kaigo_jukyu_shikaku_teishutsu の条件を変更" in [
        a.text() for a in view.menu_actions()
    ]
    qtbot.keyClick(field.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.edit.condition() == ORIGINAL
    assert f"    when: {ORIGINAL}\n" in view.edit_page.yaml.toPlainText()
    qtbot.keyClick(field.edit, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert field.edit.condition() == fixed
    assert f"    when: {fixed}\n" in view.edit_page.yaml.toPlainText()


def test_completion_offers_question_ids_with_their_text_and_types_the_chosen_one(
    qtbot: QtBot, view: SupervisionView
) -> None:
    field = condition_field(qtbot, view)
    qtbot.keyClicks(field.edit, " and kok")
    qtbot.keyClick(field.edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    model = field.edit.completer.completionModel()
    shown = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert shown[0].startswith("kokuho — 国民健康保険に加入している方")
    qtbot.keyClick(field.edit.popup, Qt.Key.Key_Return)
    assert field.edit.condition() == f"{ORIGINAL} and kokuho"


def test_a_typo_is_underlined_at_the_keystroke_before_the_draft_takes_it(
    qtbot: QtBot, view: SupervisionView
) -> None:
    """The condition is checked on its own as it is typed; the whole tree follows later,
    with the same mark."""
    field = condition_field(qtbot, view)
    qtbot.keyClicks(field.edit, " and kokhu")
    assert field.edit.condition() not in view.document.text  # not applied yet
    (mark,) = field.edit.marks
    assert field.edit.condition()[mark.start : mark.end] == "kokhu"
    assert "もしかして: kokuho" in mark.message
    qtbot.waitUntil(lambda: field.edit.condition() in view.document.text, timeout=5_000)
    checked(qtbot, view)
    assert [(m.start, m.end, m.message) for m in field.edit.marks] == [
        (mark.start, mark.end, mark.message)
    ]
