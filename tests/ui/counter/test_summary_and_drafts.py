"""The end of the wizard (summary, slip and 住民異動届 printed to the test printer) and
drafts: every answer is saved, a new view offers to resume or discard it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kakanai.adapters.pdf.raster import rasterize
from kakanai.adapters.qr.reading import read_code
from kakanai.core.slip.content import slip_content
from kakanai.services.counter.session import pending_draft
from kakanai.services.slip.sealing import open_slip
from kakanai.services.workspace import Workspace
from kakanai.store.audit import audit_entries
from kakanai.store.tables import DraftRow
from kakanai.ui.counter.household_table import HouseholdTable
from kakanai.ui.counter.summary_page import summary_html
from kakanai.ui.counter.view import CounterView
from tests.ui.counter.driving import ANSWERS, answer, answer_until, choose_events, type_answer

REFERENCE_CASE = Path(__file__).parents[2] / "fixtures" / "reference_case.json"
SAMPLES = Path(__file__).parents[3] / "forms_templates" / "samples"


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_the_summary_lists_the_reference_familys_procedures(
    qtbot: QtBot, on_reference_day: None, view: CounterView
) -> None:
    answer_until(qtbot, view)
    assert view.pages.currentWidget() is view.summary_page
    expected = [p["id"] for p in json.loads(REFERENCE_CASE.read_text("utf-8"))["procedures"]]
    assert view.summary_procedures() == expected
    text = view.summary_page.body.toPlainText()
    for words in ("市民課", "転入届", "持ち物", "山田 一郎", "理由"):
        assert words in text, words


def test_the_slip_is_printed_and_its_code_opens_to_the_same_case(
    qtbot: QtBot, view: CounterView, printed: Path, workspace: Workspace
) -> None:
    answer_until(qtbot, view)
    click(qtbot, view.summary_page.print_slip)
    files = sorted(printed.glob("*.pdf"))
    assert len(files) == 1, view.summary_page.error.text()
    pdf = files[0].read_bytes()
    assert pdf == view.last_slip_pdf
    found = read_code(np.asarray(rasterize(pdf, dpi=200)))
    assert found is not None
    case = open_slip(found.text)
    assert view.case is not None
    assert case["case_id"] == view.case["case_id"]
    assert [p["id"] for p in case["procedures"]] == view.summary_procedures()
    assert pending_draft(workspace) is None
    with workspace.session() as db:
        actions = {e.action for e in audit_entries(db)}
    assert {"case_saved", "slip_issued"} <= actions


def test_the_residence_form_is_printed_for_signature(
    qtbot: QtBot, view: CounterView, printed: Path
) -> None:
    answer_until(qtbot, view)
    click(qtbot, view.summary_page.print_form)
    files = list(printed.glob("*.pdf"))
    assert len(files) == 1, view.summary_page.error.text()
    assert "住民異動届" in files[0].name
    assert files[0].read_bytes().startswith(b"%PDF")


def test_back_from_the_summary_returns_to_the_last_question(
    qtbot: QtBot, view: CounterView
) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    answer_until(qtbot, view)
    qtbot.keyClick(view.summary_page.print_slip, Qt.Key.Key_Escape)
    assert view.current_question_id() == "has_gentsuki"


def test_each_answer_is_saved_and_a_new_view_resumes_at_the_same_question(
    qtbot: QtBot, view: CounterView, workspace: Workspace
) -> None:
    answer_until(qtbot, view, "previous_address")
    draft = pending_draft(workspace)
    assert draft is not None
    assert draft.answered == 2
    resumed = CounterView(workspace)
    qtbot.addWidget(resumed)
    resumed.show()
    resumed.activate()
    assert resumed.banner.isVisible()
    assert resumed.current_question_id() is None  # nothing started before the clerk chooses
    click(qtbot, resumed.banner.accept_button)
    assert resumed.current_question_id() == view.current_question_id() == "previous_address"
    assert resumed.side_panel.path.count() == 2


def test_discarding_the_offered_draft_starts_afresh(
    qtbot: QtBot, view: CounterView, workspace: Workspace
) -> None:
    answer(qtbot, view, "転入")
    old = pending_draft(workspace)
    fresh = CounterView(workspace)
    qtbot.addWidget(fresh)
    fresh.show()
    fresh.activate()
    click(qtbot, fresh.banner.reject_button)
    click(qtbot, fresh.banner.accept_button)  # 破棄する, once asked again
    choose_events(fresh)
    assert fresh.current_question_id() == "move_type"
    draft = pending_draft(workspace)
    assert draft is not None
    assert old is not None
    assert (draft.draft_id != old.draft_id, draft.answered) == (True, 0)


def test_a_new_interview_mid_way_asks_first_in_the_banner(qtbot: QtBot, view: CounterView) -> None:
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    answer_until(qtbot, view, "previous_address")
    qtbot.keyClick(view.question_page.field, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert view.banner.isVisible()
    assert view.current_question_id() == "previous_address"
    click(qtbot, view.banner.accept_button)
    assert view.pages.currentWidget() is view.events_page
    choose_events(view)
    assert view.current_question_id() == "move_type"
    assert view.side_panel.path.count() == 0


def test_every_menu_action_has_a_mnemonic_and_a_shortcut(view: CounterView) -> None:
    for action in view.menu_actions():
        assert "&" in action.text(), action.text()
        assert not action.shortcut().isEmpty(), action.text()


def test_rows_typed_on_the_household_page_survive_a_restart(
    qtbot: QtBot, view: CounterView, workspace: Workspace
) -> None:
    answer_until(qtbot, view, "household")
    with qtbot.waitSignal(view.typing_saved, timeout=5_000):
        type_answer(qtbot, view, ANSWERS["household"][:2])
    resumed = CounterView(workspace)
    qtbot.addWidget(resumed)
    resumed.show()
    resumed.activate()
    click(qtbot, resumed.banner.accept_button)
    table = resumed.question_page.field
    assert isinstance(table, HouseholdTable)
    assert [row.name.text() for row in table.rows] == ["山田 太郎", "山田 花子"]


def test_discarding_the_offered_draft_asks_first_and_deletes_what_was_typed(
    qtbot: QtBot, view: CounterView, workspace: Workspace
) -> None:
    answer_until(qtbot, view, "honseki")
    old = pending_draft(workspace)
    assert old is not None
    fresh = CounterView(workspace)
    qtbot.addWidget(fresh)
    fresh.show()
    fresh.activate()
    click(qtbot, fresh.banner.reject_button)
    assert fresh.banner.isVisible()  # one keystroke does not delete a resident's data
    assert "元に戻せません" in fresh.banner.message.text()
    assert pending_draft(workspace) == old
    click(qtbot, fresh.banner.accept_button)
    with workspace.session() as db:
        row = db.get(DraftRow, old.draft_id)
        assert row is not None
        assert "山田" not in json.dumps(row.answers, ensure_ascii=False)


def test_the_summary_scrolls_by_keyboard_while_a_button_has_the_focus(
    qtbot: QtBot, view: CounterView
) -> None:
    view.resize(1024, 640)
    answer_until(qtbot, view)
    bar = view.summary_page.body.verticalScrollBar()
    assert view.summary_page.print_slip.hasFocus()
    assert bar.value() == 0
    qtbot.keyClick(view.summary_page.print_slip, Qt.Key.Key_PageDown)
    assert bar.value() > 0


def test_the_resume_banner_writes_the_date_as_people_do(qtbot: QtBot, view: CounterView) -> None:
    started = dt.datetime(2026, 12, 6, 9, 5, tzinfo=dt.UTC)
    view.banner.offer_resume(started, 3)
    assert "12月6日 09:05開始" in view.banner.message.text()


@pytest.mark.parametrize(
    ("case_file", "label"),
    [
        (REFERENCE_CASE, "新しい住所"),
        (SAMPLES / "tenshutsu.json", "転出先の住所"),
        (SAMPLES / "shibou.json", "住所"),
        (SAMPLES / "shoumei_juuminhyou.json", "住所"),
    ],
)
def test_the_summary_names_the_address_as_the_slip_does(case_file: Path, label: str) -> None:
    """A move says 新しい住所, a 転出 where the resident goes, a death or a certificate visit
    the household's 住所: the same label as the slip (``SlipContent.address_label``)."""
    case = json.loads(case_file.read_text("utf-8"))
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
    content = slip_content(case, issued_at=now, expires_at=now, lang="ja", desk="")
    html = summary_html(content)
    assert f"<p>{label}: 〒" in html


def test_the_summary_shows_a_refusal_as_a_notice_before_the_departments() -> None:
    """住民票の写しを請求できません is guidance (kind: guidance): framed under 「ご確認ください」
    above the departments, not a numbered procedure of 市民課."""
    case = json.loads((SAMPLES / "shoumei_ininjou.json").read_text("utf-8"))
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
    content = slip_content(case, issued_at=now, expires_at=now, lang="ja", desk="")
    html = summary_html(content)
    notices = html.index("ご確認ください")
    name = "住民票の写しを請求できません(委任状が必要です)"
    assert notices < html.index(name)
    assert html.count(name) == 1
    assert all(name not in p.name for d in content.departments for p in d.procedures)
