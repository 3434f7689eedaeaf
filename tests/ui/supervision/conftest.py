"""The supervisor's mode around a real workspace and a copy of the shipped tree (with its
scenarios) in a temporary folder, as a supervisor would open a city's file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kakanai.services.tree_editing.draft import open_draft
from kakanai.services.workspace import Workspace
from kakanai.ui.supervision.view import SupervisionView, Unsaved
from tests.conftest import QUESTIONNAIRES


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
