"""`kakanai bench store` runs desks at once on PostgreSQL and SQLite, prints its figures and
finds the database's counts equal to the desks' own (a short run: the figures themselves are
read from the full run, never asserted)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kakanai.cli import main
from kakanai.cli.arguments import EXIT_USAGE
from tests.conftest import ROOT
from tests.postgres_databases import postgres_url


def test_a_short_run_on_both_databases_counts_everything_once() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kakanai", "bench", "store", "--url", postgres_url(),
         "--seconds", "1", "--desks", "3", "--sqlite-desks", "2", "--pause-ms", "10"],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("データベースと窓口の記録がすべて一致") == 2
    assert done.stdout.count("エラー: なし") == 2
    for operation in ("scan", "draft_save", "case_finish"):
        assert f"  {operation} " in done.stdout


@pytest.mark.parametrize(
    "option", [["--seconds", "0"], ["--desks", "0"], ["--sqlite-desks", "x"], ["--pause-ms", "-1"]]
)
def test_a_bad_option_is_a_usage_error_in_japanese(
    option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["bench", "store", *option])
    assert stopped.value.code == EXIT_USAGE
    assert "引数が正しくありません" in capsys.readouterr().err
