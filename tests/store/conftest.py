"""Every store test runs against a real SQLite file and a real PostgreSQL server.

`scripts/test.sh` starts PostgreSQL on loopback and exports KAKANAI_TEST_POSTGRES_URL; each
test gets a fresh database on it (``tests/postgres_databases.py``). Without that variable
the PostgreSQL half is skipped locally and fails under CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kakanai.store.database import open_engine, session_factory, sqlite_url
from kakanai.store.migrating import migrate
from tests.postgres_databases import postgres_database  # noqa: F401 - a fixture for the tests


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return sqlite_url(tmp_path)
    return str(request.getfixturevalue("postgres_database"))


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = open_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_factory(engine)() as session:
        yield session
