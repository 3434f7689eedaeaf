"""`kakanai app` started as an administrator or the packaging smoke test does: it can quit as
soon as its window is shown, and list the printers Qt sees for `kakanai doctor`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_app(tmp_path: Path, *args: str, mode: str = "counter") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KAKANAI_DATA_DIR": str(tmp_path)}
    env["KAKANAI_MODE"] = mode
    env.pop("KAKANAI_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "kakanai", "app", *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("mode", ["counter", "desk"])
def test_the_app_closes_cleanly_as_soon_as_its_window_is_shown(tmp_path: Path, mode: str) -> None:
    """Closed at once, even while the desk still warms up (that crashed with SIGSEGV)."""
    done = run_app(tmp_path, "--quit-when-shown", mode=mode)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("画面を表示しました") == 1


def test_the_app_lists_the_printers_as_one_json_line(tmp_path: Path) -> None:
    done = run_app(tmp_path, "--printers")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(found["printers"], list)
    assert isinstance(found["default"], str)
    assert not (tmp_path / "settings.json").exists()  # listing printers opens no workspace


def test_qt_speaks_japanese_in_its_own_dialogs(qapp: object) -> None:
    """Qt's buttons (print and file dialogs) use Qt's shipped Japanese translation."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - tests/ui conftest sets Qt up

    assert QApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
