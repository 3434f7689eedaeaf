"""The workspace: the first run creates the data directory, the database (WAL) and a key;
KAKANAI_DATABASE_URL points every desk at one shared PostgreSQL database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.workspace import open_workspace
from kakanai.store.migrating import current_revision, head_revision
from tests.postgres_databases import postgres_url


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("KAKANAI_") and name != "KAKANAI_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    folder = tmp_path / "data"
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(folder))
    return folder


def test_first_run_creates_settings_database_and_key(data_dir: Path) -> None:
    workspace = open_workspace()
    try:
        assert workspace.first_run
        assert (data_dir / "settings.json").is_file()
        assert (data_dir / "keys" / "keyring.json").is_file()
        assert current_revision(workspace.engine) == head_revision()
        with workspace.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        workspace.close()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_data_directory_is_private(data_dir: Path) -> None:
    open_workspace().close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_everything_the_first_run_creates_is_owner_only(data_dir: Path) -> None:
    """Under the usual umask (new files 0644): the database, its -wal and -shm, the settings
    and the keys are 0600, the folders 0700."""
    old = os.umask(0o022)
    try:
        workspace = open_workspace()
        with workspace.session() as session:  # the -wal and -shm files exist while open
            session.execute(text("SELECT 1"))
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in data_dir.rglob("*")}
        workspace.close()
    finally:
        os.umask(old)
    assert {"kakanai.sqlite3-wal", "kakanai.sqlite3-shm", "settings.json"} <= set(modes)
    assert {name: mode for name, mode in modes.items() if mode not in {0o600, 0o700}} == {}
    assert modes["keys"] == 0o700


def test_second_run_is_not_a_first_run_and_keeps_the_key(data_dir: Path) -> None:
    open_workspace().close()
    keyring = (data_dir / "keys" / "keyring.json").read_bytes()
    workspace = open_workspace()
    workspace.close()
    assert not workspace.first_run
    assert (data_dir / "keys" / "keyring.json").read_bytes() == keyring


def test_database_url_from_the_environment_is_used(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAKANAI_DATABASE_URL", postgres_url())
    workspace = open_workspace()
    try:
        assert workspace.engine.dialect.name == "postgresql"
        assert "database_url" in workspace.loaded.overridden
        assert current_revision(workspace.engine) == head_revision()
        assert not (data_dir / "kakanai.sqlite3").exists()
    finally:
        workspace.close()


def test_an_unreachable_database_is_app_003(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "KAKANAI_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/kakanai?connect_timeout=2"
    )
    with pytest.raises(KakanaiError) as caught:
        open_workspace()
    assert caught.value.code is ErrorCode.APP_DATABASE_UNREACHABLE
    assert "nobody" not in caught.value.message


def test_an_sqlite_file_in_a_missing_folder_is_app_003(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KAKANAI_DATABASE_URL", f"sqlite:///{tmp_path / 'nowhere' / 'k.sqlite3'}")
    with pytest.raises(KakanaiError) as caught:
        open_workspace()
    assert caught.value.code is ErrorCode.APP_DATABASE_UNREACHABLE
