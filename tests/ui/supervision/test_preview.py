"""The preview runs the draft in the counter's own wizard: answering a question moves on and
every procedure explains itself; an edit of the draft shows at once with the answers kept;
a finished preview is saved as an unconfirmed scenario."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kakanai.ui.supervision.document import TREE
from kakanai.ui.supervision.view import SupervisionView
from tests.ui.counter import driving


def preview(qtbot: QtBot, view: SupervisionView) -> None:
    view.tabs.setCurrentWidget(view.preview_page)
    qtbot.waitUntil(lambda: view.preview_page.current_question_id() == "move_type")


def test_answering_a_question_moves_on_and_each_procedure_says_why(
    qtbot: QtBot, view: SupervisionView
) -> None:
    preview(qtbot, view)
    page = view.preview_page
    reasons = page.reasons.toPlainText()
    assert "この設問には条件がないため、必ず聞きます。" in reasons
    assert "まだ決まらない: 転入届 — 市民課" in reasons
    driving.answer(qtbot, page, "転入")
    assert page.current_question_id() == "move_date"
    reasons = page.reasons.toPlainText()
    assert "該当する: 転入届 — 市民課" in reasons
    assert '案内する理由: 「move_type == "転入"」が成り立つ(move_type=転入)' in reasons
    assert '案内しない理由: 「move_type == "転居"」が成り立たない(move_type=転入)' in reasons
    assert page.side_panel.procedure_names() == ["転入届"]


def test_an_edit_of_the_draft_shows_in_the_preview_with_the_answers_kept(
    qtbot: QtBot, view: SupervisionView
) -> None:
    preview(qtbot, view)
    page = view.preview_page
    driving.answer(qtbot, page, "転入")
    document = view.document
    edited = document.text.replace("    name: 転入届\n", "    name: 転入の届出\n", 1)
    document.apply(TREE, edited, "手続き tennyu_todoke の名前を変更")
    assert page.current_question_id() == "move_date"
    assert page.side_panel.procedure_names() == ["転入の届出"]


def test_a_finished_preview_is_saved_as_a_scenario_awaiting_confirmation(
    qtbot: QtBot, view: SupervisionView
) -> None:
    preview(qtbot, view)
    page = view.preview_page
    # The reference family leaves the optional gaikokuseki blank; here the clerk answers it
    # (the driver types nothing into a blank choice, so Enter would not reach its page).
    driving.answer_until(qtbot, page, answers={**driving.ANSWERS, "gaikokuseki": "いいえ"})
    assert page.interview is not None
    assert page.interview.finished
    assert page.save_button.isEnabled()
    assert view.save_preview_as_scenario("プレビューした参照の家族")
    tests = view.document.tests_text or ""
    added = tests[tests.index("- name: プレビューした参照の家族") :]
    assert "confirmed: false" in added
    assert "procedures: [tennyu_todoke," in added
    assert view.document.undo_stack.undoText() == "シナリオ「プレビューした参照の家族」を追加"
