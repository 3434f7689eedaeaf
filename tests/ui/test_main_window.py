"""The main window: title, modes, menus with mnemonics, settings and the purge action."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kakanai.services.workspace import Workspace
from kakanai.ui.application import MODES, has_screen
from kakanai.ui.main_window import MainWindow


def test_title_names_city_desk_and_mode(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace, MODES)
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("サンプル市 窓口1 窓口モード")


def test_ctrl_2_switches_to_the_desk_and_the_title_names_its_department(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace, MODES)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view.mode_id == "desk"
    assert "連携課モード(市民課)" in window.windowTitle()


def test_the_chosen_mode_is_remembered_for_the_next_start(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace, MODES)
    qtbot.addWidget(window)
    window.show_mode("desk")
    saved = json.loads(workspace.loaded.path.read_text(encoding="utf-8"))
    assert saved["mode"] == "desk"


def test_every_menu_and_menu_item_has_a_mnemonic(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace, MODES)
    qtbot.addWidget(window)
    for menu_action in window.menuBar().actions():
        if not menu_action.isVisible():
            continue
        assert "&" in menu_action.text(), menu_action.text()
        menu = menu_action.menu()
        for item in menu.actions() if menu is not None else []:
            assert item.isSeparator() or "&" in item.text(), item.text()


def test_status_bar_names_the_database(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace, MODES)
    qtbot.addWidget(window)
    texts = [w.text() for w in window.statusBar().findChildren(type(window._database_label))]
    assert "データベース: SQLite" in texts


@pytest.mark.parametrize(
    ("env", "platform", "expected"),
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "win32", True),
    ],
)
def test_without_a_screen_the_app_says_so_instead_of_crashing(
    env: dict[str, str], platform: str, *, expected: bool
) -> None:
    assert has_screen(env, platform) is expected
