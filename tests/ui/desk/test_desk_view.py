"""The desk screen around real services: a slip opens by wedge typing, image file or
recorded camera frames; the same slip twice is shown as already handled; rejected slips
explain themselves; printing writes the forms to the (folder) printer."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kakanai.adapters.camera import RecordedFrames
from kakanai.services.case_files import load_case
from kakanai.services.desk.summary import department_summary
from kakanai.services.shipped_data import FORM_TEMPLATES
from kakanai.services.workspace import Workspace
from kakanai.store.audit import audit_entries
from kakanai.store.tables import HandoffRow
from kakanai.ui.desk.camera_panel import SameText
from kakanai.ui.desk.summary_html import summary_html
from kakanai.ui.desk.view import DeskView
from tests.desk_slips import (
    at_department,
    blank_frame,
    changed_digit,
    expired_digits,
    other_city_digits,
    photographed,
    sealed,
    slip_png,
)

CASE_ID = "20261123-3FA2C1"
WAIT_MS = 15_000


def desk(qtbot: QtBot, workspace: Workspace) -> DeskView:
    view = DeskView(workspace)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    return view


def opened(qtbot: QtBot, view: DeskView, text: str) -> None:
    with qtbot.waitSignal(view.preview_shown, timeout=WAIT_MS):
        view.open_text(text)


def type_like_a_scanner(qtbot: QtBot, text: str) -> None:
    """Each key goes to whatever widget has the focus at that moment, then Enter."""
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None
        qtbot.keyClick(target, char)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_wedge_typing_opens_the_case_wherever_the_focus_is(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = desk(qtbot, workspace)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.result.forms_list.setFocus()
    qtbot.waitUntil(view.result.forms_list.hasFocus)
    with qtbot.waitSignal(view.preview_shown, timeout=WAIT_MS):
        type_like_a_scanner(qtbot, sealed().digits)
    assert view.case_id == CASE_ID
    assert view.wedge.text() == ""


def test_opening_an_image_of_the_printed_slip_lists_the_forms(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    view = desk(qtbot, workspace)
    png = slip_png(sealed(), tmp_path / "slip.png")
    with qtbot.waitSignal(view.preview_shown, timeout=WAIT_MS):
        view.open_image(png)
    assert view.case_id == CASE_ID
    assert [name.split("_", 2)[2] for name in view.forms_listed()] == [
        "juumin_idou_todoke.pdf",
        "inkan_touroku_shinsei.pdf",
        "kokumin_nenkin_todoke_世帯員1.pdf",
        "kokumin_nenkin_todoke_世帯員2.pdf",
    ]
    assert view.result.preview.page_count >= 1


def test_recorded_camera_frames_open_the_slip(qtbot: QtBot, workspace: Workspace) -> None:
    view = desk(qtbot, workspace)
    frames = [blank_frame(), blank_frame(90), photographed(sealed().digits)]
    with qtbot.waitSignal(view.preview_shown, timeout=WAIT_MS):
        view.start_camera(RecordedFrames(frames))
    qtbot.waitUntil(lambda: not view.camera.running, timeout=WAIT_MS)
    assert view.case_id == CASE_ID
    assert view.camera.frames_shown == 3


def test_the_camera_reports_a_slip_once_while_it_stays_in_view(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = desk(qtbot, workspace)
    digits = sealed().digits
    frames = [blank_frame(), blank_frame(), *[photographed(digits, seed) for seed in (1, 2, 3)]]
    read: list[str] = []
    view.camera.text_read.connect(read.append)
    view.camera.start(lambda: RecordedFrames(frames))
    qtbot.waitUntil(lambda: not view.camera.running, timeout=WAIT_MS)
    assert view.camera.frames_shown == 5
    assert read == [digits]
    view.wait_idle()


@pytest.mark.parametrize(
    ("sightings", "reported"),
    [
        ([("a", 0.0), ("a", 1.0), ("a", 2.0)], ["a"]),
        ([("a", 0.0), ("b", 1.0), ("a", 2.0)], ["a", "b", "a"]),
        ([("a", 0.0), ("a", 10.0)], ["a", "a"]),
    ],
    ids=["stays in view", "another slip in between", "shown again much later"],
)
def test_the_same_text_is_reported_once_while_in_view(
    sightings: list[tuple[str, float]], reported: list[str]
) -> None:
    same = SameText(repeat_after=4.0)
    assert [text for text, at in sightings if same.is_new(text, at)] == reported


def test_a_missing_camera_says_so_inline_and_the_wedge_still_works(
    qtbot: QtBot, workspace: Workspace
) -> None:
    workspace.loaded = type(workspace.loaded)(
        type(workspace.settings)(**{**vars(workspace.settings), "camera": 97}),
        workspace.loaded.path,
        workspace.loaded.overridden,
    )
    view = desk(qtbot, workspace)
    view.start_camera()
    qtbot.waitUntil(lambda: not view.camera.running, timeout=WAIT_MS)
    assert view.camera.message.isVisible()
    assert "カメラ97番を開けません" in view.camera.message.text()
    opened(qtbot, view, sealed().digits)
    assert view.case_id == CASE_ID


def test_the_same_slip_twice_is_shown_as_already_handled(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = desk(qtbot, workspace)
    digits = sealed().digits
    opened(qtbot, view, digits)
    assert not view.result.banner.text().startswith("処理済み")
    opened(qtbot, view, digits)
    assert view.result.banner.text().startswith("処理済み")
    assert "今回で2回目" in view.result.banner.text()
    assert view.handoff is not None
    assert (view.handoff.already_handled, view.handoff.scans) == (True, 2)
    with workspace.session() as session:
        rows = list(session.scalars(select(HandoffRow)))
    assert [(r.case_id, r.department, r.scans) for r in rows] == [(CASE_ID, "shimin", 2)]


@pytest.mark.parametrize(
    ("make", "title", "says"),
    [
        (lambda _tmp: changed_digit(sealed().digits), "数字に誤り", "検査数字"),
        (lambda _tmp: expired_digits(), "有効期限", "有効期限("),
        (other_city_digits, "鍵で開けない", "kakanai keys import"),
    ],
    ids=["tampered digits", "expired", "another city's key"],
)
def test_a_rejected_slip_shows_what_happened_and_what_to_do(  # noqa: PLR0917 - pytest fills fixtures and parameters by name
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, make: object, title: str, says: str
) -> None:
    text = make(tmp_path)  # type: ignore[operator]
    view = desk(qtbot, workspace)
    opened(qtbot, view, text)
    assert view.pages.currentWidget() is view.rejection
    assert title in view.rejection.title.text()
    assert says in view.rejection.happened.text() + view.rejection.todo.text()
    assert view.case_id is None
    assert not view.menu_actions()[3].isEnabled()  # 全て印刷


def test_a_slip_with_nothing_for_this_department_names_where_to_go(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = desk(qtbot, at_department(workspace, "zeimu"))
    opened(qtbot, view, sealed().digits)
    assert view.pages.currentWidget() is view.rejection
    assert "税務課の手続きはありません" in view.rejection.title.text()
    assert "こども育成課(2階 12番窓口)" in view.rejection.todo.text()


def test_print_all_writes_every_form_to_the_printer_and_audits_it(
    qtbot: QtBot, workspace: Workspace, printed: Path
) -> None:
    view = desk(qtbot, at_department(workspace, "kodomo"))
    opened(qtbot, view, sealed().digits)
    scan = view.current_scan
    assert scan is not None
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    files = list(printed.glob("*.pdf"))
    assert len(files) == 1
    expected = sum(len(pypdf.PdfReader(io.BytesIO(f.pdf)).pages) for f in scan.forms)
    assert len(pypdf.PdfReader(files[0]).pages) == expected
    with workspace.session() as session:
        assert audit_entries(session)[0].action == "forms_printed"


def test_print_this_form_prints_only_the_selected_one(
    qtbot: QtBot, workspace: Workspace, printed: Path
) -> None:
    view = desk(qtbot, at_department(workspace, "kodomo"))
    opened(qtbot, view, sealed().digits)
    view.result.forms_list.setCurrentRow(2)
    buttons = {b.text(): b for b in view.findChildren(QPushButton)}
    buttons["この様式を印刷(&T)"].click()
    (only,) = printed.glob("*.pdf")
    assert only.name.endswith("kodomo_iryou_shinsei_世帯員3.pdf")


def test_the_childcare_desk_does_not_see_the_health_insurance_answers(
    qtbot: QtBot, workspace: Workspace
) -> None:
    view = desk(qtbot, at_department(workspace, "kodomo"))
    opened(qtbot, view, sealed().digits)
    shown = view.result.summary.toPlainText()
    assert "保育所・認定こども園" in shown
    assert "国民健康保険に加入している方" not in shown
    assert "犬の名前" not in shown


def test_every_button_has_a_mnemonic(qtbot: QtBot, workspace: Workspace) -> None:
    view = desk(qtbot, workspace)
    texts = [b.text() for b in view.findChildren(QPushButton)]
    assert texts
    assert all("&" in text for text in texts), texts


def test_the_preview_zooms_in_and_back_to_fit_width(qtbot: QtBot, workspace: Workspace) -> None:
    view = desk(qtbot, workspace)
    opened(qtbot, view, sealed().digits)
    preview = view.result.preview
    fit = preview.effective_zoom()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert preview.effective_zoom() == pytest.approx(fit * 1.25, rel=0.02)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.zoom == 0
    assert preview.effective_zoom() == pytest.approx(fit, rel=0.02)


def test_ctrl_9_shows_each_page_whole(qtbot: QtBot, workspace: Workspace) -> None:
    view = desk(qtbot, workspace)
    opened(qtbot, view, sealed().digits)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    qtbot.keyClick(view, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    preview = view.result.preview
    width, height = preview.shown_sizes()[0]
    assert 0 < height <= preview.viewport().height()
    assert width < preview.viewport().width() * 0.6  # an A4 page whole: narrower than the view


def test_the_desk_counts_procedures_and_marks_a_refusal_as_a_notice() -> None:
    """A 市民課 desk scanning a refused certificate request sees the notices, marked, and
    「この課の手続き(0件)」: nothing to tick."""
    case = load_case(FORM_TEMPLATES / "samples" / "shoumei_ininjou.json")
    html = summary_html(department_summary(case, "shimin"))
    assert "この課の手続き(0件)" in html
    assert html.count("※ 案内(手続きではありません): ") == 2
