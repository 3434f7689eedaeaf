"""The interview wizard driven through its widgets: large question text, digits and Enter,
pages of a few questions, going back, the path panel, live procedures and each answer
widget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kakanai.core.japanese.line_breaking import WORD_JOINER
from kakanai.services.counter.inputs import member_field_error
from kakanai.ui.counter.address_field import AddressField
from kakanai.ui.counter.answer_fields import ChoiceField, LineField
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import (
    answer,
    answer_until,
    field_of,
    press_enter,
    retype,
    type_answer,
    type_text,
)

MIN_QUESTION_POINTS = 16


def choice_field(view: CounterView) -> ChoiceField:
    field = view.question_page.field
    assert isinstance(field, ChoiceField)
    return field


def test_the_first_question_is_shown_in_large_text(view: CounterView) -> None:
    assert view.current_question_id() == "move_type"
    label = view.question_page.text
    assert (
        label.text().replace(WORD_JOINER, "") == "今回のお手続きはどれですか。"
    )  # joiners: no widow
    assert label.font().pointSizeF() >= MIN_QUESTION_POINTS


def test_every_choice_is_numbered_with_a_mnemonic(view: CounterView) -> None:
    texts = [b.text() for b in choice_field(view).buttons]
    assert [t[:2] for t in texts] == ["&1", "&2", "&3"]


def test_a_digit_picks_the_choice_and_goes_on_to_the_next_question_of_the_page(
    qtbot: QtBot, view: CounterView
) -> None:
    field = choice_field(view)
    qtbot.keyClick(field.buttons[0], "2")
    assert field.buttons[1].isChecked()
    date = field_of(view, "move_date")
    assert isinstance(date, LineField)
    assert date.editor.hasFocus()


def test_arrow_keys_move_the_choice_and_the_focus_between_the_buttons(
    qtbot: QtBot, view: CounterView
) -> None:
    field = choice_field(view)
    view.window().activateWindow()
    qtbot.waitUntil(view.window().isActiveWindow)
    field.focus_first()
    qtbot.keyClick(field.buttons[0], Qt.Key.Key_Down)
    assert field.buttons[1].hasFocus()
    qtbot.keyClick(field.buttons[1], Qt.Key.Key_Space)
    assert field.value() == field.values[1]
    qtbot.keyClick(field.buttons[1], Qt.Key.Key_Up)  # a chosen answer moves with the focus
    assert (field.buttons[0].hasFocus(), field.value()) == (True, field.values[0])


def test_enter_hands_in_the_page_and_moves_on(qtbot: QtBot, view: CounterView) -> None:
    qtbot.keyClick(choice_field(view).buttons[0], "2")
    type_text(qtbot, QApplication.focusWidget(), "R8.11.20")
    press_enter(qtbot, QApplication.focusWidget())
    assert view.current_question_id() == "previous_address"
    assert view.session is not None
    assert view.session.interview.answers["move_type"] == "転居"


def test_enter_without_a_choice_shows_the_problem_under_it(qtbot: QtBot, view: CounterView) -> None:
    press_enter(qtbot, choice_field(view).buttons[0])
    assert view.current_question_id() == "move_type"
    block = view.question_page.block_of("move_type")
    assert block is not None
    assert block.problem.text() == "この設問は答えが必要です。数字キーで選んでください。"
    assert "ANSWER" not in block.problem.text()


def test_yes_no_takes_1_for_yes_and_2_for_no(qtbot: QtBot, view: CounterView) -> None:
    answer_until(qtbot, view, "has_mynumber_card")
    field = choice_field(view)
    qtbot.keyClick(field.buttons[0], "2")
    qtbot.keyClick(QApplication.focusWidget(), "1")
    press_enter(qtbot, QApplication.focusWidget())
    assert view.session is not None
    assert view.session.interview.answers["has_mynumber_card"] is False
    assert view.session.interview.answers["wants_inkan"] is True


def test_alt_left_and_escape_go_back(qtbot: QtBot, view: CounterView) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    answer_until(qtbot, view, "previous_address")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current_question_id() == "move_date"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert view.current_question_id() == "move_type"
    assert choice_field(view).buttons[0].isChecked()  # the answer given before is kept


def test_the_date_is_read_back_in_wareki_as_typed(qtbot: QtBot, view: CounterView) -> None:
    answer_until(qtbot, view, "move_date")
    field = field_of(view, "move_date")
    assert isinstance(field, LineField)
    qtbot.keyClicks(field.editor, "S57.5.10")
    assert field.reading.text() == "昭和57年5月10日(1982年)"
    retype(qtbot, field.editor, "2026-13-01")
    assert "13月はありません" in field.reading.text()
    assert "c00000" in field.reading.styleSheet()


def test_a_postal_code_outside_the_city_fills_the_address_and_leaves_the_block(
    qtbot: QtBot, view: CounterView
) -> None:
    """From Japan Post's data (the city's own codes are the city's towns: test_address_towns)."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    answer_until(qtbot, view, "previous_address")
    field = view.question_page.field
    assert isinstance(field, AddressField)
    type_text(qtbot, field.editors["postal_code"], "５３０－０００１")
    filled = [field.editors[k].text() for k in ("prefecture", "municipality", "town", "block")]
    assert filled == ["大阪府", "大阪市北区", "梅田", ""]
    assert field.editors["block"].hasFocus()


