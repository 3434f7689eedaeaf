"""The desk's keys as a service: a carried key dated in the future is refused, rotation with
every key id taken stops with KEY_011, and the first key command on a fresh machine leaves
only owner-only folders and files."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kakanai.adapters.slip import key_files
from kakanai.cli import main
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.keys import SECRET_BYTES, Keyring, SlipKey, first_keyring
from kakanai.services.keys import import_keys, init_keys
from tests.conftest import ROOT

JST = dt.timezone(dt.timedelta(hours=9))
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=JST)
POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def everyone_reads_new_files() -> Iterator[None]:
    """A umask that would make new files 0644 and folders 0755 (the usual default)."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def exported(tmp_path: Path, created_at: dt.datetime) -> Path:
    key = SlipKey("BEEF", secrets.token_bytes(SECRET_BYTES), created_at)
    path = tmp_path / "carried.json"
    key_files.write_export(path, Keyring((key,), key.key_id))
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_key_dated_far_in_the_future_is_not_imported(data_dir: Path, tmp_path: Path) -> None:
    init_keys()
    far = dt.datetime(9999, 12, 31, 0, 0, tzinfo=JST)
    with pytest.raises(KakanaiError) as caught:
        import_keys(exported(tmp_path, far))
    assert caught.value.code is ErrorCode.KEY_FROM_THE_FUTURE
    assert "9999-12-31" in caught.value.message
    keyring = key_files.load_keyring()
    assert keyring is not None
    assert [key.key_id for key in keyring.keys] == [keyring.active_id]


def test_a_key_from_a_clock_a_few_hours_ahead_is_imported(data_dir: Path, tmp_path: Path) -> None:
    init_keys()
    ahead = dt.datetime.now(JST) + dt.timedelta(hours=3)
    merged = import_keys(exported(tmp_path, ahead))
    assert merged.activated == "BEEF"


def test_rotating_with_every_key_id_taken_stops_with_key_011(data_dir: Path) -> None:
    """Run as a real command with a time limit: the defect was an endless loop."""
    keys = tuple(
        SlipKey(f"{number:04X}", secrets.token_bytes(SECRET_BYTES), NOW) for number in range(16**4)
    )
    key_files.save_keyring(Keyring(keys, "0000"))
    done = subprocess.run(
        [sys.executable, "-m", "kakanai", "keys", "rotate"],
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("KEY_011 ")
    assert "65,536" in done.stderr


@POSIX
@pytest.mark.usefixtures("everyone_reads_new_files")
def test_keys_init_on_a_fresh_machine_leaves_only_owner_only_files(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "init"]) == 0, capsys.readouterr().err
    assert mode(data_dir) == 0o700
    assert {path.name: mode(path) for path in data_dir.rglob("*")} == {
        "keys": 0o700,
        "keyring.json": 0o600,
        "keyring.lock": 0o600,
    }


@POSIX
@pytest.mark.usefixtures("everyone_reads_new_files")
def test_keys_import_on_a_fresh_machine_leaves_only_owner_only_files(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    carried = tmp_path / "carried.json"
    key_files.write_export(carried, first_keyring(NOW))
    assert main(["keys", "import", str(carried)]) == 0, capsys.readouterr().err
    assert mode(data_dir) == 0o700
    assert all(mode(path) in {0o700, 0o600} for path in data_dir.rglob("*"))
