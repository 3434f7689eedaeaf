"""`kakanai purge`: deletes personal data past the retention period, keeps the counts, and
says what it did; bad days are a Japanese usage error, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kakanai.services.workspace import open_workspace
from kakanai.store.cases import find_case, save_case
from kakanai.store.tables import CaseRow
from tests.conftest import ROOT

REFERENCE = json.loads((ROOT / "tests" / "fixtures" / "reference_case.json").read_text("utf-8"))
OLD_CASE = {**REFERENCE, "case_id": "20250101-0A0B0C", "created_at": "2025-01-01T10:00:00+09:00"}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KAKANAI_")}
    clean["KAKANAI_DATA_DIR"] = str(tmp_path / "data")
    for name in list(os.environ):
        if name.startswith("KAKANAI_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("KAKANAI_DATA_DIR", clean["KAKANAI_DATA_DIR"])
    workspace = open_workspace()
    with workspace.session() as session:
        save_case(session, OLD_CASE, desk="窓口1")
    workspace.close()
    return clean


def kakanai(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kakanai", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def stored_old_case() -> CaseRow:
    """The old case as the database holds it after the command (members and procedures
    loaded)."""
    workspace = open_workspace()
    try:
        with workspace.session() as session:
            row = find_case(session, OLD_CASE["case_id"])
            assert row is not None
            _ = (row.members, row.procedures)
            return row
    finally:
        workspace.close()


def test_dry_run_counts_and_deletes_nothing(env: dict[str, str]) -> None:
    done = kakanai(env, "purge", "--days", "1", "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "案件1件" in done.stdout
    row = stored_old_case()
    assert row.document is not None


def test_purge_clears_personal_data_and_keeps_the_case_count(env: dict[str, str]) -> None:
    done = kakanai(env, "purge", "--days", "1")
    assert done.returncode == 0, done.stderr
    assert "案件1件" in done.stdout
    row = stored_old_case()
    assert row.document is None
    assert row.members == []
    assert row.member_count == 4
    assert len(row.procedures) == 12


def test_within_the_period_nothing_is_deleted(env: dict[str, str]) -> None:
    done = kakanai(env, "purge", "--days", "36500")
    assert done.returncode == 0, done.stderr
    assert "案件0件" in done.stdout


@pytest.mark.parametrize("days", ["0", "-3", "ninety"])
def test_bad_days_is_a_usage_error_in_japanese(env: dict[str, str], days: str) -> None:
    done = kakanai(env, "purge", f"--days={days}")
    assert done.returncode == 2
    assert "保存期間は1以上の日数で指定してください" in done.stderr
    assert "Traceback" not in done.stderr
