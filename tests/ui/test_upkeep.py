"""The menu's purge asks first, says how much it will delete, and deletes only when the clerk
says yes."""

from __future__ import annotations

import json

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kakanai.services.workspace import Workspace
from kakanai.store.cases import find_case, save_case
from kakanai.ui.upkeep import confirm_purge
from tests.conftest import ROOT

REFERENCE = json.loads((ROOT / "tests" / "fixtures" / "reference_case.json").read_text("utf-8"))
OLD_CASE = {**REFERENCE, "case_id": "20250101-0A0B0C", "created_at": "2025-01-01T10:00:00+09:00"}


def answer_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press ``button`` on the message box that opens next, noting its text."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)


def stored_document(workspace: Workspace) -> object:
    with workspace.session() as session:
        row = find_case(session, OLD_CASE["case_id"])
        assert row is not None
        return row.document


def test_yes_purges_and_the_question_gives_the_counts(qtbot: QtBot, workspace: Workspace) -> None:
    with workspace.session() as session:
        save_case(session, OLD_CASE, desk="窓口1")
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Yes, seen)
    result = confirm_purge(workspace, parent)
    assert result is not None
    assert result.cases == 1
    assert "案件1件" in seen[0]
    assert stored_document(workspace) is None


def test_no_keeps_everything(qtbot: QtBot, workspace: Workspace) -> None:
    with workspace.session() as session:
        save_case(session, OLD_CASE, desk="窓口1")
    parent = QWidget()
    qtbot.addWidget(parent)
    answer_next_box(QMessageBox.StandardButton.No, [])
    assert confirm_purge(workspace, parent) is None
    assert stored_document(workspace) is not None


def test_nothing_past_the_period_says_so(qtbot: QtBot, workspace: Workspace) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    assert confirm_purge(workspace, parent) is None
    assert "ありません" in seen[0]
