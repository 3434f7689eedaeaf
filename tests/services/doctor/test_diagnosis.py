"""`kakanai doctor` on real data folders in a temporary directory: what is missing or open to
others is a failing finding with its code; what a first start creates is only a note."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kakanai.core.errors import ErrorCode
from kakanai.services.doctor import checks
from kakanai.services.doctor.checks import Printers
from kakanai.services.doctor.diagnosis import Devices, diagnose, failing
from kakanai.services.doctor.findings import Finding, Level
from kakanai.services.settings import Settings
from kakanai.services.supervision.accounts import add_user, sign_in
from kakanai.services.supervision.exchange import import_files
from kakanai.services.workspace import open_workspace
from tests.conftest import AS_OF, QUESTIONNAIRES
from tests.supervised_workspaces import NAME, PASSWORD

NO_DEVICES = Devices(printers=lambda: Printers(["A4"], "A4"), camera=lambda _index: True)


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KAKANAI_DATA_DIR", str(tmp_path / "data"))
    for name in ("KAKANAI_DATABASE_URL", "KAKANAI_PRINTER", "KAKANAI_MODE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "data"


@pytest.fixture
def ready(data: Path) -> Path:
    """A desk after its first start: folder, settings, database and key, all owner-only."""
    open_workspace().close()
    for path in [data, *data.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    return data


def codes(findings: list[Finding], level: Level | None = None) -> list[str]:
    return [f.code.code for f in findings if f.code and (level is None or f.level is level)]


def test_a_desk_after_its_first_start_has_nothing_to_fix(ready: Path) -> None:
    findings = diagnose(NO_DEVICES)
    assert not failing(findings), [f.render() for f in findings]
    assert {f.topic for f in findings if f.level is Level.OK} >= {
        "鍵",
        "データベース",
        "設問ツリー",
    }


def test_a_new_installation_lacks_only_the_keys(data: Path) -> None:
    findings = diagnose(NO_DEVICES)
    assert codes(findings, Level.ERROR) == [ErrorCode.DOCTOR_NO_KEYS.code]
    notes = {f.topic for f in findings if f.level is Level.NOTE}
    assert notes == {"データフォルダ", "データベース", "カメラ"}  # a counter uses no camera


def test_a_data_folder_and_files_others_can_read_must_be_made_private(ready: Path) -> None:
    ready.chmod(0o755)
    (ready / "settings.json").chmod(0o644)
    found = [f for f in diagnose(NO_DEVICES) if f.code is ErrorCode.DOCTOR_DATA_DIR_OPEN]
    assert [f.level for f in found] == [Level.ERROR, Level.ERROR]
    assert f"chmod 700 {ready}" in found[0].message
    assert f"chmod 600 {ready / 'settings.json'}" in found[1].message


def test_a_data_folder_that_cannot_be_made_is_a_failure(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    for folder in (blocker, blocker / "data"):
        assert codes(checks.check_data_folder(folder)) == [
            ErrorCode.DOCTOR_DATA_DIR_UNWRITABLE.code
        ]


def test_a_keyring_others_can_read_is_refused_with_the_keys_code(ready: Path) -> None:
    (ready / "keys" / "keyring.json").chmod(0o644)
    assert checks.check_keys().code is ErrorCode.KEY_PERMISSIONS


def test_unreadable_settings_are_a_failure_that_names_the_file(ready: Path) -> None:
    (ready / "settings.json").write_text("{", encoding="utf-8")
    finding = diagnose(NO_DEVICES)[-1]
    assert (finding.topic, finding.code, finding.level) == (
        "設定",
        ErrorCode.APP_SETTINGS_UNREADABLE,
        Level.ERROR,
    )


def test_a_database_made_by_a_newer_kakanai_says_to_update_this_desk(ready: Path) -> None:
    with sqlite3.connect(ready / "kakanai.sqlite3") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    finding = checks.check_database(Settings(), ready)
    assert (finding.code, finding.level) == (ErrorCode.DOCTOR_SCHEMA_NEWER, Level.ERROR)


def test_an_unreachable_database_is_a_failure_without_the_password(ready: Path) -> None:
    settings = Settings(database_url="postgresql+psycopg://kakanai:hunter2@127.0.0.1:1/kakanai")
    finding = checks.check_database(settings, ready)
    assert (finding.code, finding.level) == (ErrorCode.DOCTOR_DATABASE, Level.ERROR)
    assert "hunter2" not in finding.message


def test_missing_fonts_are_named_with_how_to_install_them() -> None:
    findings = checks.check_fonts({}, "linux")
    assert codes(findings, Level.ERROR) == [ErrorCode.DOCTOR_FONT_MISSING.code] * 2
    assert codes(findings, Level.WARNING) == [ErrorCode.DOCTOR_RARE_KANJI_FONT.code]
    assert "ipaexg.ttf" in findings[0].message


def test_on_windows_a_missing_biz_ud_gothic_is_a_warning() -> None:
    gothic, mincho, rare = Path("ipaexg.ttf"), Path("ipaexm.ttf"), Path("ipamjm.ttf")
    index = {p.name: p for p in (gothic, mincho, rare)}
    assert codes(checks.check_fonts(index, "win32")) == [ErrorCode.DOCTOR_UI_FONT.code]
    assert codes(checks.check_fonts(index, "linux")) == []


@pytest.mark.parametrize(
    ("printer", "names", "code", "level"),
    [
        ("レシート", ["A4"], ErrorCode.DOCTOR_PRINTER_MISSING, Level.ERROR),
        ("", [], ErrorCode.DOCTOR_NO_PRINTER, Level.WARNING),
        (
            "folder:/nonexistent/kakanai-prints",
            ["A4"],
            ErrorCode.DOCTOR_PRINTER_FOLDER,
            Level.ERROR,
        ),
    ],
)
def test_a_printer_the_desk_cannot_print_to_is_reported(
    printer: str, names: list[str], code: ErrorCode, level: Level
) -> None:
    finding = checks.check_printer(Settings(printer=printer), lambda: Printers(names, ""))
    assert (finding.code, finding.level) == (code, level)


def test_a_missing_camera_at_a_desk_is_a_warning_not_a_failure() -> None:
    finding = checks.check_camera(Settings(mode="desk", camera=3), lambda _index: False)
    assert (finding.code, finding.level) == (ErrorCode.DOCTOR_CAMERA, Level.WARNING)
    assert "3番" in finding.message
    assert checks.check_camera(Settings(mode="counter"), lambda _index: False).level is Level.NOTE


def test_the_command_exits_1_and_says_what_to_do_when_keys_are_missing(data: Path) -> None:
    env = {**os.environ, "KAKANAI_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-m", "kakanai", "doctor", "--no-devices", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    found = {f["code"]: f for f in json.loads(done.stdout) if f["code"]}
    assert found[ErrorCode.DOCTOR_NO_KEYS.code]["level"] == "ERROR"
    assert "kakanai keys import" in found[ErrorCode.DOCTOR_NO_KEYS.code]["message"]


def test_the_database_looked_at_is_the_one_the_environment_names(ready: Path) -> None:
    url = f"sqlite:///{ready / 'missing-folder' / 'kakanai.sqlite3'}"
    findings = diagnose(NO_DEVICES, {"KAKANAI_DATABASE_URL": url})
    database = next(f for f in findings if f.topic == "データベース")
    assert (database.code, database.level) == (ErrorCode.DOCTOR_DATABASE, Level.ERROR)


def test_the_database_finding_names_the_published_tree_version_in_force(ready: Path) -> None:
    def database() -> Finding:
        return next(f for f in diagnose(NO_DEVICES) if f.topic == "データベース")

    assert "公開した設問ツリーの版はありません" in database().message
    workspace = open_workspace()
    try:
        add_user(workspace, NAME, "supervisor", password=PASSWORD)
        supervisor = sign_in(workspace, NAME, PASSWORD)
        import_files(
            workspace,
            supervisor,
            [QUESTIONNAIRES / "moving.yaml"],
            effective_from=AS_OF,
            version="2027.1",
        )
    finally:
        workspace.close()
    finding = database()
    assert finding.level is Level.OK
    assert "本日使う版: moving 版2027.1" in finding.message