def test_the_path_panel_jumps_back_to_change_an_earlier_answer(
    qtbot: QtBot, view: CounterView
) -> None:
    answer_until(qtbot, view, "previous_address")
    path = view.side_panel.path
    assert path.count() == 2
    first = path.item(0)
    assert "転入" in first.text()
    rect = path.visualItemRect(first)
    qtbot.mouseClick(path.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.current_question_id() == "move_type"
    answer(qtbot, view, "転居")
    assert view.current_question_id() == "previous_address"  # move_date still applies
    assert "転居" in view.side_panel.path.item(0).text()


def test_procedures_that_apply_are_listed_as_answers_come_in(
    qtbot: QtBot, view: CounterView
) -> None:
    assert view.side_panel.procedure_names() == []
    type_answer(qtbot, view, "転入")  # listed as soon as it is chosen, before Enter
    assert "転入届" in view.side_panel.procedure_names()
    answer_until(qtbot, view, "has_mynumber_card")
    assert "小・中学校の転入学の手続き(山田 一郎)" in view.side_panel.procedure_names()


def test_the_progress_bar_moves_with_the_answers(qtbot: QtBot, view: CounterView) -> None:
    before = view.progress.value()
    answer_until(qtbot, view, "previous_address")
    assert view.progress.value() > before
    assert view.progress.format().startswith("2問回答")


def household(view: CounterView) -> HouseholdTable:
    field = view.question_page.field
    assert isinstance(field, HouseholdTable)
    return field


def test_household_members_are_added_and_removed(qtbot: QtBot, view: CounterView) -> None:
    answer_until(qtbot, view, "household")
    table = household(view)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert len(table.rows) == 3
    qtbot.mouseClick(table.rows[1].remove, Qt.MouseButton.LeftButton)
    assert len(table.rows) == 2


def test_hiragana_typed_in_a_kana_field_becomes_katakana(qtbot: QtBot, view: CounterView) -> None:
    answer_until(qtbot, view, "household")
    kana = household(view).rows[0].editors["kana"]
    type_text(qtbot, kana, "やまだ たろう")
    assert kana.text() == "ヤマダ タロウ"  # type: ignore[union-attr]


def test_household_problems_are_shown_in_red_under_the_field(
    qtbot: QtBot, view: CounterView
) -> None:
    answer_until(qtbot, view, "household")
    table = household(view)
    row = table.rows[0]
    retype(qtbot, row.editors["kana"], "ヤマダ1")  # type: ignore[arg-type]
    retype(qtbot, row.editors["birth_date"], "S57.2.30")  # type: ignore[arg-type]
    assert "「1」は使えません" in row.notes["kana"].text()
    assert row.notes["birth_date"].text() == member_field_error(
        "birth_date", "S57.2.30", table.as_of
    )
    press_enter(qtbot, row.editors["name"])
    assert view.current_question_id() == "household"
    assert row.notes["name"].text() == "氏名を入力してください。"
    assert "赤字の項目" in problem_under(view, "household")


def test_two_heads_of_household_are_refused_with_the_sessions_message(
    qtbot: QtBot, view: CounterView
) -> None:
    answer_until(qtbot, view, "household")
    member = {"name": "山田 太郎", "kana": "ヤマダ", "birth_date": "S57.5.10", "sex": "男"}
    heads = [{**member, "relationship": "世帯主"}, {**member, "relationship": "世帯主"}]
    answer(qtbot, view, heads)
    assert view.current_question_id() == "household"
    assert "世帯主は1人だけ" in problem_under(view, "household")
    assert "ANSWER_001" not in problem_under(view, "household")


def problem_under(view: CounterView, question_id: str) -> str:
    block = view.question_page.block_of(question_id)
    assert block is not None
    return block.problem.text()
