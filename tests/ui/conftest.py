"""Qt tests run offscreen on a fresh data directory with its own SQLite file and key; the
printer is a temporary folder (``folder:`` printer) and the camera is recorded frames."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kakanai.services.workspace import Workspace, open_workspace
from kakanai.ui.application import application


@pytest.fixture(scope="session")
def qapp_cls() -> type:
    """pytest-qt's application is ours: same fonts as the real app."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - after the platform is set

    application()
    return QApplication


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    """The folder the test printer writes to."""
    folder = tmp_path / "printed"
    folder.mkdir()
    return folder


@pytest.fixture
def workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, printed: Path
) -> Iterator[Workspace]:
    """A first-run workspace in a temporary data directory (environment isolated)."""
    for name in list(os.environ):
        if name.startswith("KAKANAI_") and name != "KAKANAI_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KAKANAI_PRINTER", f"folder:{printed}")
    opened = open_workspace()
    yield opened
    opened.close()
