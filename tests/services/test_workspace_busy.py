"""A busy database: after the store's wait the desk gets STORE_001 in Japanese (never a
driver's error), work that touches only the database is tried again, and every PostgreSQL
connection carries lock and statement timeouts so a stalled desk cannot block the others."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.workspace import Workspace, open_workspace
from kakanai.store import database
from kakanai.store.handoffs import record_handoff
from tests.postgres_databases import postgres_url

SHORT_WAIT_S = 0.2


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """A desk on a fresh SQLite file that waits only briefly for a busy database."""
    for name in list(os.environ):
        if name.startswith("KAKANAI_") and name != "KAKANAI_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_S", SHORT_WAIT_S, raising=False)
    opened = open_workspace(create_key=False)
    yield opened
    opened.close()


def another_desk_writing(workspace: Workspace) -> sqlite3.Connection:
    """A second connection that holds the SQLite file's write lock until it is closed."""
    path = workspace.data_dir / database.DATABASE_FILE
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    return holder


def scan(session: Session) -> int:
    """A desk's write: one scan of a slip."""
    now = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)
    return record_handoff(session, case_id="X-1", department="kodomo", desk="d", now=now).scans


def test_a_busy_sqlite_database_is_store_001_in_japanese(workspace: Workspace) -> None:
    holder = another_desk_writing(workspace)
    try:
        with pytest.raises(KakanaiError) as caught, workspace.session() as session:
            scan(session)
    finally:
        holder.close()
    assert caught.value.code is ErrorCode.STORE_BUSY
    assert "もう一度" in caught.value.message


def test_database_only_work_is_tried_again_until_the_other_desk_lets_go(
    workspace: Workspace,
) -> None:
    holder = another_desk_writing(workspace)
    release = threading.Timer(SHORT_WAIT_S * 1.5, holder.close)
    release.start()
    try:
        assert workspace.transact(scan, attempts=10) == 1
    finally:
        release.join()


def test_postgresql_connections_have_lock_and_statement_timeouts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KAKANAI_DATABASE_URL", postgres_url())
    workspace = open_workspace(create_key=False)
    try:
        with workspace.session() as session:
            shown = {
                name: session.execute(text(f"SHOW {name}")).scalar_one()
                for name in ("lock_timeout", "statement_timeout")
            }
    finally:
        workspace.close()
    assert shown == {"lock_timeout": "5s", "statement_timeout": "30s"}


def test_a_postgresql_lock_held_too_long_is_store_001(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KAKANAI_DATABASE_URL", postgres_url())
    workspace = open_workspace(create_key=False)
    stalled = create_engine(postgres_url()).connect()
    try:
        stalled.execute(text("LOCK TABLE handoffs IN ACCESS EXCLUSIVE MODE"))
        with pytest.raises(KakanaiError) as caught, workspace.session() as session:
            session.execute(text("SET LOCAL lock_timeout = '200ms'; SELECT count(*) FROM handoffs"))
    finally:
        stalled.close()
        workspace.close()
    assert caught.value.code is ErrorCode.STORE_BUSY
