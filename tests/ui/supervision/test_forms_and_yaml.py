"""The item forms and the YAML beside them: an edit in a form changes only its own lines
(comments, order and hand-written conditions stay) and shows in the YAML at once; typing in
the YAML shows in the form; broken YAML turns the forms off until it is fixed."""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from kakanai.ui.supervision.field_widgets import LineField, TextBoxField
from kakanai.ui.supervision.view import SupervisionView
from tests.ui.counter.driving import type_text
from tests.ui.supervision.conftest import checked


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_an_edit_in_a_form_changes_only_its_own_lines(qtbot: QtBot, view: SupervisionView) -> None:
    before = view.document.text
    assert view.edit_page.choose(("QUESTION", "hittousha"))
    field = view.edit_page.form.field("help")
    assert isinstance(field, TextBoxField)
    field.box.setFocus()
    field.box.selectAll()
    type_text(qtbot, field.box, "国籍をお聞きください。")
    qtbot.keyClick(field.box, Qt.Key.Key_Tab)  # focus leaves: the edit is applied
    after = view.document.text
    assert changed_lines(before, after) == [
        "-        help: 外国籍の方だけの世帯は「なし」と入力してください。",
        "+        help: 国籍をお聞きください。",
    ]
    assert view.edit_page.yaml.toPlainText() == after
    assert view.document.undo_stack.undoText() == "設問 hittousha の補足を変更"


def test_a_help_in_conditional_parts_is_shown_but_only_the_yaml_edits_it(
    qtbot: QtBot, view: SupervisionView
) -> None:
    before = view.document.text
    assert view.edit_page.choose(("QUESTION", "move_date"))
    field = view.edit_page.form.field("help")
    assert isinstance(field, TextBoxField)
    assert field.box.isReadOnly()
    assert field.box.toPlainText() == (
        '転出の場合は、引っ越しの予定日をお聞きください。(条件: move_type == "転出")\n'
        "届出の期限(引っ越した日の翌日から数えて14日)と、まだ引っ越していないかどうかの確認に使います。"
    )
    field.box.setFocus()
    qtbot.keyClick(field.box, Qt.Key.Key_Tab)
    assert view.document.text == before


def test_a_list_edit_changes_only_the_lists_lines(qtbot: QtBot, view: SupervisionView) -> None:
    before = view.document.text
    assert view.edit_page.choose(("PROCEDURE", "inkan_touroku"))
    field = view.edit_page.form.field("bring")
    assert isinstance(field, TextBoxField)
    field.box.setFocus()
    field.box.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(field.box, Qt.Key.Key_Return)
    type_text(qtbot, field.box, "印鑑登録証")
    qtbot.keyClick(field.box, Qt.Key.Key_Tab)
    assert changed_lines(before, view.document.text) == ["+      - 印鑑登録証"]


def test_typing_in_the_yaml_shows_in_the_form_as_one_step(
    qtbot: QtBot, view: SupervisionView
) -> None:
    assert view.edit_page.choose(("PROCEDURE", "inkan_touroku"))
    yaml = view.edit_page.yaml
    place = yaml.toPlainText().index("    name: 印鑑登録\n") + len("    name: 印鑑登録")
    cursor = yaml.textCursor()
    cursor.setPosition(place)
    yaml.setTextCursor(cursor)
    yaml.setFocus()
    type_text(qtbot, yaml, "の申請")
    qtbot.waitUntil(lambda: "name: 印鑑登録の申請\n" in view.document.text, timeout=5_000)
    field = view.edit_page.form.field("name")
    assert isinstance(field, LineField)
    assert field.box.text() == "印鑑登録の申請"
    assert view.document.undo_stack.undoText() == "YAMLを直接編集"
    count = view.document.undo_stack.count()
    view.document.undo_stack.undo()
    assert "name: 印鑑登録\n" in view.document.text
    assert count == 1


def test_broken_yaml_turns_the_forms_off_until_it_is_fixed(
    qtbot: QtBot, view: SupervisionView
) -> None:
    good = view.document.text
    view.edit_page.yaml.setPlainText(good.replace("sections:\n", "sections: [\n", 1))
    qtbot.waitUntil(lambda: view.document.reading.broken, timeout=5_000)
    checked(qtbot, view)
    assert view.edit_page.broken.isVisible()
    assert not view.edit_page.form.isEnabled()
    assert any("TREE_YAML_001" in line for line in view.problems.texts())
    view.document.undo_stack.undo()
    assert not view.edit_page.broken.isVisible()
    assert view.edit_page.form.isEnabled()
