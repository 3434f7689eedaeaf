"""Under CI a missing PostgreSQL server fails the store tests instead of skipping them, so a
broken set-up cannot pass silently (and `.ci/run` sets CI)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_without_a_server_under_ci_the_postgresql_tests_fail() -> None:
    env = {k: v for k, v in os.environ.items() if k != "KAKANAI_TEST_POSTGRES_URL"}
    test = "tests/store/test_store.py::test_migrating_twice_changes_nothing[postgresql]"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        env={**env, "CI": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stdout
    assert "KAKANAI_TEST_POSTGRES_URL is not set" in done.stdout


def test_the_ci_entry_point_sets_ci() -> None:
    assert "export CI=1" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
