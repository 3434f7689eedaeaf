"""Unsaved changes are never lost silently: switching mode, closing the window and opening
another file ask first, and cancelling stays. Ctrl+3 opens the mode, when the guard lets in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kakanai.services.supervision.accounts import add_user
from kakanai.services.workspace import Workspace
from kakanai.ui.application import MODES
from kakanai.ui.main_window import MainWindow, ModeEntry
from kakanai.ui.supervision.access import SupervisionAccess
from kakanai.ui.supervision.document import TREE
from kakanai.ui.supervision.unsaved import Unsaved
from kakanai.ui.supervision.view import SupervisionView
from tests.conftest import KOUKI_75, KOUKI_76, QUESTIONNAIRES
from tests.supervised_workspaces import NAME, PASSWORD
from tests.ui.supervision.conftest import Asked, signed_in_modes

EDITED = (
    KOUKI_75,
    KOUKI_76,
)


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    shown = MainWindow(workspace, signed_in_modes())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def edited_view(window: MainWindow) -> SupervisionView:
    view = window.show_mode("supervision")
    assert isinstance(view, SupervisionView)
    document = view.document
    document.apply(TREE, document.text.replace(*EDITED, 1), "手続き kouki の条件を変更")
    assert document.modified
    return view


def test_ctrl_3_opens_the_supervisors_mode_on_a_draft_of_the_tree_in_use(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.current_view
    assert view.mode_id == "supervision"
    assert "監修モード(moving.yaml)" in window.windowTitle()
    assert isinstance(view, SupervisionView)
    assert view.document.draft.source == QUESTIONNAIRES / "moving.yaml"
    assert view.document.draft.path.parent.name == "drafts"
    view.document.wait_checked()


def test_switching_mode_with_unsaved_changes_asks_and_cancel_stays(window: MainWindow) -> None:
    view = edited_view(window)
    view.ask_unsaved = asked = Asked(Unsaved.CANCEL)
    window.show_mode("counter")
    assert asked.times == 1
    assert window.current_view is view
    assert view.document.modified


def test_switching_mode_and_not_saving_drops_the_changes(window: MainWindow) -> None:
    view = edited_view(window)
    view.ask_unsaved = Asked(Unsaved.DISCARD)
    window.show_mode("counter")
    assert window.current_view.mode_id == "counter"
    assert not view.document.modified
    assert EDITED[1] not in view.document.text


def test_switching_mode_and_saving_writes_the_draft(window: MainWindow) -> None:
    view = edited_view(window)
    view.ask_unsaved = Asked(Unsaved.SAVE)
    window.show_mode("counter")
    assert window.current_view.mode_id == "counter"
    assert EDITED[1] in view.document.draft.path.read_text(encoding="utf-8")
    assert EDITED[1] not in (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")


def test_closing_the_window_with_unsaved_changes_asks_and_cancel_keeps_it_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = edited_view(window)
    view.ask_unsaved = asked = Asked(Unsaved.CANCEL)
    window.close()
    assert asked.times == 1
    assert window.isVisible()
    view.ask_unsaved = Asked(Unsaved.DISCARD)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_opening_another_file_with_unsaved_changes_asks_first(
    window: MainWindow, tmp_path: Path
) -> None:
    view = edited_view(window)
    other = tmp_path / "other.yaml"
    shutil.copy(QUESTIONNAIRES / "moving.yaml", other)
    view.ask_unsaved = asked = Asked(Unsaved.CANCEL)
    assert not view.open_file(other)
    assert view.document.draft.path != other
    view.ask_unsaved = Asked(Unsaved.DISCARD)
    assert view.open_file(other)
    assert view.document.draft.path == other
    assert not view.document.modified
    assert asked.times == 1


def test_a_guard_that_refuses_keeps_the_current_mode(qtbot: QtBot, workspace: Workspace) -> None:
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    refused: list[object] = []

    def build(ws: Workspace, parent: object) -> SupervisionView:
        cancel = SupervisionAccess(ws, ask=lambda window, _ws: refused.append(window))
        return SupervisionView(ws, parent, access=cancel)  # type: ignore[arg-type]

    modes = [m if m.mode_id != "supervision" else ModeEntry(m.mode_id, m.label, m.shortcut, build)
             for m in MODES]  # fmt: skip
    window = MainWindow(workspace, modes)
    qtbot.addWidget(window)
    window.show_mode("supervision")
    assert refused == [window]
    assert window.current_view.mode_id == "counter"
