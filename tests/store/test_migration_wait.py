"""A desk starting while another desk holds the SQLite file's write lock for longer than a
desk's usual wait (a migration running on a slow PC, twenty desks queued behind it) waits
for the migration's own, longer limit instead of failing the start."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from kakanai.store import database
from kakanai.store.database import DATABASE_FILE, open_engine, sqlite_url
from kakanai.store.migrating import HEAD, migrate, stored_revision

HOLD_S = 1.5  # the other desk's lock, three times the desk's usual wait below
USUAL_WAIT_S = 0.5


def hold_write_lock(path: Path, held: threading.Event) -> None:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    held.set()
    threading.Event().wait(HOLD_S)
    other.execute("COMMIT")
    other.close()


def test_a_migration_waits_longer_than_a_desks_usual_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_S", USUAL_WAIT_S)
    engine = open_engine(sqlite_url(tmp_path))
    with engine.connect() as connection:  # creates the file in WAL mode
        connection.exec_driver_sql("SELECT 1")
    held = threading.Event()
    other = threading.Thread(target=hold_write_lock, args=(tmp_path / DATABASE_FILE, held))
    other.start()
    held.wait(timeout=10)
    migrate(engine)
    other.join()
    assert stored_revision(engine) == HEAD


def test_after_a_migration_the_connection_waits_the_usual_time_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "SQLITE_BUSY_TIMEOUT_S", USUAL_WAIT_S)
    engine = open_engine(sqlite_url(tmp_path))
    migrate(engine)
    with engine.connect() as connection:
        waits_ms = connection.connection.driver_connection.execute("PRAGMA busy_timeout")  # type: ignore[union-attr]
        assert waits_ms.fetchone()[0] == USUAL_WAIT_S * 1000
