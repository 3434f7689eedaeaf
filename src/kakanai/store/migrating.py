"""Bringing a database to the current schema with Alembic (on every start; idempotent).

Alembic loads only when the database is not at ``HEAD`` yet, which keeps the app's start
short; a test keeps ``HEAD`` equal to the newest migration."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0001"  # the newest revision in migrations/versions/
_VERSION_TABLE = "alembic_version"


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
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


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
