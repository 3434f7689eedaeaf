"""The address field with the city's towns: the city's postal code fills its town, a code
of several towns lists them, a few characters of a reading complete a town (Enter fills the
prefecture, municipality, town and postal code), Tab leaves the list without choosing, and
F2… put in a building the city knows at the 番地."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kakanai.services.counter.towns import TOWNS_FILE, city_towns
from kakanai.services.workspace import Workspace
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import answer_until, choose_events, field_of, type_text

PARTS = ("postal_code", "prefecture", "municipality", "town", "block")


@pytest.fixture
def field(qtbot: QtBot) -> AddressField:
    """An address field of サンプル市, shown in the active window (keys reach its lists)."""
    address = AddressField(city_towns(Path("/nonexistent"), "サンプル市"))
    qtbot.addWidget(address)
    address.show()
    address.activateWindow()
    qtbot.waitUntil(address.isActiveWindow)
    return address


def press(qtbot: QtBot, key: Qt.Key) -> None:
    """A key where Qt delivers it: the open list, else the focus."""
    target: QWidget | None = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)


def parts(field: AddressField) -> list[str]:
    return [field.editors[key].text() for key in PARTS]


def test_the_citys_postal_code_fills_its_town_and_leaves_the_block(
    qtbot: QtBot, field: AddressField
) -> None:
    field.focus_first()
    type_text(qtbot, field.editors["postal_code"], "1000001")
    assert parts(field) == ["100-0001", "東京都", "サンプル市", "中央一丁目", ""]
    assert field.editors["block"].hasFocus()


def test_a_code_of_several_towns_lists_them_and_down_enter_chooses(
    qtbot: QtBot, field: AddressField
) -> None:
    field.focus_first()
    type_text(qtbot, field.editors["postal_code"], "1000012")
    assert field.town_popup.isVisible()
    assert field.town_popup.model().rowCount() == 3
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert parts(field) == ["100-0012", "東京都", "サンプル市", "緑町二丁目", ""]
    assert field.editors["block"].hasFocus()


def test_a_few_kana_in_the_town_complete_the_whole_address_up_to_the_block(
    qtbot: QtBot, field: AddressField
) -> None:
    field.editors["town"].setFocus()
    type_text(qtbot, field.editors["town"], "にしまち")
    shown = field.town_popup.model().index(0, 0).data()
    assert shown == "西町一丁目(ニシマチイッチョウメ) 〒100-0006"
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert parts(field) == ["100-0006", "東京都", "サンプル市", "西町四丁目", ""]
    assert field.editors["block"].hasFocus()


def test_tab_leaves_the_town_list_without_choosing(qtbot: QtBot, field: AddressField) -> None:
    field.editors["town"].setFocus()
    type_text(qtbot, field.editors["town"], "中央")
    assert field.town_popup.isVisible()
    press(qtbot, Qt.Key.Key_Tab)
    assert not field.town_popup.isVisible()
    assert parts(field) == ["", "", "", "中央", ""]
    assert field.editors["block"].hasFocus()


def test_a_town_of_another_municipality_is_not_completed_from_the_city(
    qtbot: QtBot, field: AddressField
) -> None:
    field.editors["municipality"].setText("大阪市中央区")
    field.editors["town"].setFocus()
    type_text(qtbot, field.editors["town"], "中央")
    assert not field.town_popup.isVisible()


def test_f2_puts_in_the_building_the_city_knows_at_the_block(
    qtbot: QtBot, field: AddressField
) -> None:
    field.focus_first()
    type_text(qtbot, field.editors["postal_code"], "1000001")
    type_text(qtbot, field.editors["block"], "2番3号")
    note = field.building_note.text()
    assert note == "この番地の建物: F2 サンプルハイツ中央  F3 サンプルグランドレジデンス東棟"
    qtbot.keyClick(field.editors["block"], Qt.Key.Key_F3)
    assert field.editors["building"].hasFocus()
    type_text(qtbot, field.editors["building"], " 1203号室")
    assert field.editors["building"].text() == "サンプルグランドレジデンス東棟 1203号室"


def test_no_building_is_offered_at_an_address_of_another_municipality(
    qtbot: QtBot, field: AddressField
) -> None:
    field.set_value({"municipality": "みなと市", "town": "中央一丁目", "block": "2番3号"})
    assert field.building_offers == []
    assert field.building_note.isHidden()


def test_the_counter_completes_the_new_address_from_the_desks_city(
    qtbot: QtBot, view: CounterView
) -> None:
    answer_until(qtbot, view, "new_address")
    field = field_of(view, "new_address")
    assert isinstance(field, AddressField)
    type_text(qtbot, field.editors["postal_code"], "1000001")
    assert parts(field) == ["100-0001", "東京都", "サンプル市", "中央一丁目", ""]


def test_a_broken_towns_csv_is_reported_and_the_interview_goes_on(
    qtbot: QtBot, events_view: CounterView, workspace: Workspace
) -> None:
    (workspace.data_dir / TOWNS_FILE).write_text("町字\n", encoding="utf-8")
    said: list[str] = []
    events_view.status.connect(said.append)
    choose_events(events_view)
    assert any("COUNTER_007" in message for message in said)
    assert events_view.current_question_id() == "move_type"
    assert len(events_view.question_page.towns) == 0
