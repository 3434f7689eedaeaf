"""The supervisor's mode around a real workspace and a copy of the shipped tree (with its
scenarios) in a temporary folder, as a supervisor would open a city's file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kakanai.services.supervision.accounts import sign_in
from kakanai.services.tree_editing.draft import open_draft
from kakanai.services.workspace import Workspace
from kakanai.ui.application import MODES
from kakanai.ui.main_window import ModeEntry
from kakanai.ui.supervision.access import SupervisionAccess
from kakanai.ui.supervision.unsaved import Unsaved
from kakanai.ui.supervision.view import SupervisionView
from tests.conftest import QUESTIONNAIRES
from tests.supervised_workspaces import NAME, PASSWORD


@pytest.fixture
def tree_file(tmp_path: Path) -> Path:
    folder = tmp_path / "trees"
    folder.mkdir()
    for name in ("moving.yaml", "moving.tests.yaml"):
        shutil.copy(QUESTIONNAIRES / name, folder / name)
    return folder / "moving.yaml"


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace, tree_file: Path) -> SupervisionView:
    shown = SupervisionView(workspace, draft=open_draft(tree_file))
    qtbot.addWidget(shown)
    shown.resize(1366, 740)
    shown.show()
    checked(qtbot, shown)
    return shown


def checked(qtbot: QtBot, view: SupervisionView) -> None:
    """Wait until the draft's checks have caught up with its text."""
    qtbot.waitUntil(lambda: view.document.is_checked, timeout=20_000)


class Asked:
    """Stands in for the unsaved-changes question: records it and answers as told."""

    def __init__(self, answer: Unsaved) -> None:
        self.answer = answer
        self.times = 0

    def __call__(self, _parent: object, _name: str) -> Unsaved:
        self.times += 1
        return self.answer


def signed_in_modes() -> list[ModeEntry]:
    """The app's modes, the supervisor signing in through the real service (not the dialog,
    which tests/ui/supervision/test_sign_in.py drives)."""

    def build(ws: Workspace, parent: object) -> SupervisionView:
        access = SupervisionAccess(ws, ask=lambda _parent, w: sign_in(w, NAME, PASSWORD))
        return SupervisionView(ws, parent, access=access)  # type: ignore[arg-type]

    return [m if m.mode_id != "supervision" else ModeEntry(m.mode_id, m.label, m.shortcut, build)
            for m in MODES]  # fmt: skip
