"""`kakanai purge`: deletes personal data past the retention period, keeps the counts, and
says what it did; bad days are a Japanese usage error, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kakanai.services.workspace import open_workspace
from kakanai.store.cases import find_case, save_case
from kakanai.store.drafts import save_answers, start_draft
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


@pytest.mark.parametrize("days", ["-3", "ninety"])
def test_bad_days_is_a_usage_error_in_japanese(env: dict[str, str], days: str) -> None:
    done = kakanai(env, "purge", f"--days={days}")
    assert done.returncode == 2
    assert "保存期間は0以上の日数で指定してください" in done.stderr
    assert "Traceback" not in done.stderr


def test_days_beyond_a_hundred_years_is_app_005_not_an_internal_error(
    env: dict[str, str],
) -> None:
    done = kakanai(env, "purge", "--days", "99999999999")
    assert done.returncode == 1
    assert done.stderr.startswith("APP_005 ")
    assert "36500" in done.stderr


def test_a_retention_setting_beyond_a_hundred_years_is_app_002(env: dict[str, str]) -> None:
    done = kakanai({**env, "KAKANAI_RETENTION_DAYS": "99999999999"}, "purge")
    assert done.returncode == 1
    assert done.stderr.startswith("APP_002 ")
    assert "個人情報の保存日数" in done.stderr


def test_days_zero_purges_what_was_saved_today(env: dict[str, str]) -> None:
    today = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    workspace = open_workspace()
    with workspace.session() as session:
        save_case(session, {**REFERENCE, "created_at": today.isoformat()}, desk="窓口1")
    workspace.close()
    done = kakanai(env, "purge", "--days", "0")
    assert done.returncode == 0, done.stderr
    assert "案件2件" in done.stdout
    workspace = open_workspace()
    with workspace.session() as session:
        row = find_case(session, REFERENCE["case_id"])
        assert row is not None
        assert row.document is None
    workspace.close()


DRAFTED_NAME = "鈴木 次郎"


def personal_texts() -> list[str]:
    """The old case's names and furigana, and an old draft's answer."""
    texts = [m[key] for m in OLD_CASE["household"]["members"] for key in ("name", "kana")]
    return [*texts, DRAFTED_NAME]


def found_in_files(folder: Path) -> list[str]:
    """The personal texts that appear in any file of the database (the file, its -wal and
    -shm), as plain UTF-8 (the members table) or JSON-escaped (documents, answers)."""
    data = b"".join(path.read_bytes() for path in folder.rglob("kakanai.sqlite3*"))
    return [
        text
        for text in personal_texts()
        if text.encode() in data or json.dumps(text)[1:-1].encode() in data
    ]


def test_purge_vacuum_leaves_no_deleted_text_in_the_sqlite_files(env: dict[str, str]) -> None:
    folder = Path(env["KAKANAI_DATA_DIR"])
    workspace = open_workspace()
    with workspace.session() as session:
        then = dt.datetime(2025, 1, 1, 10, 0, tzinfo=dt.UTC)
        draft = start_draft(
            session, desk="窓口1", questionnaire=("moving", "2026.11"), as_of=then.date(), now=then
        )
        save_answers(session, draft, [("applicant", DRAFTED_NAME)], now=then)
    workspace.close()
    assert found_in_files(folder) == personal_texts()  # the search sees them all
    done = kakanai(env, "purge", "--days", "1", "--vacuum")
    assert done.returncode == 0, done.stderr
    assert "VACUUM" in done.stdout
    assert found_in_files(folder) == []
