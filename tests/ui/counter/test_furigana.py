"""The household's フリガナ filled from the reading the input method composed for the name:
real QInputMethodEvent sequences (the romaji turning into kana in the preedit, the conversion,
the commit) sent to the real row widgets."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kakanai.benchmarks.counter_visits import visit
from kakanai.services.counter.furigana import Piece, reading_of, splice
from kakanai.ui.counter.answer_fields import LineField
from kakanai.ui.counter.clerk import Clerk, name_readings
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import answer_until, field_of, type_text

AS_OF = dt.date(2026, 11, 23)


def table(qtbot: QtBot) -> HouseholdTable:
    widget = HouseholdTable(AS_OF)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # keys and focus go to the active window
    return widget


def preedit(editor: QLineEdit, text: str) -> None:
    QApplication.sendEvent(editor, QInputMethodEvent(text, []))


def commit(editor: QLineEdit, text: str, *, replace: tuple[int, int] = (0, 0)) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text, *replace)
    QApplication.sendEvent(editor, event)


def compose(editor: QLineEdit, romaji_steps: list[str], converted: str) -> None:
    """What mozc sends while the clerk types a reading in romaji, presses Space to convert
    and Enter to commit: each preedit step, the conversion, then the commit."""
    for step in romaji_steps:
        preedit(editor, step)
    preedit(editor, converted)
    commit(editor, converted)


YAMADA = ["y", "や", "やm", "やま", "やまd", "やまだ"]
TAROU = ["t", "た", "たr", "たろ", "たろう"]


def space(editor: QLineEdit) -> None:
    commit(editor, "\u3000")  # mozc commits a full-width space when nothing is composed


def test_a_converted_name_fills_the_kana_with_its_reading_in_katakana(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, YAMADA, "山田")
    assert row.name.text() == "山田"
    assert row.kana.text() == "ヤマダ"


def test_surname_and_given_name_join_with_the_space_the_kana_field_expects(
    qtbot: QtBot,
) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, YAMADA, "山田")
    space(row.name)
    compose(row.name, TAROU, "太郎")
    assert row.name.text() == "山田\u3000太郎"
    assert row.kana.text() == "ヤマダ\u3000タロウ"
    row.kana.editingFinished.emit()  # the field's own check accepts it unchanged
    assert (row.kana.text(), row.notes["kana"].text()) == ("ヤマダ\u3000タロウ", "")


def test_a_half_width_space_typed_between_the_conversions_also_separates_them(
    qtbot: QtBot,
) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, YAMADA, "山田")
    qtbot.keyClick(row.name, Qt.Key.Key_Space)
    compose(row.name, TAROU, "太郎")
    assert row.kana.text() == "ヤマダ\u3000タロウ"


def test_the_next_typing_committing_the_conversion_keeps_each_reading(qtbot: QtBot) -> None:
    """Typing on after a conversion commits it and starts the next preedit in one event."""
    row = table(qtbot).rows[0]
    for step in YAMADA:
        preedit(row.name, step)
    preedit(row.name, "山田")
    event = QInputMethodEvent("t", [])
    event.setCommitString("山田")
    QApplication.sendEvent(row.name, event)
    for step in TAROU[1:]:
        preedit(row.name, step)
    preedit(row.name, "太郎")
    commit(row.name, "太郎")
    assert (row.name.text(), row.kana.text()) == ("山田太郎", "ヤマダタロウ")


def test_a_pasted_name_leaves_the_kana_empty(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    row.name.setFocus()
    QApplication.clipboard().setText("山田 太郎")
    row.name.paste()
    assert row.name.text() == "山田 太郎"
    assert row.kana.text() == ""


def test_a_commit_without_composition_has_no_reading(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    commit(row.name, "山田")
    assert row.kana.text() == ""


def test_a_name_typed_in_kana_reads_as_itself(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, ["さ", "さk", "さく", "さくr", "さくら"], "さくら")
    assert row.kana.text() == "サクラ"


def test_a_hand_typed_kana_is_kept(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    type_text(qtbot, row.kana, "やまた")  # the family reads it ヤマタ
    compose(row.name, YAMADA, "山田")
    assert row.kana.text() == "ヤマタ"


def test_a_filled_kana_corrected_by_hand_is_not_overwritten_later(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, YAMADA, "山田")
    row.kana.setFocus()
    row.kana.end(False)
    qtbot.keyClick(row.kana, Qt.Key.Key_Backspace)
    type_text(qtbot, row.kana, "た")
    space(row.name)
    compose(row.name, TAROU, "太郎")
    assert row.kana.text() == "ヤマタ"


def test_backspace_over_a_whole_conversion_takes_its_reading_away(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, YAMADA, "山田")
    space(row.name)
    compose(row.name, TAROU, "太郎")
    row.name.setFocus()
    row.name.end(False)
    qtbot.keyClick(row.name, Qt.Key.Key_Backspace)
    qtbot.keyClick(row.name, Qt.Key.Key_Backspace)
    assert row.kana.text() == "ヤマダ\u3000"
    compose(row.name, ["は", "はn", "はな", "はなk", "はなこ"], "花子")
    assert (row.name.text(), row.kana.text()) == ("山田\u3000花子", "ヤマダ\u3000ハナコ")


def test_a_conversion_cut_in_part_leaves_the_kana_as_it_was(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, YAMADA, "山田")
    space(row.name)
    compose(row.name, TAROU, "太郎")
    row.name.setFocus()
    row.name.end(False)
    qtbot.keyClick(row.name, Qt.Key.Key_Backspace)  # 郎 only: the reading of 太 is unknown
    assert row.kana.text() == "ヤマダ\u3000タロウ"


def test_a_re_conversion_of_a_selected_name_keeps_its_reading(qtbot: QtBot) -> None:
    """Re-conversion (変換 on committed text): the input method replaces the selection with
    another writing of the same reading, composing kanji only."""
    row = table(qtbot).rows[0]
    compose(row.name, ["ひ", "ひm", "ひま", "ひまr", "ひまり"], "陽葵")
    row.name.setFocus()
    row.name.selectAll()
    preedit(row.name, "日葵")
    commit(row.name, "日葵")
    assert (row.name.text(), row.kana.text()) == ("日葵", "ヒマリ")


def test_a_commit_replacing_text_by_its_range_keeps_the_reading_of_what_it_replaces(
    qtbot: QtBot,
) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, ["ひ", "ひm", "ひま", "ひまr", "ひまり"], "陽葵")
    row.name.setFocus()
    row.name.end(False)
    commit(row.name, "日葵", replace=(-2, 2))  # replacement relative to the cursor
    assert (row.name.text(), row.kana.text()) == ("日葵", "ヒマリ")


def test_a_cancelled_composition_gives_no_reading_to_the_next_commit(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    for step in YAMADA:
        preedit(row.name, step)
    preedit(row.name, "")  # Esc: the composition is gone
    commit(row.name, "山田")
    assert row.kana.text() == ""


def test_a_new_row_adds_the_given_name_reading_after_the_surname(qtbot: QtBot) -> None:
    household = table(qtbot)
    head = household.rows[0]
    compose(head.name, YAMADA, "山田")
    space(head.name)
    compose(head.name, TAROU, "太郎")
    second = household.add_member()
    assert (second.name.text(), second.kana.text()) == ("山田\u3000", "ヤマダ\u3000")
    second.name.setFocus()
    second.name.end(False)
    compose(second.name, ["は", "はn", "はな", "はなk", "はなこ"], "花子")
    assert second.kana.text() == "ヤマダ\u3000ハナコ"


def test_clearing_the_name_clears_the_kana_the_app_filled(qtbot: QtBot) -> None:
    row = table(qtbot).rows[0]
    compose(row.name, YAMADA, "山田")
    row.name.setFocus()
    row.name.selectAll()
    qtbot.keyClick(row.name, Qt.Key.Key_Backspace)
    assert row.kana.text() == ""


def test_splice_keeps_readings_outside_the_edit_and_drops_a_cut_piece() -> None:
    pieces = [Piece("山田", "やまだ"), Piece(" "), Piece("太郎", "たろう")]
    assert reading_of(pieces) == "やまだ たろう"
    cut = splice(pieces, 4, 5, Piece(""))
    assert cut == [Piece("山田", "やまだ"), Piece(" "), Piece("太")]
    assert reading_of(cut) is None
    inserted = splice(pieces, 1, 1, Piece("x"))
    assert inserted[:3] == [Piece("山"), Piece("x"), Piece("田")]


def test_a_re_conversion_that_deletes_the_surrounding_text_first_keeps_its_reading(
    qtbot: QtBot,
) -> None:
    """ibus asks the application to delete the text being re-converted (an event with a
    replacement only), then composes and commits the new writing."""
    row = table(qtbot).rows[0]
    compose(row.name, ["ひ", "ひm", "ひま", "ひまr", "ひまり"], "陽葵")
    row.name.setFocus()
    row.name.end(False)
    commit(row.name, "", replace=(-2, 2))
    assert row.name.text() == ""
    preedit(row.name, "日葵")
    commit(row.name, "日葵")
    assert (row.name.text(), row.kana.text()) == ("日葵", "ヒマリ")


def test_tab_from_a_name_whose_reading_filled_the_kana_goes_on_to_the_birth_date(
    qtbot: QtBot,
) -> None:
    row = table(qtbot).rows[0]
    row.name.setFocus()
    compose(row.name, YAMADA, "山田")
    space(row.name)
    compose(row.name, TAROU, "太郎")
    qtbot.keyClick(row.name, Qt.Key.Key_Tab)
    assert row.birth.hasFocus()
    qtbot.keyClick(row.birth, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert row.kana.hasFocus()  # the kana is still there to be corrected


def test_tab_from_a_name_without_a_reading_goes_to_the_kana(qtbot: QtBot) -> None:
    household = table(qtbot)
    compose(household.rows[0].name, YAMADA, "山田")
    space(household.rows[0].name)
    compose(household.rows[0].name, TAROU, "太郎")
    second = household.add_member()  # starts with the surname and its reading
    second.name.setFocus()
    second.name.end(False)
    commit(second.name, "花子")  # no composition: the given name's reading is unknown
    assert second.kana.text() == "ヤマダ\u3000"
    qtbot.keyClick(second.name, Qt.Key.Key_Tab)
    assert second.kana.hasFocus()


def test_the_visitors_kana_fills_in_from_the_reading_of_their_name(
    qtbot: QtBot, events_view: CounterView
) -> None:
    """The death tree's 届出人 (applicant_name, applicant_kana) on one page."""
    events_view.activateWindow()
    qtbot.waitUntil(events_view.isActiveWindow)
    answer_until(qtbot, events_view, "applicant_name", visit("death"))
    name, kana = field_of(events_view, "applicant_name"), field_of(events_view, "applicant_kana")
    assert isinstance(name, LineField)
    assert isinstance(kana, LineField)
    name.editor.setFocus()
    compose(name.editor, ["さ", "さt", "さと", "さとう"], "佐藤")
    space(name.editor)
    compose(name.editor, ["け", "けn", "けんいc", "けんいち"], "健一")
    assert kana.editor.text() == "サトウ\u3000ケンイチ"
    qtbot.keyClick(name.editor, Qt.Key.Key_Tab)
    relation = field_of(events_view, "applicant_relation")
    assert relation.isAncestorOf(QApplication.focusWidget())  # past the filled kana


