"""The household page as a clerk types it: a new row starts with the surname, Tab at the end
of the last row adds the next member, sex and relationship are one key (a digit, a reading, or
text an input method commits), and the age shows beside the birth date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import answer_until, field_of, type_text

HEAD = {"name": "山田 太郎", "kana": "やまだ たろう", "birth_date": "S57.5.10"}


def household(qtbot: QtBot, view: CounterView) -> HouseholdTable:
    answer_until(qtbot, view, "household")
    table = field_of(view, "household")
    assert isinstance(table, HouseholdTable)
    return table


def type_head(qtbot: QtBot, table: HouseholdTable) -> None:
    row = table.rows[0]
    for key, text in HEAD.items():
        type_text(qtbot, row.editors[key], text)
    row.editors["kana"].editingFinished.emit()


def commit(widget: object, text: str) -> None:
    """What an input method sends when the clerk confirms composed text."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def test_tab_at_the_end_of_a_filled_last_row_adds_a_row_with_the_surname(
    qtbot: QtBot, view: CounterView
) -> None:
    table = household(qtbot, view)
    type_head(qtbot, table)
    qtbot.keyClick(table.rows[0].sex, "1")
    assert table.rows[0].relationship.hasFocus()
    assert table.rows[0].relationship.text() == "世帯主"  # the head comes first
    qtbot.keyClick(table.rows[0].relationship, Qt.Key.Key_Tab)
    assert len(table.rows) == 2
    second = table.rows[1]
    assert second.name.hasFocus()
    assert (second.name.text(), second.kana.text()) == ("山田 ", "ヤマダ\u3000")
    type_text(qtbot, second.name, "花子")
    assert second.name.text() == "山田 花子"  # typed after the surname, not over it


def test_a_row_left_with_only_the_surname_is_not_a_member(qtbot: QtBot, view: CounterView) -> None:
    table = household(qtbot, view)
    type_head(qtbot, table)
    table.add_member()
    assert len(table.value()) == 1  # type: ignore[arg-type]


def test_sex_and_relationship_are_picked_by_a_digit_or_a_reading(
    qtbot: QtBot, view: CounterView
) -> None:
    table = household(qtbot, view)
    row = table.add_member()
    qtbot.keyClick(row.sex, "2")
    assert row.sex.text() == "女"
    assert row.relationship.hasFocus()
    type_text(qtbot, row.relationship, "ts")  # tsuma
    assert row.relationship.text() == "妻"


def test_text_an_input_method_commits_picks_the_relationship(
    qtbot: QtBot, view: CounterView
) -> None:
    table = household(qtbot, view)
    row = table.add_member()
    row.sex.setFocus()
    commit(row.sex, "おんな")
    assert row.sex.text() == "女"
    commit(row.relationship, "ちち")
    assert row.relationship.text() == "父"
    commit(row.relationship, "")
    row.relationship.clear()
    commit(row.relationship, "４")  # a full-width digit from an IME in kana mode
    assert row.relationship.text() == "子"


def test_the_age_shows_beside_the_birth_date_without_breaking_the_reading(
    qtbot: QtBot, view: CounterView
) -> None:
    table = household(qtbot, view)
    row = table.rows[0]
    type_text(qtbot, row.birth, "S57.5.10")
    note = row.notes["birth_date"].text()
    assert note.splitlines() == ["昭和57年5月10日", "(1982年) 44歳"]
    assert not row.notes["birth_date"].wordWrap()


def test_ctrl_delete_removes_the_member_being_typed(qtbot: QtBot, view: CounterView) -> None:
    table = household(qtbot, view)
    type_head(qtbot, table)
    second = table.add_member()
    type_text(qtbot, second.name, "花子")
    second.name.setFocus()
    qtbot.keyClick(second.name, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(table.rows) == 1


def test_a_birth_date_typed_as_an_era_and_six_digits_reads_as_that_day(
    qtbot: QtBot, view: CounterView
) -> None:
    """S570510: the short 和暦 form a clerk types in one stretch of the number keys."""
    table = household(qtbot, view)
    row = table.rows[0]
    type_text(qtbot, row.birth, "S570510")
    assert row.notes["birth_date"].text().splitlines() == ["昭和57年5月10日", "(1982年) 44歳"]


def test_a_whole_short_birth_date_moves_on_to_sex_and_others_stay(
    qtbot: QtBot, view: CounterView
) -> None:
    """S570510 is a whole date; S57.5.1 may go on (S57.5.10), S571310 is no date."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    table = household(qtbot, view)
    row = table.rows[0]
    for text, moved in (("S57.5.1", False), ("S571310", False), ("S570510", True)):
        row.birth.clear()
        row.birth.setFocus()
        type_text(qtbot, row.birth, text)
        assert row.sex.hasFocus() is moved, text


def test_a_whole_short_birth_date_an_input_method_commits_moves_on_after_its_event(
    qtbot: QtBot, view: CounterView
) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    table = household(qtbot, view)
    row = table.rows[0]
    row.birth.setFocus()
    commit(row.birth, "Ｓ５７０５１０")
    qtbot.waitUntil(row.sex.hasFocus)
    assert row.birth.text() == "Ｓ５７０５１０"


def test_a_relationship_picked_on_the_last_row_goes_on_to_a_new_row_that_is_no_member(
    qtbot: QtBot, view: CounterView
) -> None:
    table = household(qtbot, view)
    type_head(qtbot, table)
    second = table.add_member()
    type_text(qtbot, second.name, "花子")
    type_text(qtbot, second.birth, "S590203")
    qtbot.keyClick(second.sex, "2")
    qtbot.keyClick(second.relationship, "2")  # 妻
    assert len(table.rows) == 3
    assert table.rows[2].name.hasFocus()
    assert table.rows[2].name.text() == "山田 "
    assert [m["name"] for m in table.value()] == ["山田 太郎", "山田 花子"]  # type: ignore[index,union-attr]
