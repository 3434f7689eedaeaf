"""Every store test runs against a real SQLite file and a real PostgreSQL server.

`scripts/test.sh` starts PostgreSQL on loopback and exports KAKANAI_TEST_POSTGRES_URL; each
test gets a fresh database on it. Without that variable the PostgreSQL half is skipped
locally and fails under CI.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from kakanai.store.database import open_engine, session_factory, sqlite_url
from kakanai.store.migrating import migrate


def _postgres_url() -> str:
    url = os.environ.get("KAKANAI_TEST_POSTGRES_URL", "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("KAKANAI_TEST_POSTGRES_URL is not set: run the tests with scripts/test.sh")
        pytest.skip("no PostgreSQL server (run scripts/test.sh, which starts one)")
    return url


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    base = make_url(_postgres_url())
    name = f"kakanai_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


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
