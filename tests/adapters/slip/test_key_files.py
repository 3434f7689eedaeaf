"""The keyring on disk: under KAKANAI_DATA_DIR, owner-only (0700 folder, 0600 files), never
half-written, an export never overwrites, and a keyring others can read is refused."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from kakanai.adapters.slip import key_files
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.keys import first_keyring

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
POSIX = pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(key_files.DATA_DIR_ENV, str(tmp_path / "data"))
    return tmp_path / "data"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_dir_follows_the_environment(data_dir: Path) -> None:
    assert key_files.keyring_path() == data_dir / "keys" / "keyring.json"


def test_without_the_environment_the_platform_data_dir_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(key_files.DATA_DIR_ENV, raising=False)
    assert key_files.data_dir().name.lower() == "kakanai"


def test_no_keyring_yet_is_none(data_dir: Path) -> None:
    assert key_files.load_keyring() is None


def test_a_saved_keyring_loads_back(data_dir: Path) -> None:
    keyring = first_keyring(NOW).rotated(NOW)
    key_files.save_keyring(keyring)
    assert key_files.load_keyring() == keyring
    assert not list(key_files.keyring_path().parent.glob("*.tmp"))


@POSIX
def test_only_the_owner_can_read_the_keys(data_dir: Path) -> None:
    """Even with a umask that lets everyone read new files."""
    old_umask = os.umask(0)
    try:
        path = key_files.save_keyring(first_keyring(NOW))
    finally:
        os.umask(old_umask)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


@POSIX
@pytest.mark.parametrize(("target", "loose"), [("file", 0o644), ("folder", 0o755)])
def test_a_keyring_others_can_read_is_refused(data_dir: Path, target: str, loose: int) -> None:
    path = key_files.save_keyring(first_keyring(NOW))
    (path if target == "file" else path.parent).chmod(loose)
    with pytest.raises(KakanaiError) as caught:
        key_files.load_keyring()
    assert caught.value.code is ErrorCode.KEY_PERMISSIONS
    assert f"{loose:o}" in caught.value.message
    assert "chmod" in caught.value.message


def test_a_damaged_keyring_file_is_reported(data_dir: Path) -> None:
    path = key_files.save_keyring(first_keyring(NOW))
    path.write_text("{", encoding="utf-8")
    path.chmod(0o600)
    with pytest.raises(KakanaiError) as caught:
        key_files.load_keyring()
    assert caught.value.code is ErrorCode.KEY_FILE_BROKEN
    assert str(path) in caught.value.message


@POSIX
def test_an_export_is_owner_only_and_never_overwritten(data_dir: Path, tmp_path: Path) -> None:
    keyring = first_keyring(NOW)
    target = tmp_path / "keys-for-desk-2.json"
    key_files.write_export(target, keyring)
    assert mode(target) == 0o600
    assert key_files.read_export(target) == keyring
    with pytest.raises(KakanaiError) as caught:
        key_files.write_export(target, first_keyring(NOW))
    assert caught.value.code is ErrorCode.KEY_EXPORT_EXISTS
    assert key_files.read_export(target) == keyring


@pytest.mark.parametrize(
    "content", ["not json", json.dumps({"format": "something/1"}), json.dumps([1, 2])]
)
def test_a_file_that_is_not_an_export_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "keys.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KakanaiError) as caught:
        key_files.read_export(path)
    assert caught.value.code is ErrorCode.KEY_IMPORT_BROKEN


def test_a_missing_export_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KakanaiError) as caught:
        key_files.read_export(tmp_path / "nothing.json")
    assert caught.value.code is ErrorCode.KEY_IMPORT_BROKEN
