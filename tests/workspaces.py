"""A desk's workspace on a fresh temporary data directory, untouched by the caller's
``KAKANAI_*`` settings; its printer is the ``printed`` folder beside the data directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kakanai.services.workspace import Workspace, open_workspace


def isolated_workspace(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, database_url: str | None = None
) -> Workspace:
    """A first-run workspace in ``data_dir``; print jobs go to ``data_dir.parent/printed``;
    its database is ``database_url`` (default: the data directory's SQLite file)."""
    for name in list(os.environ):
        if name.startswith("KAKANAI_") and name != "KAKANAI_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(data_dir))
    monkeypatch.setenv("KAKANAI_PRINTER", f"folder:{printed_folder(data_dir)}")
    if database_url is not None:
        monkeypatch.setenv("KAKANAI_DATABASE_URL", database_url)
    return open_workspace()


def printed_folder(data_dir: Path) -> Path:
    return data_dir.parent / "printed"
