"""A fresh PostgreSQL database per test on the server `scripts/test.sh` starts (its URL in
KAKANAI_TEST_POSTGRES_URL). Without that variable a test is skipped locally, but fails when
CI is set, so that a broken set-up can never pass silently."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

URL_VARIABLE = "KAKANAI_TEST_POSTGRES_URL"


def postgres_url() -> str:
    """The test server's URL; skips (locally) or fails (under CI) without one."""
    url = os.environ.get(URL_VARIABLE, "")
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{URL_VARIABLE} is not set: run the tests with scripts/test.sh")
        pytest.skip("no PostgreSQL server (run scripts/test.sh, which starts one)")
    return url


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    base = make_url(postgres_url())
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
