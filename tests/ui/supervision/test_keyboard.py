"""Keyboard first: every label with a mnemonic names the control it focuses, the pages open
with Alt+E, V, S and R, Tab walks from the outline through the form to the YAML and the
problems, no two controls share a mnemonic, and F8 goes to the next problem's item."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kakanai.services.supervision.accounts import add_user
from kakanai.services.workspace import Workspace
from kakanai.ui.main_window import MainWindow
from kakanai.ui.supervision.document import TREE
from kakanai.ui.supervision.view import SupervisionView
from tests.supervised_workspaces import NAME, PASSWORD
from tests.ui.supervision.conftest import checked, signed_in_modes

MNEMONIC = re.compile(r"&([^&\s])")


def test_every_label_with_a_mnemonic_focuses_a_control(qtbot: QtBot, view: SupervisionView) -> None:
    assert view.edit_page.choose(("QUESTION", "move_type"))
    labels = [label for label in view.findChildren(QLabel) if "&" in label.text()]
    assert len(labels) > 15
    for label in labels:
        assert label.buddy() is not None, label.text()


def test_alt_and_a_letter_opens_each_page(qtbot: QtBot, view: SupervisionView) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.edit_page.outline.setFocus()
    pages = [view.preview_page, view.scenarios_page, view.review_page, view.edit_page]
    keys = [Qt.Key.Key_V, Qt.Key.Key_S, Qt.Key.Key_R, Qt.Key.Key_E]
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


def test_no_two_controls_on_a_page_share_a_mnemonic(qtbot: QtBot, workspace: Workspace) -> None:
    """Alt+letter reaches exactly one control: the menus, the tabs, the problems and each
    page's labels and buttons, with every kind of item's form."""
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    window = MainWindow(workspace, signed_in_modes())
    qtbot.addWidget(window)
    window.show()
    view = window.show_mode("supervision")
    assert isinstance(view, SupervisionView)
    always = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    always += [view.tabs.tabText(i) for i in range(view.tabs.count())]
    always.append(view.problems.title.text())
    items = [("META", ""), ("SECTION", "move"), ("QUESTION", "move_type"),
             ("COMPUTED", "has_child_hs"), ("PROCEDURE", "kokumin_nenkin"),
             ("DEPARTMENT", "shimin")]  # fmt: skip
    pages = (view.edit_page, view.preview_page, view.scenarios_page, view.review_page)
    for page in (*pages, view.templates_slot):
        view.tabs.setCurrentWidget(page)
        for item in items if page is view.edit_page else [None]:
            if item is not None:
                assert view.edit_page.choose(item)
            controls = page.findChildren(QLabel) + page.findChildren(QAbstractButton)
            shown = [w.text() for w in controls if w.isVisibleTo(view)]
            letters = [m.group(1).upper() for t in always + shown for m in MNEMONIC.finditer(t)]
            repeated = {letter for letter in letters if letters.count(letter) > 1}
            offending = [t for t in always + shown if any(f"&{r}" in t.upper() for r in repeated)]
            assert not repeated, (type(page).__name__, item, offending)
    view.scenarios_page.wait_idle()
    view.document.wait_checked()
