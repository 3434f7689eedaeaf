"""The whole path through the app: a clerk interviews a family moving in, issues the slip as
a PDF; the printed slip is rasterised and the image is opened at the こども育成課 desk, which
lists its forms, prints them and records the handoff."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kakanai.adapters.pdf.raster import pdf_to_png
from kakanai.services.workspace import Workspace, open_workspace
from kakanai.store.audit import audit_entries
from kakanai.store.tables import HandoffRow
from kakanai.ui.counter.view import CounterView
from kakanai.ui.desk.view import DeskView
from tests.ui.counter.driving import answer_until

WAIT_MS = 30_000


@pytest.fixture
def desk_workspace(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """A second desk on the same database and keys: こども育成課's scanning desk."""
    monkeypatch.setenv("KAKANAI_DESK", "こども育成課1")
    monkeypatch.setenv("KAKANAI_MODE", "desk")
    monkeypatch.setenv("KAKANAI_DEPARTMENT", "kodomo")
    opened = open_workspace()
    yield opened
    opened.close()


def test_family_move_in_from_interview_to_the_departments_printed_forms(
    qtbot: QtBot, workspace: Workspace, desk_workspace: Workspace, printed: Path, tmp_path: Path
) -> None:
    counter = CounterView(workspace)
    qtbot.addWidget(counter)
    counter.resize(1366, 740)
    counter.show()
    counter.activate()
    answer_until(qtbot, counter)
    qtbot.mouseClick(counter.summary_page.print_slip, Qt.MouseButton.LeftButton)
    slips = sorted(printed.glob("*.pdf"))
    assert len(slips) == 1, counter.summary_page.error.text()
    case = counter.case
    assert case is not None
    slip_png = tmp_path / "slip.png"
    pdf_to_png(slips[0], slip_png, dpi=200)

    desk = DeskView(desk_workspace)
    qtbot.addWidget(desk)
    desk.resize(1366, 740)
    desk.show()
    desk.activate()
    with qtbot.waitSignal(desk.preview_shown, timeout=WAIT_MS):
        desk.open_image(slip_png)
    assert desk.case_id == case["case_id"]
    kodomo = [p for p in case["procedures"] if p["department"] == "kodomo"]
    listed = desk.forms_listed()
    assert len(listed) == sum(len(p["forms"]) for p in kodomo) > 0
    assert all(case["case_id"] in name for name in listed)

    print_all = next(a for a in desk.menu_actions() if a.text().startswith("全て印刷"))
    print_all.trigger()
    printed_forms = [p for p in printed.glob("*.pdf") if p not in slips]
    assert len(printed_forms) == 1
    reader = PdfReader(io.BytesIO(printed_forms[0].read_bytes()))
    text = "".join(page.extract_text() for page in reader.pages)
    head = case["household"]["members"][case["household"]["head"]]["name"]
    assert head.split()[0] in text

    with desk_workspace.session() as session:
        handoffs = session.scalars(select(HandoffRow)).all()
        actions = [(e.action, e.desk) for e in audit_entries(session)]
    assert [(h.case_id, h.department, h.desk, h.scans) for h in handoffs] == [
        (case["case_id"], "kodomo", "こども育成課1", 1)
    ]
    assert {("case_saved", "窓口1"), ("slip_issued", "窓口1")} <= set(actions)
    assert {("slip_scanned", "こども育成課1"), ("forms_printed", "こども育成課1")} <= set(actions)