def test_the_clerk_types_the_visitors_name_through_the_input_method_and_not_its_kana(
    qtbot: QtBot, events_view: CounterView
) -> None:
    events_view.activateWindow()
    qtbot.waitUntil(events_view.isActiveWindow)
    answers = visit("death")
    clerk = Clerk(events_view)
    clerk.answer_all(answers)
    assert clerk.keys.by_field["applicant_name"] == [len(answers["applicant_name"]), 0]
    assert "applicant_kana" not in clerk.keys.by_field
    session = events_view.session
    assert session is not None
    assert session.interview.answers["applicant_kana"] == "サトウ\u3000ケンイチ"


def test_backspace_over_the_space_after_a_new_rows_surname_keeps_its_reading(
    qtbot: QtBot,
) -> None:
    household = table(qtbot)
    head = household.rows[0]
    compose(head.name, YAMADA, "山田")
    space(head.name)
    compose(head.name, TAROU, "太郎")
    second = household.add_member()
    second.name.setFocus()
    second.name.end(False)
    qtbot.keyClick(second.name, Qt.Key.Key_Backspace)
    assert (second.name.text(), second.kana.text()) == ("山田", "ヤマダ")
    qtbot.keyClick(second.name, Qt.Key.Key_Space)
    compose(second.name, ["は", "はn", "はな", "はなk", "はなこ"], "花子")
    assert second.kana.text() == "ヤマダ\u3000ハナコ"


def test_the_clerk_composes_a_japanese_name_from_its_kana_but_types_romaji_as_it_is() -> None:
    assert name_readings("山田 太郎", "ヤマダ タロウ") == {"山田": "やまだ", "太郎": "たろう"}
    assert name_readings("山田 一郎", "ﾔﾏﾀﾞ ｲﾁﾛｳ") == {"山田": "やまだ", "一郎": "いちろう"}
    assert name_readings("NGUYEN THI LAN", "グエン ティ ラン") == {}
    assert name_readings("山田 太郎", "ヤマダタロウ") == {}  # the words do not pair up
