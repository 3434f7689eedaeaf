"""Answer widgets of question types the shipped tree does not use yet (several answers,
katakana, number), built around plain questions."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from kakanai.core.located import Loc
from kakanai.core.trees.model import Choice, Question, QuestionType
from kakanai.ui.counter.answer_fields import ChoiceField, LineField
from tests.ui.counter.driving import type_text

WHERE = Loc("test.yaml", 1, 1)


def question(kind: QuestionType, *choices: str) -> Question:
    options = [Choice(c, c, WHERE) for c in choices]
    return Question("q", "質問", kind, WHERE, "s", choices=options)


def test_digits_toggle_choices_when_several_may_be_chosen(qtbot: QtBot) -> None:
    field = ChoiceField(question(QuestionType.MULTI, "犬", "猫", "鳥"))
    qtbot.addWidget(field)
    for digit in ("1", "3", "1", "2"):
        qtbot.keyClick(field.buttons[0], digit)
    assert field.value() == ["猫", "鳥"]


def test_a_remembered_multi_answer_is_shown_checked(qtbot: QtBot) -> None:
    field = ChoiceField(question(QuestionType.MULTI, "犬", "猫", "鳥"))
    qtbot.addWidget(field)
    field.set_value(["犬", "鳥"])
    assert [b.isChecked() for b in field.buttons] == [True, False, True]


def test_a_katakana_question_turns_hiragana_into_katakana(qtbot: QtBot) -> None:
    field = LineField(question(QuestionType.KATAKANA))
    qtbot.addWidget(field)
    type_text(qtbot, field.editor, "さとう はなこ")
    assert field.value() == "サトウ ハナコ"


def test_a_postal_code_question_shows_its_town(qtbot: QtBot) -> None:
    field = LineField(question(QuestionType.POSTAL_CODE))
    qtbot.addWidget(field)
    type_text(qtbot, field.editor, "100-0001")
    assert field.reading.text() == "東京都千代田区 千代田"


def test_a_date_typed_as_month_and_day_reads_as_the_day_near_the_interview(
    qtbot: QtBot,
) -> None:
    field = LineField(question(QuestionType.DATE), near=dt.date(2026, 11, 23))
    qtbot.addWidget(field)
    type_text(qtbot, field.editor, "1115")
    assert field.reading.text() == "令和8年11月15日(2026年)"


def test_a_date_field_without_an_interview_day_asks_for_the_year(qtbot: QtBot) -> None:
    field = LineField(question(QuestionType.DATE))
    qtbot.addWidget(field)
    type_text(qtbot, field.editor, "1115")
    assert "読み取れません" in field.reading.text()
