"""One visit, several life events, driven through the widgets: the events page (digits, Space,
↑/↓, Enter), a 転入 + 出生 visit asking each shared fact once with the newborn's health
insurance answered per member, its slip opened at a desk with both trees' procedures, a
birth-only visit, and a visit's draft resumed as the same visit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kakanai.benchmarks.counter_visits import move_in_with_birth, visit
from kakanai.services.slip.sealing import open_slip
from kakanai.services.workspace import Workspace
from kakanai.ui.counter.answer_fields import ChoiceField, LineField
from kakanai.ui.counter.clerk import Clerk
from kakanai.ui.counter.events_page import NONE_CHOSEN
from kakanai.ui.counter.member_field import MemberField
from kakanai.ui.counter.view import CounterView
from kakanai.ui.desk.view import DeskView
from tests.ui.counter.driving import ANSWERS, answer_until, choose_events, field_of

SHARED = ("household", "new_address", "honseki", "hittousha", "phone", "single_parent")
EVENT_TITLES = ["転入・転居・転出", "国外からの転入・国外への転出", "出生・死産"]


def visit_answers() -> dict[str, Any]:
    """The reference family moving in, with a newborn: 転入 + 出生 in one visit."""
    return move_in_with_birth()


def birth_answers() -> dict[str, Any]:
    """A birth alone (the birth tree's first scenario: parents and their first child)."""
    return visit("birth")


@pytest.fixture
def active(qtbot: QtBot, events_view: CounterView) -> CounterView:
    """The events page in the active window (keys go to its focus)."""
    events_view.activateWindow()
    qtbot.waitUntil(events_view.isActiveWindow)
    return events_view


def test_the_events_page_lists_every_tree_with_the_desks_own_checked(
    events_view: CounterView,
) -> None:
    page = events_view.events_page
    assert events_view.pages.currentWidget() is page
    titles = [box.text().split("  ", 1)[1] for box in page.boxes]
    assert titles[:3] == EVENT_TITLES
    assert {"婚姻", "離婚", "証明書の交付請求"} <= set(titles)
    assert page.chosen() == ["moving"]
    mnemonics = [box.text()[:2] for box in page.boxes]
    assert mnemonics == [f"&{n}" for n in range(1, len(page.boxes) + 1)]
    assert page.boxes[0].hasFocus()


def test_a_digit_toggles_an_event_and_enter_starts_the_visit(
    qtbot: QtBot, active: CounterView
) -> None:
    page = active.events_page
    qtbot.keyClick(QApplication.focusWidget(), "3")
    assert page.chosen() == ["moving", "birth"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert active.session is not None
    assert active.session.interview.runtime.tree.meta.id == "moving+birth"
    assert active.visit_label.text() == "今回の手続き: 転入・転居・転出 + 出生・死産"
    assert active.current_question_id() == "move_type"


def test_arrows_move_and_space_toggles_the_focused_event(qtbot: QtBot, active: CounterView) -> None:
    page = active.events_page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert page.boxes[2].hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert page.boxes[1].hasFocus()
    assert page.chosen() == ["moving", "birth"]


def test_enter_with_no_event_checked_says_what_to_do(qtbot: QtBot, active: CounterView) -> None:
    qtbot.keyClick(QApplication.focusWidget(), "1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert active.pages.currentWidget() is active.events_page
    assert active.events_page.error.text() == NONE_CHOSEN
    assert active.session is None


def test_a_move_in_with_a_birth_asks_shared_facts_once_and_lists_both_events(
    qtbot: QtBot, active: CounterView
) -> None:
    Clerk(active).answer_all(visit_answers())
    assert active.session is not None
    asked = [q.id for q, _ in active.session.interview.path()]
    assert all(asked.count(q) == 1 for q in SHARED), asked
    procedures = active.summary_procedures()
    assert {"tennyu_todoke", "kokuho_kanyu"} <= set(procedures)  # 転入
    assert {"shusshou_todoke", "kokuho_shusshou_kanyu"} <= set(procedures)  # 出生
    case = active.outputs.preview(active.session)
    assert case is not None
    listed = [(p["id"], p["member"]) for p in case["procedures"]]
    assert len(listed) == len(set(listed))  # once each (per member for per-member ones)
    html = active.summary_page.body.toHtml()
    assert "お手続きの方(5名)" in html
    text = active.summary_page.body.toPlainText()
    assert "お一人ずつの回答" in text
    assert "山田 陽葵\nサンプル市の国民健康保険" in text, text


def test_the_newborns_insurance_is_asked_of_the_newborn_alone_by_name(
    qtbot: QtBot, active: CounterView
) -> None:
    answer_until(qtbot, active, "newborn_insurance", visit_answers())
    field = field_of(active, "newborn_insurance")
    assert isinstance(field, MemberField)
    assert [m.name for m in field.members] == [
        *(m["name"] for m in ANSWERS["household"]),
        "山田 陽葵",
    ]
    assert [row is not None for row in field.rows] == [False, False, False, False, True]
    newborn = field.field_of(4)
    assert isinstance(newborn, ChoiceField)
    assert newborn.buttons[0].hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), "1")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert active.session is not None
    assert active.session.interview.answers["newborn_insurance"] == [None] * 4 + ["国保"]
    steps = [active.side_panel.path.item(i).text() for i in range(active.side_panel.path.count())]
    assert any("山田 陽葵: サンプル市の国民健康保険" in s for s in steps), steps


def test_a_per_member_number_is_typed_in_the_members_row(qtbot: QtBot, active: CounterView) -> None:
    answers = visit_answers()
    answer_until(qtbot, active, "birth_weight", answers)
    field = field_of(active, "birth_weight")
    assert isinstance(field, MemberField)
    row = field.field_of(4)
    assert isinstance(row, LineField)
    assert row.editor.hasFocus()
    qtbot.keyClicks(row.editor, "3120")
    assert field.value() == [None, None, None, None, "3120"]
    qtbot.keyClick(row.editor, Qt.Key.Key_Return)
    assert active.session is not None
    assert active.session.interview.answers["birth_weight"] == [None] * 4 + [3120]


def test_the_visits_slip_opens_at_a_desk_with_both_events_procedures(
    qtbot: QtBot, active: CounterView, workspace: Workspace, printed: Path
) -> None:
    Clerk(active).answer_all(visit_answers())
    qtbot.mouseClick(active.summary_page.print_slip, Qt.MouseButton.LeftButton)
    assert len(list(printed.glob("*.pdf"))) == 1, active.summary_page.error.text()
    slip = active.outputs.slip
    assert slip is not None
    opened = open_slip(slip.digits, trees=workspace.exact_runtime)
    assert opened["questionnaire"]["id"] == "moving+birth"
    ids = {p["id"] for p in opened["procedures"]}
    assert {"tennyu_todoke", "shusshou_todoke", "jidou_teate_nintei"} <= ids
    desk = DeskView(workspace)
    qtbot.addWidget(desk)
    desk.show()
    desk.activate()
    with qtbot.waitSignal(desk.preview_shown, timeout=60_000):
        desk.open_text(slip.digits)
    assert desk.case_id == opened["case_id"]


def test_a_birth_alone_is_a_visit_of_its_own(qtbot: QtBot, active: CounterView) -> None:
    Clerk(active).answer_all(birth_answers())
    assert active.session is not None
    assert active.session.interview.runtime.tree.meta.id == "birth"
    assert active.visit_label.text() == "今回の手続き: 出生・死産"
    procedures = active.summary_procedures()
    assert "shusshou_todoke" in procedures
    assert "tennyu_todoke" not in procedures
    assert not active.summary_page.print_form.isEnabled()  # no 住民異動届 for a birth


def test_a_visits_draft_resumes_as_the_same_visit(
    qtbot: QtBot, active: CounterView, workspace: Workspace
) -> None:
    answer_until(qtbot, active, "born_on", visit_answers())
    resumed = CounterView(workspace)
    qtbot.addWidget(resumed)
    resumed.show()
    resumed.activate()
    qtbot.mouseClick(resumed.banner.accept_button, Qt.MouseButton.LeftButton)
    assert resumed.session is not None
    assert resumed.session.interview.runtime.tree.meta.id == "moving+birth"
    assert resumed.current_question_id() == active.current_question_id() == "birth_kind"
    assert resumed.visit_label.text() == "今回の手続き: 転入・転居・転出 + 出生・死産"


def test_a_new_interview_after_one_visit_offers_the_events_again(
    qtbot: QtBot, view: CounterView
) -> None:
    choose_events(view)
    view.start_new()
    assert view.pages.currentWidget() is view.events_page
    assert view.events_page.chosen() == ["moving"]


def test_a_visit_of_four_events_never_widens_the_counter(qtbot: QtBot, active: CounterView) -> None:
    """Issue 11's rule for every label: the heading naming four events does not raise the
    counter's minimum width (it is cut, whole in its tooltip)."""
    before = active.minimumSizeHint().width()
    for number in (2, 3, 6):
        qtbot.keyClick(QApplication.focusWidget(), str(number))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert active.visit_label.text().count("+") == 3
    assert active.minimumSizeHint().width() <= before


def test_a_visit_of_five_events_starts_its_interview_from_the_events_page(
    qtbot: QtBot, active: CounterView
) -> None:
    """Five trees of version 2026.12 (39 characters of versions) used to be refused with
    COUNTER_006; the draft now holds every combination the page offers."""
    for number in range(2, 6):
        qtbot.keyClick(QApplication.focusWidget(), str(number))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert active.session is not None
    assert active.session.interview.runtime.tree.meta.id.count("+") == 4
    assert active.pages.currentWidget() is not active.events_page
    assert active.events_page.error.text() == ""


def test_long_options_are_listed_once_and_each_member_picks_by_digit(
    qtbot: QtBot, active: CounterView
) -> None:
    """国籍・在留資格 of a mixed household: one row of numbers per member, the labels listed
    once above them, the chosen label read back in the row, and on to the next member."""
    answer_until(qtbot, active, "nationality_status", visit("abroad"))
    field = field_of(active, "nationality_status")
    assert isinstance(field, MemberField)
    first, second = field.field_of(0), field.field_of(1)
    assert isinstance(first, ChoiceField)
    assert isinstance(second, ChoiceField)
    assert [b.text() for b in first.buttons] == ["1", "2", "3", "4", "5"]
    assert "2  外国籍 — 中長期在留者(在留カードを持っている)" in field.legend.text()
    qtbot.keyClick(QApplication.focusWidget(), "1")
    assert first.reading.text() == "日本国籍"
    assert second.buttons[0].hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), "3")
    assert field.value()[:2] == ["日本国籍", "後日交付"]


def test_a_per_member_answer_typed_but_not_handed_in_survives_a_restart(
    qtbot: QtBot, active: CounterView, workspace: Workspace
) -> None:
    answer_until(qtbot, active, "birth_weight", visit_answers())
    field = field_of(active, "birth_weight")
    assert isinstance(field, MemberField)
    row = field.field_of(4)
    assert isinstance(row, LineField)
    with qtbot.waitSignal(active.typing_saved, timeout=5_000):
        qtbot.keyClicks(row.editor, "2890")
    resumed = CounterView(workspace)
    qtbot.addWidget(resumed)
    resumed.show()
    resumed.activate()
    qtbot.mouseClick(resumed.banner.accept_button, Qt.MouseButton.LeftButton)
    restored = field_of(resumed, "birth_weight")
    assert isinstance(restored, MemberField)
    assert restored.value() == [None, None, None, None, "2890"]
