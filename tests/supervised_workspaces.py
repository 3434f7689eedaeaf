"""Fixtures for the supervision tests: a desk's workspace on SQLite and on the real
PostgreSQL server, a signed-in supervisor, and a clock the tests set. A conftest imports
the fixtures where they are used."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kakanai.services.supervision.accounts import Supervisor, add_user, sign_in
from kakanai.services.workspace import Workspace
from kakanai.store.database import open_engine
from kakanai.store.migrating import migrate
from tests.postgres_databases import postgres_url
from tests.workspaces import isolated_workspace

JST = dt.timezone(dt.timedelta(hours=9), "JST")
NAME = "監修 花子"
PASSWORD = "correct horse battery staple"  # noqa: S105 - a test password


@pytest.fixture(scope="session")
def migrated_template() -> Iterator[str]:
    """A PostgreSQL database migrated once, copied for each test (CREATE DATABASE ...
    TEMPLATE takes a third of the time of migrating a fresh one)."""
    base = make_url(postgres_url())
    name = f"kakanai_tpl_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = open_engine(base.set(database=name).render_as_string(hide_password=False))
    migrate(engine)
    engine.dispose()  # a template must have no connections when it is copied
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def migrated_postgres_database(migrated_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database at the newest revision, for one test; dropped after."""
    base = make_url(postgres_url())
    name = f"kakanai_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{migrated_template}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Workspace]:
    url = None
    if request.param == "postgresql":
        url = str(request.getfixturevalue("migrated_postgres_database"))
    opened = isolated_workspace(tmp_path / "data", monkeypatch, url)
    yield opened
    opened.close()


@pytest.fixture
def supervisor(workspace: Workspace) -> Supervisor:
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    return sign_in(workspace, NAME, PASSWORD)


def set_clock(workspace: Workspace, moment: dt.datetime) -> None:
    """The workspace's clock stands at ``moment`` (JST) from now on."""
    workspace.now = lambda: moment  # type: ignore[method-assign]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def at(text: str) -> dt.datetime:
    """``2027-01-01 09:00`` as a JST time."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=JST)
