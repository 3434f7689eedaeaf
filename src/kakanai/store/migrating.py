"""Bringing a database to the current schema with Alembic (on every start; idempotent).

Alembic loads only when the database is not at ``HEAD`` yet, which keeps the app's start
short; a test keeps ``HEAD`` equal to the newest migration. Desks starting at once migrate
one after the other: the first one migrates, the others then find nothing to do."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0003"  # the newest revision in migrations/versions/
_VERSION_TABLE = "alembic_version"
# The key of the PostgreSQL advisory lock that serializes migrations: any constant that no
# other application on the server uses (this one is "kakanai" in ASCII).
MIGRATION_LOCK = 0x6B616B616E6169


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
    with engine.begin() as connection:
        _wait_for_other_migrations(connection)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")  # reads the revision again, now that it is ours


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
    """The revision the database records, read without Alembic."""
    with engine.connect() as connection:
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
