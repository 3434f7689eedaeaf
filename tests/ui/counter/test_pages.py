"""Pages of a few questions: a follow-up shows once its answer is chosen, help speaks only of
cases the household can have, what the app knows is one key (F2), Esc goes back a page, and
the side panel keeps the clerk's place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from kakanai.core.japanese.line_breaking import SHORT_LAST_LINE, WORD_JOINER
from kakanai.ui.counter.answer_fields import ChoiceField, LineField
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import ANSWERS, answer_until, field_of, press_enter


def shown(view: CounterView) -> list[str]:
    return view.question_page.shown_ids()


def help_of(view: CounterView, question_id: str) -> str:
    block = view.question_page.block_of(question_id)
    assert block is not None
    return block.help.text() if block.help.isVisibleTo(view) else ""


def test_short_questions_of_a_section_share_a_page(view: CounterView) -> None:
    assert shown(view) == ["move_type", "move_date"]


def test_a_follow_up_shows_on_the_page_once_its_answer_is_chosen(
    qtbot: QtBot, view: CounterView
) -> None:
    answer_until(qtbot, view, "has_dog")
    assert shown(view) == ["has_dog", "has_gentsuki"]
    dog = field_of(view, "has_dog")
    assert isinstance(dog, ChoiceField)
    qtbot.keyClick(dog.buttons[0], "1")
    assert shown(view) == ["has_dog", "dog_name", "dog_registration_number", "has_gentsuki"]
    name = field_of(view, "dog_name")
    assert isinstance(name, LineField)
    assert name.editor.hasFocus()  # the digit went on to the next question


def test_help_speaks_only_of_the_move_the_resident_makes(qtbot: QtBot, view: CounterView) -> None:
    move = field_of(view, "move_type")
    assert isinstance(move, ChoiceField)
    qtbot.keyClick(move.buttons[0], "1")  # 転入
    assert "転出" not in help_of(view, "move_date")
    qtbot.keyClick(move.buttons[0], "3")  # 転出
    assert "引っ越しの予定日" in help_of(view, "move_date")


def test_help_speaks_of_ages_only_when_the_household_has_them(
    qtbot: QtBot, view: CounterView
) -> None:
    answer_until(qtbot, view, "health_insurance")
    assert "75歳以上" not in help_of(view, "health_insurance")  # the reference family is under 75
    assert "15歳未満" not in help_of(view, "health_insurance")


def test_the_care_help_speaks_of_ages_only_when_the_household_has_them(
    qtbot: QtBot, view: CounterView
) -> None:
    """The per-member insurance has a page of its own; 介護 is on the next one."""
    answer_until(qtbot, view, "kaigo_nintei")
    assert "40歳以上の方がいない世帯" not in help_of(view, "kaigo_nintei")  # parents in their 40s


def test_the_head_of_household_is_one_key_away(qtbot: QtBot, view: CounterView) -> None:
    """From anywhere on the page: the page numbers its offers (本籍's two are F2 and F3),
    so 筆頭者's 世帯主と同じ is F4 from the 本籍 field too, and the focus goes there."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    answer_until(qtbot, view, "honseki")
    field = field_of(view, "hittousha")
    assert isinstance(field, LineField)
    assert "世帯主と同じ: 山田 太郎 (F4)" in [b.text() for b in field.offer_buttons]
    honseki = field_of(view, "honseki")
    assert isinstance(honseki, LineField)
    qtbot.keyClick(honseki.editor, Qt.Key.Key_F4)
    assert field.editor.text() == "山田 太郎"
    assert field.editor.hasFocus()
    assert honseki.editor.text() == ""


def test_a_hidden_questions_offer_key_does_nothing(qtbot: QtBot, view: CounterView) -> None:
    """転出: 旧世帯主 is not asked, its block hidden on the page; its F7 fills nothing."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    answers = {**ANSWERS, "move_type": "転出"}
    answer_until(qtbot, view, "honseki", answers)
    hidden = view.question_page.block_of("previous_head")
    assert hidden is not None
    assert hidden.isHidden()
    assert isinstance(hidden.field, LineField)
    assert hidden.field.offer_keys == [7]  # F5 and F6 are other modes' window keys
    honseki = field_of(view, "honseki")
    assert isinstance(honseki, LineField)
    qtbot.keyClick(honseki.editor, Qt.Key.Key_F7)
    assert hidden.field.editor.text() == ""
    assert honseki.editor.hasFocus()


def test_the_previous_address_is_offered_for_the_family_register(
    qtbot: QtBot, view: CounterView
) -> None:
    answer_until(qtbot, view, "honseki")
    field = field_of(view, "honseki")
    assert isinstance(field, LineField)
    qtbot.keyClick(field.editor, Qt.Key.Key_F2)
    assert field.editor.text() == "埼玉県みなと市常盤一丁目12番地3号"


def test_escape_goes_back_a_whole_page(qtbot: QtBot, view: CounterView) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    answer_until(qtbot, view, "health_insurance")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert shown(view) == ["has_mynumber_card", "mynumber_card_everyone", "wants_inkan"]


def test_the_path_list_has_a_current_answer_and_arrows_move_through_it(
    qtbot: QtBot, view: CounterView
) -> None:
    answer_until(qtbot, view, "previous_address")
    path = view.side_panel.path
    assert path.currentRow() == path.count() - 1
    path.setFocus()
    qtbot.keyClick(path, Qt.Key.Key_Up)
    assert path.currentRow() == path.count() - 2
    with qtbot.waitSignal(view.side_panel.step_chosen) as chosen:
        press_enter(qtbot, path)
    assert chosen.args == ["move_type"]


def test_the_live_procedures_keep_their_scroll_position(qtbot: QtBot, view: CounterView) -> None:
    view.resize(1024, 600)
    answer_until(qtbot, view, "has_dog")
    procedures = view.side_panel.procedures
    bar = procedures.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(1)
    dog = field_of(view, "has_dog")
    assert isinstance(dog, ChoiceField)
    qtbot.keyClick(dog.buttons[0], "1")  # one more procedure (犬の登録) is listed
    assert "犬の登録事項変更(転入)" in view.side_panel.procedure_names()
    assert bar.value() == 1


def test_the_offers_of_the_family_register_fit_a_1024_pixel_window(
    qtbot: QtBot, view: CounterView
) -> None:
    """本籍's two offers stand one a line: side by side they pushed the page sideways."""
    view.resize(1024, 700)
    answer_until(qtbot, view, "hittousha")
    page = view.question_page
    qtbot.waitUntil(lambda: page.scroller.viewport().width() < 800)
    # The scroll area gives the column its width unless the column needs more.
    assert page.column.minimumSizeHint().width() <= page.scroller.viewport().width()


def test_a_wrapped_question_never_ends_with_a_line_of_one_or_two_characters(
    qtbot: QtBot, view: CounterView
) -> None:
    """At 1024 pixels the household question wrapped before its last 「い。」."""
    view.resize(1024, 700)
    answer_until(qtbot, view, "household")
    block = view.question_page.block_of("household")
    assert block is not None
    label = block.text
    qtbot.waitUntil(lambda: label.width() < 800)
    lines = wrapped_lines(label)
    assert len(lines) > 1  # the question does wrap at this width
    assert len(lines[-1].replace(WORD_JOINER, "")) >= SHORT_LAST_LINE, lines


def wrapped_lines(label: QLabel) -> list[str]:
    """The lines Qt makes of a word-wrapped label's text at its width."""
    text = label.text()
    layout = QTextLayout(text, label.font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(label.contentsRect().width())
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines
