"""Twenty desks starting at once on a fresh database: every one opens its workspace (the
migration runs once, settings and the first key are written once, nothing half-written)."""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from kakanai.adapters.slip import key_files
from kakanai.services.workspace import open_workspace
from kakanai.store.migrating import current_revision, head_revision
from tests.postgres_databases import postgres_database  # noqa: F401 - a fixture for the tests

DESKS = 20
# fork: the children start with everything imported, so the test times the start-up race
# and not twenty interpreters importing SQLAlchemy. (Windows has no fork; the race is the
# same there.)
FORK = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork"
)


def _open_at_once(start: Barrier, env: dict[str, str], report: Callable[[str], None]) -> None:
    """In a child: wait for the others, open the workspace, report "ok" or what failed."""
    for name in [name for name in os.environ if name.startswith("KAKANAI_")]:
        del os.environ[name]
    os.environ.update(env)
    try:
        start.wait(timeout=60)
        open_workspace().close()
        report("ok")
    except BaseException as exc:  # noqa: BLE001 - the parent shows whatever went wrong
        report("".join(traceback.format_exception_only(exc)).strip())


def start_desks(envs: list[dict[str, str]]) -> list[str]:
    """Open a workspace in one process per environment, all released at the same moment."""
    context = multiprocessing.get_context("fork")
    start = context.Barrier(len(envs))
    results = context.Queue()
    children = [
        context.Process(target=_open_at_once, args=(start, env, results.put)) for env in envs
    ]
    for child in children:
        child.start()
    reports = [results.get(timeout=300) for _ in children]
    for child in children:
        child.join(timeout=60)
    return reports


@FORK
def test_twenty_desks_start_at_once_on_a_fresh_sqlite_file(tmp_path: Path) -> None:
    """One data folder shared by all: one database file, one settings file, one keyring."""
    data_dir = tmp_path / "data"
    reports = start_desks([{key_files.DATA_DIR_ENV: str(data_dir)}] * DESKS)
    assert reports == ["ok"] * DESKS
    assert not list(data_dir.glob("*.tmp")) + list(data_dir.glob(".*.tmp"))


@FORK
def test_twenty_desks_start_at_once_on_a_fresh_postgresql_database(
    tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = str(request.getfixturevalue("postgres_database"))
    envs = [
        {
            key_files.DATA_DIR_ENV: str(tmp_path / f"desk{number}"),
            "KAKANAI_DATABASE_URL": database,
        }
        for number in range(DESKS)
    ]
    assert start_desks(envs) == ["ok"] * DESKS
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(tmp_path / "desk0"))
    monkeypatch.setenv("KAKANAI_DATABASE_URL", database)
    workspace = open_workspace()
    try:
        assert current_revision(workspace.engine) == head_revision()
    finally:
        workspace.close()
