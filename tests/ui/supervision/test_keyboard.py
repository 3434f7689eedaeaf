"""Keyboard first: every label with a mnemonic names the control it focuses, the pages open
with Alt+1…4, Tab walks from the outline through the form to the YAML and the problems, and
F8 goes to the next problem's item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kakanai.ui.supervision.document import TREE
from kakanai.ui.supervision.view import SupervisionView
from tests.ui.supervision.conftest import checked


def test_every_label_with_a_mnemonic_focuses_a_control(qtbot: QtBot, view: SupervisionView) -> None:
    assert view.edit_page.choose(("QUESTION", "move_type"))
    labels = [label for label in view.findChildren(QLabel) if "&" in label.text()]
    assert len(labels) > 15
    for label in labels:
        assert label.buddy() is not None, label.text()


def test_alt_and_a_digit_opens_each_page(qtbot: QtBot, view: SupervisionView) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.edit_page.outline.setFocus()
    pages = [view.preview_page, view.scenarios_page, view.review_page, view.edit_page]
    keys = [Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_1]
    for key, page in zip(keys, pages, strict=True):
        qtbot.keyClick(QApplication.focusWidget() or view, key, Qt.KeyboardModifier.AltModifier)
        assert view.tabs.currentWidget() is page
    view.scenarios_page.wait_idle()


def test_tab_walks_from_the_outline_through_the_form_to_the_yaml_and_the_problems(
    qtbot: QtBot, view: SupervisionView
) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    assert view.edit_page.choose(("PROCEDURE", "kokuho_kanyu"))
    qtbot.waitUntil(view.edit_page.form.field("name").isVisible)  # shown by the event loop
    view.edit_page.outline.setFocus()
    reached: list[QWidget] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    form = view.edit_page.form
    for wanted in (form.field("name").focus_target(), form.field("when").focus_target(),
                   view.edit_page.yaml, view.problems.list):  # fmt: skip
        assert wanted in reached, [type(w).__name__ + ":" + w.objectName() for w in reached]


def test_f8_goes_to_the_item_of_the_next_problem(qtbot: QtBot, view: SupervisionView) -> None:
    document = view.document
    broken = document.text.replace("and kaigo_nintei", "and kaigo_nintie", 1)
    document.apply(TREE, broken, "手続き kaigo_jukyu_shikaku_teishutsu の条件を変更")
    checked(qtbot, view)
    view.actions_.next_problem.trigger()
    place = view.edit_page.outline.current_place()
    assert place is not None
    assert place.id == "kaigo_jukyu_shikaku_teishutsu"
