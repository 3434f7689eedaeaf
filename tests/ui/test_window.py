"""The main window as a clerk uses it all day: it fits a 1024×700 screen and never grows past
it, remembers its size, asks before quitting mid-interview, keeps every mnemonic unique and
the focus visible, and shows the shortcuts one phrase per line."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kakanai.services.settings import change_settings
from kakanai.services.workspace import Workspace
from kakanai.ui.application import MODES
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.view import CounterView
from kakanai.ui.desk.view import DeskView
from kakanai.ui.keys_help import KeysHelpDialog
from kakanai.ui.main_window import MainWindow
from kakanai.ui.settings_dialog import SettingsDialog
from tests.ui.counter.driving import answer_until, choose_events, field_of
from tests.ui.dialogs import when_shown

SMALL = (1024, 700)


def window_at(qtbot: QtBot, workspace: Workspace, size: tuple[int, int] = SMALL) -> MainWindow:
    window = MainWindow(workspace, MODES)
    qtbot.addWidget(window, before_close_func=_end_interviews)
    window.resize(*size)
    window.show()
    return window


def _end_interviews(window: QWidget) -> None:
    """Teardown closes the window: no one is left mid-interview to be asked about."""
    for view in window.findChildren(CounterView):
        if view.session is not None and not view.session.closed:
            view.session.discard()


def counter(window: MainWindow) -> CounterView:
    view = window.current_view
    assert isinstance(view, CounterView)
    return view


def fully_visible(widget: QWidget, within: QWidget) -> bool:
    """Whether all of ``widget`` lies inside ``within`` (a scroll area's viewport)."""
    top_left = widget.mapTo(within, widget.rect().topLeft())
    return within.rect().contains(QRect(top_left, widget.size()))


def test_the_window_fits_1024_by_700_with_the_whole_household_row_in_view(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = window_at(qtbot, workspace)
    view = counter(window)
    answer_until(qtbot, view, "household")
    assert window.minimumSizeHint().width() <= SMALL[0]
    assert window.size().toTuple() == SMALL
    table = field_of(view, "household")
    assert isinstance(table, HouseholdTable)
    viewport = view.question_page.scroller.viewport()
    row = table.rows[0]
    for widget in (row.name, row.kana, row.birth, row.sex, row.relationship):
        assert fully_visible(widget, viewport), widget
    assert fully_visible(table.add_button, viewport)


def test_issuing_the_slip_does_not_widen_the_window(qtbot: QtBot, workspace: Workspace) -> None:
    window = window_at(qtbot, workspace, (1366, 768))
    view = counter(window)
    answer_until(qtbot, view)
    view.print_slip()
    assert view.case is not None
    qtbot.wait(50)
    assert window.size().toTuple() == (1366, 768)
    assert window.minimumSizeHint().width() <= SMALL[0]


def test_the_window_opens_again_at_the_size_it_was_closed(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = window_at(qtbot, workspace, (790, 520))  # the offscreen screen is 800×600
    closed = window.size().toTuple()
    window.close()
    reopened = MainWindow(workspace, MODES)
    qtbot.addWidget(reopened, before_close_func=_end_interviews)
    assert reopened.size().toTuple() == closed
    assert closed[1] == 520


def test_the_window_opens_again_where_it_was_closed(qtbot: QtBot, workspace: Workspace) -> None:
    window = window_at(qtbot, workspace, (700, 500))
    window.move(37, 23)
    qtbot.waitUntil(lambda: window.pos().toTuple() == (37, 23))
    closed = window.geometry().topLeft().toTuple()  # of the inside, without the frame
    window.close()
    reopened = MainWindow(workspace, MODES)
    qtbot.addWidget(reopened, before_close_func=_end_interviews)
    assert reopened.geometry().topLeft().toTuple() == closed


def test_quitting_mid_interview_asks_first(qtbot: QtBot, workspace: Workspace) -> None:
    window = window_at(qtbot, workspace)
    answer_until(qtbot, counter(window), "previous_address")
    asked = when_shown(lambda box: box.reject())  # いいえ (Esc)
    window.close()
    assert asked
    assert isinstance(asked[0], QMessageBox)
    assert window.isVisible()
    when_shown(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    window.close()
    assert not window.isVisible()


def test_quitting_between_interviews_does_not_ask(qtbot: QtBot, workspace: Workspace) -> None:
    window = window_at(qtbot, workspace)
    asked = when_shown(lambda box: box.close())
    window.close()
    qtbot.wait(30)
    assert not asked
    assert not window.isVisible()


def mnemonics(window: MainWindow) -> list[str]:
    """The Alt+letter keys the window answers to now: menus, labels with a buddy, buttons."""
    found = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        pressable = isinstance(widget, QAbstractButton) and widget.isEnabled()
        if labelled or pressable:
            found.append(widget.text())  # type: ignore[attr-defined]
    keys = []
    for text in found:
        at = text.find("&")
        if at >= 0 and at + 1 < len(text) and text[at + 1] != "&":
            keys.append(text[at + 1].upper())
    return keys


def duplicates(keys: list[str]) -> list[str]:
    return [key for key, count in Counter(keys).items() if count > 1]


@pytest.mark.parametrize(
    "stop", ["move_type", "previous_address", "household", "honseki", "health_insurance"]
)
def test_every_mnemonic_on_a_page_is_unique(qtbot: QtBot, workspace: Workspace, stop: str) -> None:
    window = window_at(qtbot, workspace)
    view = counter(window)
    answer_until(qtbot, view, stop)
    assert duplicates(mnemonics(window)) == []
    view.banner.confirm_discard()  # Ctrl+N mid-interview
    assert duplicates(mnemonics(window)) == []


def test_every_mnemonic_on_the_summary_and_the_desk_is_unique(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = window_at(qtbot, workspace)
    answer_until(qtbot, counter(window), None)
    assert duplicates(mnemonics(window)) == []
    window.show_mode("desk")
    assert duplicates(mnemonics(window)) == []


def test_the_focus_is_visible_on_choices_buttons_and_fields(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = window_at(qtbot, workspace)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view = counter(window)
    event, start = view.events_page.boxes[1], view.events_page.start_button
    start.setFocus()
    without = event.grab().toImage()
    event.setFocus()
    assert event.grab().toImage() != without  # the events page's check boxes too
    choose_events(view)
    radio = next(w for w in view.findChildren(QRadioButton) if w.isVisible())
    others = [view.question_page.next_button, view.side_panel.path]
    for widget in (radio, *others):
        elsewhere = others[0] if widget is not others[0] else radio
        elsewhere.setFocus()
        without = widget.grab().toImage()
        widget.setFocus()
        assert widget.grab().toImage() != without, widget


def test_the_shortcuts_show_each_phrase_on_one_line(qtbot: QtBot, workspace: Workspace) -> None:
    window = window_at(qtbot, workspace)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    shown = when_shown(lambda dialog: dialog.close())
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown
    labels = [w for w in shown[0].findChildren(QLabel) if "Ctrl+N" in w.text()]
    assert labels
    assert not any(label.wordWrap() for label in labels)
    assert isinstance(shown[0], KeysHelpDialog)
    assert shown[0].width() >= labels[0].sizeHint().width()


def test_a_new_department_in_the_settings_is_named_on_the_desk_at_once(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = window_at(qtbot, workspace)
    desk = window.show_mode("desk")
    assert isinstance(desk, DeskView)
    assert "市民課" in desk.idle.text()

    def choose_kodomo(dialog: QWidget) -> None:
        assert isinstance(dialog, SettingsDialog)
        combo = dialog.fields["department"]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData("kodomo"))
        dialog.save()

    when_shown(choose_kodomo)
    window._open_settings()  # ファイル → 設定
    assert "こども育成課" in desk.idle.text()
    assert "市民課" not in desk.idle.text()


def test_a_mode_change_clears_what_the_other_mode_said(qtbot: QtBot, workspace: Workspace) -> None:
    window = window_at(qtbot, workspace)
    window.show_status("案内票を印刷しました(folder)。")
    window.show_mode("desk")
    assert window.statusBar().currentMessage() == ""


def test_settings_changed_in_the_file_reach_a_desk_built_later(
    qtbot: QtBot, workspace: Workspace
) -> None:
    loaded = workspace.loaded
    workspace.loaded = change_settings(
        loaded, dataclasses.replace(loaded.settings, department="kodomo")
    )
    window = window_at(qtbot, workspace)
    desk = window.show_mode("desk")
    assert isinstance(desk, DeskView)
    assert "こども育成課" in desk.idle.text()
