"""Purging on PostgreSQL: ``vacuum`` rewrites the tables that held the deleted personal data
(new files on disk), so their text is not kept in dead tuples until some later VACUUM."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from kakanai.services.purging import purge_expired
from kakanai.services.workspace import Workspace, open_workspace
from kakanai.store.cases import save_case
from kakanai.store.retention import PERSONAL_TABLES
from tests.conftest import ROOT
from tests.postgres_databases import postgres_database  # noqa: F401 - a fixture for the tests

REFERENCE = json.loads((ROOT / "tests" / "fixtures" / "reference_case.json").read_text("utf-8"))
OLD_CASE = {**REFERENCE, "case_id": "20250101-0A0B0C", "created_at": "2025-01-01T10:00:00+09:00"}


def table_files(workspace: Workspace) -> dict[str, str]:
    with workspace.session() as session:
        return {
            table: str(session.execute(text(f"SELECT pg_relation_filepath('{table}')")).scalar())
            for table in PERSONAL_TABLES
        }


def test_purge_with_vacuum_rewrites_the_personal_tables_on_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    for name in list(os.environ):
        if name.startswith("KAKANAI_") and name != "KAKANAI_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KAKANAI_DATABASE_URL", str(request.getfixturevalue("postgres_database")))
    workspace = open_workspace(create_key=False)
    try:
        with workspace.session() as session:
            save_case(session, OLD_CASE, desk="窓口1")
        before = table_files(workspace)
        result = purge_expired(workspace, days=1, vacuum=True)
        after = table_files(workspace)
    finally:
        workspace.close()
    assert result.cases == 1
    assert {table for table in PERSONAL_TABLES if before[table] == after[table]} == set()
