"""Qt tests run offscreen on a fresh data directory with its own SQLite file and key; the
printer is a temporary folder (``folder:`` printer) and the camera is recorded frames."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kakanai.services.settings import folder_printer
from kakanai.services.workspace import Workspace
from kakanai.ui.application import application
from tests.workspaces import isolated_workspace, printed_folder


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """pytest-qt's application is ours: same fonts as the real app."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - after the platform is set

    application()
    return QApplication


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    """The folder the test printer writes to."""
    folder = printed_folder(tmp_path / "data")
    folder.mkdir()
    return folder


@pytest.fixture
def workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, printed: Path
) -> Iterator[Workspace]:
    """A first-run workspace in a temporary data directory (environment isolated)."""
    opened = isolated_workspace(tmp_path / "data", monkeypatch)
    assert folder_printer(opened.settings) == printed
    yield opened
    opened.close()
