"""Opening the database: an SQLite file in WAL mode for a single counter, or a shared
PostgreSQL server for a whole city hall (``postgresql+psycopg://...``). Both are set up so
that desks working at once wait a bounded time for each other and never corrupt a count."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

DATABASE_FILE = "kakanai.sqlite3"
# How long a desk waits for another desk's transaction before it gives up with STORE_001.
# SQLite transactions here last milliseconds, so waiting 10 s means something is stuck.
SQLITE_BUSY_TIMEOUT_S = 10.0
# PostgreSQL: a stalled desk (a hung laptop in the middle of a transaction) must not block
# every other desk without limit. Waiting for a row lock ends after 5 s, a statement after
# 30 s (the heaviest, a purge of a year's cases, takes well under that), and a connection
# idle inside a transaction is closed after 60 s, which frees its locks.
POSTGRES_OPTIONS = (
    "-c lock_timeout=5s -c statement_timeout=30s -c idle_in_transaction_session_timeout=60s"
)
# SQLSTATEs for "someone else holds it": lock_not_available, query_canceled (the statement
# timeout), deadlock_detected, serialization_failure.
_POSTGRES_BUSY = frozenset({"55P03", "57014", "40P01", "40001"})
_PRIVATE_FILE = 0o600
READ_ONLY = "kakanai_read_only"  # an execution option: see _begin_immediate


def sqlite_url(data_dir: Path) -> str:
    """The default database: one SQLite file in the app's data directory."""
    return f"sqlite:///{data_dir / DATABASE_FILE}"


def open_engine(url: str) -> Engine:
    """An engine for ``url`` with the settings above; an SQLite file is created owner-only
    (its -wal and -shm files take the database file's mode)."""
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            _private_sqlite_file(Path(database))
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    connect_args = {} if "options" in make_url(url).query else {"options": POSTGRES_OPTIONS}
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_busy(error: DBAPIError) -> bool:
    """Whether ``error`` means another desk held what this one needed (worth a retry)."""
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate in _POSTGRES_BUSY
    return "database is locked" in str(error.orig) or "database table is locked" in str(error.orig)


def _private_sqlite_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (SQLite would follow the umask,
    usually 0644); tighten an existing one and its -wal and -shm files."""
    if not path.parent.is_dir():
        return  # SQLite reports the missing folder when it connects, as every caller expects
    if not path.exists():
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600))
    if os.name != "posix":  # elsewhere the user profile's access rules protect it
        return
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists() and file.stat().st_mode & 0o077:
            file.chmod(_PRIVATE_FILE)


def _sqlite_pragmas(connection: Any, _record: object) -> None:
    # The driver's own transaction handling would send a deferred BEGIN before the first
    # write; _begin_immediate sends the BEGIN instead (this is SQLAlchemy's documented recipe).
    connection.isolation_level = None
    cursor = connection.cursor()
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted rows (purged personal data) are overwritten with zeros, not left in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _begin_immediate(connection: Connection) -> None:
    """Every transaction takes SQLite's write lock at its start. A deferred transaction that
    reads and then writes fails at once with "database is locked" when another desk wrote in
    between (WAL cannot upgrade a stale snapshot, and the busy timeout does not apply);
    taking the lock first makes it wait its turn instead. Work that only reads (statistics,
    ``READ_ONLY``) begins deferred: it reads a snapshot and never holds the desks up."""
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
        return
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def reading_engine(engine: Engine) -> Engine:
    """The same database for work that only reads (it must not write through it)."""
    return engine.execution_options(**{READ_ONLY: True})
