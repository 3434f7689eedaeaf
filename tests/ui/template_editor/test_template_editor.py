"""The 様式 editor around a real template with a background PDF: a field placed with the
mouse, bound by its Japanese label, printed on the form; keys, checks, undo and redo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kakanai.core.forms.model import Box
from kakanai.services.forms.checking import check_templates
from kakanai.services.template_editing.checking import CheckContext
from kakanai.ui.template_editor.editor import TemplateEditor
from tests.printed_pages import plumber_chars, text_within
from tests.services.template_editing.conftest import SAMPLES, TREES, copied_template

WAIT_MS = 30_000
BREED_CELL = Box(63, 126.5, 55, 8)  # the background's empty 種類 cell (mm)


@pytest.fixture
def template_path(tmp_path: Path) -> Path:
    return copied_template(tmp_path / "forms_templates")


@pytest.fixture
def editor(qtbot: QtBot, template_path: Path) -> Iterator[TemplateEditor]:
    widget = TemplateEditor(
        template_path.parent, context=CheckContext(TREES, SAMPLES), confirm=lambda _name: False
    )
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    with qtbot.waitSignal(widget.preview_shown, timeout=WAIT_MS):
        widget.show()
    yield widget
    widget.wait_for_preview()  # no rendering left running after the test


def on_page(editor: TemplateEditor, x: float, y: float) -> QPoint:
    """The viewport pixel of a point of the paper given in millimetres."""
    return editor.canvas.mapFromScene(QPointF(x, y))


def drag(qtbot: QtBot, editor: TemplateEditor, box: Box) -> None:
    viewport = editor.canvas.viewport()
    start, end = on_page(editor, box.x, box.y), on_page(editor, box.right, box.bottom)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, pos=(start + end) / 2)
    qtbot.mouseMove(viewport, pos=end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def place_dog_name(qtbot: QtBot, editor: TemplateEditor) -> None:
    """Draw a box over the 種類 cell and pick 犬の名前 from the list by typing it."""
    drag(qtbot, editor, BREED_CELL)
    assert editor.panel.picker.search.hasFocus()
    editor.panel.picker.search.insert("犬の名前")  # what an input method commits
    assert editor.panel.picker.matches()[0].source == "answers.dog_name"
    with qtbot.waitSignal(editor.preview_shown, timeout=WAIT_MS):
        qtbot.keyClick(editor.panel.picker.search, Qt.Key.Key_Return)


def test_a_field_drawn_and_bound_prints_the_sample_in_its_place(
    qtbot: QtBot, editor: TemplateEditor, template_path: Path
) -> None:
    place_dog_name(qtbot, editor)
    assert editor.session is not None
    field = editor.session.field(editor.selected)  # type: ignore[arg-type]
    assert field is not None
    assert (field.kind, field.value) == ("text", "answers.dog_name")
    drawn = field.box
    assert drawn is not None
    assert abs(drawn.x - BREED_CELL.x) <= 0.5
    assert abs(drawn.y - BREED_CELL.y) <= 0.5
    assert editor.last_preview is not None
    assert editor.last_preview.pdf is not None
    sample = editor.session.samples[editor.samples.currentIndex()]
    dog = next(a["value"] for a in sample.case["answers"] if a["question"] == "dog_name")
    assert text_within(plumber_chars(editor.last_preview.pdf, 0), drawn) == dog
    assert editor.save()
    (report,) = check_templates([template_path], TREES, SAMPLES)
    assert report.problems == []
    assert "value: answers.dog_name}" in template_path.read_text(encoding="utf-8")


def test_arrow_keys_nudge_the_selected_box_and_delete_removes_it(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    place_dog_name(qtbot, editor)
    assert editor.session is not None
    ref = editor.selected
    assert ref is not None
    before = editor.session.field(ref).box  # type: ignore[union-attr]
    assert before is not None
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    after = editor.session.field(ref).box  # type: ignore[union-attr]
    assert after == Box(before.x + 0.5, round(before.y + 0.1, 1), before.w, before.h)
    assert editor.session.document.undo_name == "項目「犬の名前2」を移動"  # the form has one
    count = len(editor.session.fields())
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Delete)
    assert len(editor.session.fields()) == count - 1
    assert editor.selected is None


def test_a_binding_the_kind_cannot_show_is_the_checkers_message(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    place_dog_name(qtbot, editor)
    assert editor.session is not None
    ref = editor.selected
    editor.panel.kind.setCurrentIndex(editor.panel.kind.findData("check"))
    with qtbot.waitSignal(editor.checked, timeout=WAIT_MS):  # checked off the GUI thread
        editor.panel.kind.activated.emit(editor.panel.kind.currentIndex())
    (problem,) = editor.session.check().of(ref)  # type: ignore[arg-type]
    assert problem.code.code == "FORM_005"
    assert problem.message in editor.panel.messages.text()
    shown = [editor.problems.item(i).text() for i in range(editor.problems.count())]
    assert any(problem.message in text and "FORM_005" in text for text in shown)
    shown = editor.canvas.shown(ref)  # type: ignore[arg-type]
    assert shown is not None
    assert shown.problems == (problem.message,)  # drawn red, the message as its tooltip
    item = editor.field_list.currentItem()
    assert item is not None
    assert item.text().startswith("⚠ 犬の名前2")


def test_a_misspelt_binding_in_the_file_is_shown_on_its_box(
    qtbot: QtBot, template_path: Path
) -> None:
    text = template_path.read_text(encoding="utf-8")
    template_path.write_text(text.replace("value: answers.dog_name", "value: answers.dog_nmae"))
    widget = TemplateEditor(template_path.parent, context=CheckContext(TREES, SAMPLES))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.checked, timeout=WAIT_MS):  # checked off the GUI thread
        widget.show()
    assert widget.session is not None
    field = next(f for f in widget.session.fields() if f.name == "犬の名前")
    shown = widget.canvas.shown(field.ref)
    assert shown is not None
    (message,) = shown.problems
    assert message.startswith(
        "案件に項目「answers.dog_nmae」はありません。もしかして: answers.dog_name"
    )
    widget.select(field.ref)
    assert "FORM_003 " + message in widget.panel.messages.text()
    widget.wait_for_preview()


def test_undo_and_redo_replay_named_steps(qtbot: QtBot, editor: TemplateEditor) -> None:
    assert editor.session is not None
    original = editor.session.text
    place_dog_name(qtbot, editor)
    bound = editor.session.text
    assert editor.undo_button.toolTip() == "元に戻す: 項目「文字」の値を「犬の名前」に"
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert "answers.dog_name" not in editor.session.text.splitlines()[-1]
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert editor.session.text == original
    assert not editor.has_unsaved_changes()
    qtbot.mouseClick(editor.redo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.redo_button, Qt.MouseButton.LeftButton)
    assert editor.session.text == bound
    assert editor.status.text() == "やり直しました: 項目「文字」の値を「犬の名前」に"


def test_ctrl_z_undoes_inside_the_editor(qtbot: QtBot, editor: TemplateEditor) -> None:
    assert editor.session is not None
    place_dog_name(qtbot, editor)
    editor.activateWindow()
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.session.document.redo_name == "項目「文字」の値を「犬の名前」に"


def test_every_mnemonic_is_unique(editor: TemplateEditor) -> None:
    texts = [w.text() for w in editor.findChildren(QLabel) + editor.findChildren(QAbstractButton)]
    keys = [t[t.index("&") + 1].upper() for t in texts if "&" in t]
    assert keys
    assert len(keys) == len(set(keys)), keys


def test_tab_reaches_the_page_the_list_and_the_search(editor: TemplateEditor) -> None:
    editor.templates.setFocus()
    reached: list[QWidget] = []
    widget: QWidget = editor.templates
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget is editor.templates:
            break
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            reached.append(widget)
    for wanted in (editor.canvas, editor.field_list, editor.panel.picker.search,
                   editor.panel.kind, editor.save_button, editor.problems):  # fmt: skip
        assert wanted in reached


def test_unsaved_changes_are_reported_and_saved(
    qtbot: QtBot, editor: TemplateEditor, template_path: Path
) -> None:
    assert not editor.has_unsaved_changes()
    place_dog_name(qtbot, editor)
    assert editor.has_unsaved_changes()
    assert editor.save()
    assert not editor.has_unsaved_changes()
    assert editor.session is not None
    assert template_path.read_text(encoding="utf-8") == editor.session.text


def test_a_scenario_of_the_trees_fills_the_preview(qtbot: QtBot, template_path: Path) -> None:
    widget = TemplateEditor(template_path.parent, context=CheckContext(TREES, SAMPLES[:1]))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.scenarios_loaded, timeout=WAIT_MS):
        widget.show()
    names = [widget.samples.itemText(i) for i in range(widget.samples.count())]
    scenario = next(i for i, name in enumerate(names) if name.startswith("シナリオ「転入 犬と原付"))
    widget.samples.setCurrentIndex(scenario)
    with qtbot.waitSignal(widget.preview_shown, timeout=WAIT_MS):
        widget.samples.activated.emit(scenario)
    assert widget.session is not None
    case = widget.session.samples[scenario].case
    members = case["household"]["members"]
    head = next(m["name"] for m in members if m["index"] == case["household"]["head"])
    field = next(f for f in widget.session.fields() if f.name == "飼い主の氏名")
    assert widget.last_preview is not None
    assert widget.last_preview.pdf is not None
    assert field.box is not None
    printed = text_within(plumber_chars(widget.last_preview.pdf, 0), field.box)
    assert printed == head.replace(" ", "")  # the space between the names is a gap
    widget.wait_for_preview()


def test_a_field_added_with_the_keyboard_lands_in_view_and_moves_with_arrows(
    qtbot: QtBot, editor: TemplateEditor
) -> None:
    assert editor.session is not None
    count = len(editor.session.fields())
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    ref = editor.selected
    assert ref is not None
    assert len(editor.session.fields()) == count + 1
    placed = editor.session.field(ref).box  # type: ignore[union-attr]
    assert placed is not None
    seen = editor.canvas.mapToScene(editor.canvas.viewport().rect()).boundingRect()
    assert seen.contains(placed.x + placed.w / 2, placed.y + placed.h / 2)
    editor.canvas.setFocus()
    qtbot.keyClick(editor.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert editor.session.field(ref).box == Box(  # type: ignore[union-attr]
        placed.x, placed.y, placed.w + 0.5, placed.h
    )
    assert editor.session.document.undo_name == "項目「文字」の大きさを変更"


def test_a_table_offers_no_value_to_choose(qtbot: QtBot, tmp_path: Path) -> None:
    path = copied_template(tmp_path / "forms_templates", "juumin_idou_todoke")
    widget = TemplateEditor(path.parent, context=CheckContext(TREES, SAMPLES[:1]))
    qtbot.addWidget(widget)
    assert widget.session is not None
    table = next(f for f in widget.session.fields() if f.kind == "table")
    widget.select(table.ref)
    assert not widget.panel.picker.isEnabled()
    assert not widget.panel.kind.isEnabled()
    text = next(f for f in widget.session.fields() if f.kind == "text")
    widget.select(text.ref)
    assert widget.panel.picker.isEnabled()
    widget.wait_for_preview()
