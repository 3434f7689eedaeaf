"""Bringing a database to the current schema with Alembic (on every start; idempotent).

Alembic loads only when the database is not at ``HEAD`` yet, which keeps the app's start
short; a test keeps ``HEAD`` equal to the newest migration. Desks starting at once migrate
one after the other: the first one migrates, the others then find nothing to do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from kakanai.store.database import reading_engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0004"  # the newest revision in migrations/versions/
_VERSION_TABLE = "alembic_version"
# The key of the PostgreSQL advisory lock that serializes migrations: any constant that no
# other application on the server uses (this one is "kakanai" in ASCII).
MIGRATION_LOCK = 0x6B616B616E6169
# How long a starting desk waits for another desk's migration (and for the desks queued
# before it) before it gives up. A desk's own transactions wait SQLITE_BUSY_TIMEOUT_S; twenty
# desks starting at once on a fresh database queue behind one migration for longer than that.
MIGRATION_WAIT_S = 120


def alembic_config() -> Config:
    from alembic.config import Config  # noqa: PLC0415 - only when a migration runs

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest revision (nothing to do when it is there)."""
    if stored_revision(engine) == HEAD:
        return
    from alembic import command  # noqa: PLC0415 - only when a migration runs

    config = alembic_config()
    with engine.connect() as connection, _patient(connection), connection.begin():
        _wait_for_other_migrations(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")  # reads the revision again, now that it is ours
        _check_foreign_keys(connection)


@contextmanager
def _patient(connection: Connection) -> Iterator[None]:
    """On SQLite, let this connection wait MIGRATION_WAIT_S for the write lock, and turn its
    foreign keys off while it migrates (both set on the driver's connection before the
    transaction begins: a statement through SQLAlchemy would begin it first, and SQLite
    ignores ``foreign_keys`` inside a transaction). A migration that changes a column copies
    the table and drops the old one (batch mode), and with foreign keys on, that drop would
    delete every row that references it (``ON DELETE CASCADE``): SQLite's own procedure for
    such changes turns them off and checks them before committing (``_check_foreign_keys``).
    The pool gets the connection back with the wait it had and foreign keys on."""
    if connection.dialect.name != "sqlite":
        yield
        return
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection has its driver's
    usual = int(driver.execute("PRAGMA busy_timeout").fetchone()[0])
    driver.execute(f"PRAGMA busy_timeout = {MIGRATION_WAIT_S * 1000}")
    driver.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys = ON")
        driver.execute(f"PRAGMA busy_timeout = {usual}")


def _check_foreign_keys(connection: Connection) -> None:
    """On SQLite, refuse to commit a migration that left a row pointing at nothing (foreign
    keys were off while it ran)."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.execute(text("PRAGMA foreign_key_check")).all()
    if broken:
        raise RuntimeError(f"migration left {len(broken)} rows without their parent: {broken[:3]}")


def _wait_for_other_migrations(connection: Connection) -> None:
    """Hold the database's migration lock until the transaction ends. SQLite needs nothing
    more: the transaction began with BEGIN IMMEDIATE (``store/database.py``), which already
    holds the file's one write lock."""
    if connection.dialect.name != "postgresql":
        return
    # A migration may take longer than the per-statement limits of a desk's connection.
    connection.execute(text("SET LOCAL lock_timeout = '120s'"))
    connection.execute(text("SET LOCAL statement_timeout = 0"))
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def stored_revision(engine: Engine) -> str | None:
    """The revision the database records, read without Alembic (and without SQLite's write
    lock: a desk whose database is migrated does not queue behind the others)."""
    with reading_engine(engine).connect() as connection:
        if not inspect(connection).has_table(_VERSION_TABLE):
            return None
        rows = connection.execute(text(f"SELECT version_num FROM {_VERSION_TABLE}")).all()  # noqa: S608 - a constant name
    return str(rows[0][0]) if len(rows) == 1 else None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415 - see migrate

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - see migrate

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
