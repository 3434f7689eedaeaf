"""The one-folder PyInstaller build (packaging/build.sh) works on its own: its `kakanai`
checks the shipped content, seals and prints a slip, reads it back, opens the app offscreen,
and finds its bundled fonts and its database drivers."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.postgres_databases import postgres_database  # noqa: F401 - a fixture for the tests

AS_OF = "2026-11-23"
REFERENCE_CASE = ROOT / "tests" / "fixtures" / "reference_case.json"


@dataclass(frozen=True)
class Build:
    folder: Path
    desk: Path
    env: dict[str, str]

    def run(
        self, *args: str | Path, program: str = "kakanai", **env: str
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.folder / program), *map(str, args)],
            cwd=self.desk,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
            check=False,
        )


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    work = tmp_path_factory.mktemp("frozen")
    subprocess.run(
        ["bash", ROOT / "packaging" / "build.sh", work / "dist"], check=True, timeout=900
    )
    desk = work / "desk"
    desk.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KAKANAI_", "PYTHON"))}
    env.update(KAKANAI_DATA_DIR=str(work / "data"), QT_QPA_PLATFORM="offscreen")
    return Build(work / "dist" / "kakanai", desk, env)


def test_the_build_is_one_folder_with_its_content_and_fonts(build: Build) -> None:
    internal = build.folder / "_internal"
    assert (build.folder / "kakanai").is_file()
    assert (build.folder / "kakanaiw").is_file()  # the Start menu's, without a console
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_ja.qm").is_file()
    assert (internal / "kakanai" / "shipped" / "questionnaires" / "moving.yaml").is_file()
    assert (internal / "kakanai" / "store" / "migrations" / "env.py").is_file()
    for name in ("ipaexg.ttf", "ipaexm.ttf", "ipamjm.ttf", "IPAexGothic-LICENSE.txt"):
        assert (internal / "fonts" / name).is_file(), name


def test_the_built_check_passes_on_the_shipped_content(build: Build) -> None:
    result = build.run("check", "--as-of", AS_OF)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert "_internal/kakanai/shipped/questionnaires/moving.yaml: moving" in result.stdout


def test_the_built_slip_is_read_back_by_the_built_decode(build: Build) -> None:
    assert build.run("keys", "init").returncode == 0
    slip = build.run("slip", REFERENCE_CASE, "--out", "slip.pdf", "--png", "slip.png")
    assert slip.returncode == 0, slip.stderr
    decoded = build.run("decode", "slip.png")
    assert decoded.returncode == 0, decoded.stderr
    assert "案件番号 20261123-3FA2C1" in decoded.stdout


@pytest.mark.parametrize("mode", ["counter", "desk", "stats"])
def test_the_built_app_opens_its_window_offscreen(build: Build, mode: str) -> None:
    result = build.run("app", "--quit-when-shown", program="kakanaiw", KAKANAI_MODE=mode)
    assert result.returncode == 0, result.stderr
    assert "画面を表示しました" in result.stdout


def test_the_built_app_speaks_japanese_in_qts_own_dialogs(build: Build) -> None:
    result = build.run("app", "--printers")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["qt_japanese"] is True


def test_the_built_doctor_finds_the_bundled_fonts_and_the_decoders(build: Build) -> None:
    result = build.run("doctor", "--no-devices")
    assert "_internal/fonts/ipaexg.ttf" in result.stdout, result.stdout
    assert "_internal/fonts/ipamjm.ttf" in result.stdout
    assert "[OK] QR読み取り" in result.stdout


@pytest.mark.skipif(not os.environ.get("KAKANAI_TEST_POSTGRES_URL"), reason="no PostgreSQL server")
def test_the_built_kakanai_reaches_postgresql(build: Build, request: pytest.FixtureRequest) -> None:
    # A fresh database: the shared test database may still hold an older schema from an
    # earlier run, which the doctor rightly reports as a pending migration (注意).
    url = str(request.getfixturevalue("postgres_database"))
    result = build.run("doctor", "--no-devices", KAKANAI_DATABASE_URL=url)
    database = [line for line in result.stdout.splitlines() if "データベース" in line]
    assert database, result.stdout
    assert database[0].startswith(("[OK]", "[情報]")), result.stdout
