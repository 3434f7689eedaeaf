"""Reading a resident's My Number card at the counter (Ctrl+M), through a real pcscd and its
reader driver with a virtual card on it: the card's address fills the move's previous
address, its name, birth date and sex a household row; a wrong PIN, a locked card and no card
say what to do."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kakanai.benchmarks.counter_households import CARDS, REFERENCE, with_cards
from kakanai.benchmarks.smartcard_lab import LabCards, SmartcardLab, VirtualMyNumberCard
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.card_dialog import CardDialog
from kakanai.ui.counter.clerk import Clerk
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.view import CounterView
from kakanai.ui.counter_bench import comparable, headless_case
from tests.ui.counter.driving import ANSWERS, field_of

HEAD = VirtualMyNumberCard(
    "山田　太郎",
    "埼玉県さいたま市浦和区常盤六丁目４番２１号　浦和ハイツ２０３号室",
    "19820510",
    "1",
    pin="4821",
)
WIFE = VirtualMyNumberCard(
    "山田　花子", "埼玉県さいたま市浦和区常盤六丁目４番２１号", "19840203", "2", pin="7306"
)


@pytest.fixture
def reader(smartcard_lab: SmartcardLab) -> Iterator[SmartcardLab]:
    """The lab's reader with the head's card on it, emptied afterwards."""
    smartcard_lab.insert(HEAD)
    yield smartcard_lab
    smartcard_lab.remove()


def open_card_dialog(qtbot: QtBot, view: CounterView) -> CardDialog:
    qtbot.keyClick(
        QApplication.focusWidget() or view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
    )
    dialog = view.card_dialog
    assert dialog is not None
    return dialog


def type_pin(qtbot: QtBot, dialog: CardDialog, pin: str) -> None:
    qtbot.keyClicks(dialog.pin, pin)


def until(view: CounterView, question_id: str) -> None:
    """Type the reference family's answers up to ``question_id`` (the pages before, then the
    questions above it on its page), the focus in it."""
    clerk = Clerk(view)
    for _page in range(40):
        shown = view.question_page.shown_ids()
        if question_id in shown:
            for earlier in shown[: shown.index(question_id)]:
                clerk.answer(field_of(view, earlier), ANSWERS.get(earlier))
            field = field_of(view, question_id)
            if not field.isAncestorOf(QApplication.focusWidget()):
                field.focus_first()
            return
        clerk.answer_page(ANSWERS)
    raise AssertionError(f"{question_id} was never shown")


def read(qtbot: QtBot, view: CounterView, pin: str) -> CardDialog:
    dialog = open_card_dialog(qtbot, view)
    type_pin(qtbot, dialog, pin)
    return dialog


def test_the_card_s_address_fills_the_previous_address(
    qtbot: QtBot, view: CounterView, reader: SmartcardLab
) -> None:
    until(view, "previous_address")
    read(qtbot, view, "4821")
    assert view.card_dialog is None
    assert field_of(view, "previous_address").value() == {
        "postal_code": "330-0061",
        "prefecture": "埼玉県",
        "municipality": "さいたま市浦和区",
        "town": "常盤六丁目",
        "block": "4番21号",
        "building": "浦和ハイツ203号室",
    }


def test_a_card_read_before_the_household_page_fills_its_first_row(
    qtbot: QtBot, view: CounterView, reader: SmartcardLab
) -> None:
    until(view, "previous_address")
    read(qtbot, view, "4821")
    until(view, "household")
    table = field_of(view, "household")
    assert isinstance(table, HouseholdTable)
    first = table.rows[0]
    assert (first.text("name"), first.text("sex"), first.text("relationship")) == (
        "山田 太郎",
        "男",
        "世帯主",
    )
    assert first.text("birth_date") == "昭和57年5月10日"
    assert QApplication.focusWidget() is first.kana  # the card has no furigana


def head_and_wife(qtbot: QtBot, view: CounterView, reader: SmartcardLab) -> HouseholdTable:
    """The household page with the head's card read, then his wife's."""
    until(view, "household")
    read(qtbot, view, "4821")
    reader.insert(WIFE)
    read(qtbot, view, "7306")
    table = field_of(view, "household")
    assert isinstance(table, HouseholdTable)
    return table


def test_each_card_read_on_the_household_page_fills_the_next_row(
    qtbot: QtBot, view: CounterView, reader: SmartcardLab
) -> None:
    table = head_and_wife(qtbot, view, reader)
    assert [r.text("name") for r in table.rows] == ["山田 太郎", "山田 花子"]
    assert table.rows[1].text("sex") == "女"


def test_the_same_card_read_twice_is_one_member(
    qtbot: QtBot, view: CounterView, reader: SmartcardLab
) -> None:
    until(view, "household")
    read(qtbot, view, "4821")
    read(qtbot, view, "4821")
    table = field_of(view, "household")
    assert isinstance(table, HouseholdTable)
    assert [r.text("name") for r in table.rows if not r.blank()] == ["山田 太郎"]


def test_tab_from_the_furigana_of_a_card_s_row_goes_to_what_the_card_left(
    qtbot: QtBot, view: CounterView, reader: SmartcardLab
) -> None:
    second = head_and_wife(qtbot, view, reader).rows[1]
    assert QApplication.focusWidget() is second.kana
    qtbot.keyClick(second.kana, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.relationship


def test_a_wrong_pin_says_how_many_tries_are_left_and_the_right_one_then_reads(
    qtbot: QtBot, view: CounterView, reader: SmartcardLab
) -> None:
    until(view, "previous_address")
    dialog = read(qtbot, view, "1111")
    assert view.card_dialog is dialog
    assert "あと2回" in dialog.message.text()
    assert dialog.pin.text() == ""
    assert dialog.pin.isEnabled()
    type_pin(qtbot, dialog, "4821")
    assert view.card_dialog is None
    assert field_of(view, "previous_address").value()["town"] == "常盤六丁目"


def test_a_locked_card_stops_the_pin_and_says_to_type_by_hand(
    qtbot: QtBot, view: CounterView, smartcard_lab: SmartcardLab
) -> None:
    smartcard_lab.insert(
        VirtualMyNumberCard(
            "山田　太郎", "東京都千代田区霞が関二丁目１番２号", "19820510", "1", tries=1
        )
    )
    try:
        until(view, "previous_address")
        dialog = read(qtbot, view, "9999")
        assert not dialog.pin.isEnabled()
        assert "ロック" in dialog.message.text()
        assert field_of(view, "previous_address").is_blank()
    finally:
        smartcard_lab.remove()


def test_no_card_on_the_reader_says_to_put_it_there(
    qtbot: QtBot, view: CounterView, smartcard_lab: SmartcardLab
) -> None:
    until(view, "previous_address")
    dialog = read(qtbot, view, "4821")
    assert view.card_dialog is dialog
    assert "カード" in dialog.message.text()
    assert dialog.pin.isEnabled()


def test_a_postal_code_typed_after_the_card_is_checked_against_it_not_put_over_it(
    qtbot: QtBot, view: CounterView, smartcard_lab: SmartcardLab
) -> None:
    smartcard_lab.insert(
        VirtualMyNumberCard("山田　太郎", "埼玉県みなと市常盤一丁目１２番地３号", "19820510", "1")
    )
    try:
        until(view, "previous_address")
        read(qtbot, view, "1234")
        previous = field_of(view, "previous_address")
        assert isinstance(previous, AddressField)
        assert QApplication.focusWidget() is previous.editors["postal_code"]  # not on the card
        qtbot.keyClicks(previous.editors["postal_code"], "3300061")
        assert previous.value()["municipality"] == "みなと市"
        assert previous.value()["postal_code"] == "330-0061"
        assert "カードの住所と違います" in previous.postal_note.text()
    finally:
        smartcard_lab.remove()


def test_the_reference_family_read_off_their_cards_gives_the_same_case(
    view: CounterView, smartcard_lab: SmartcardLab
) -> None:
    answers = with_cards(REFERENCE, ["4821", "7306", "1957", "2648"])
    clerk = Clerk(view, cards=LabCards.described(smartcard_lab, answers[CARDS]))
    clerk.answer_all(answers)
    typed = view.outputs.preview(view.session)
    assert typed is not None
    assert comparable(typed) == comparable(headless_case(view.workspace, answers))
    assert clerk.cards_read == {0, 1, 2, 3}


def test_an_address_from_a_card_cleared_by_the_clerk_fills_from_a_postal_code_again(
    qtbot: QtBot, view: CounterView, reader: SmartcardLab
) -> None:
    until(view, "previous_address")
    read(qtbot, view, "4821")
    previous = field_of(view, "previous_address")
    assert isinstance(previous, AddressField)
    previous.set_value({})
    qtbot.keyClicks(previous.editors["postal_code"], "5100085")
    assert previous.value()["municipality"] == "四日市市"


def test_a_card_of_another_surname_does_not_keep_the_first_row_s_kana(
    qtbot: QtBot, view: CounterView, reader: SmartcardLab
) -> None:
    until(view, "household")
    read(qtbot, view, "4821")
    table = field_of(view, "household")
    assert isinstance(table, HouseholdTable)
    table.rows[0].set_text("kana", "ヤマダ タロウ")
    table.add_member().name.setFocus()  # starts with 山田 and ヤマダ
    reader.insert(
        VirtualMyNumberCard("佐藤　節子", "東京都千代田区霞が関二丁目１番２号", "19510105", "2")
    )
    read(qtbot, view, "1234")
    assert table.rows[1].text("name") == "佐藤 節子"
    assert table.rows[1].text("kana") == ""
