"""Settings: defaults, the file, environment overrides and clear messages for bad values."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.settings import (
    Settings,
    folder_printer,
    load_settings,
    save_settings,
    settings_from,
)


def test_no_file_gives_the_sample_city_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path, {})
    assert loaded.settings == Settings()
    assert loaded.settings.city == "サンプル市"
    assert loaded.overridden == frozenset()


def test_saved_settings_load_back_unchanged(tmp_path: Path) -> None:
    chosen = Settings(desk="窓口3", mode="desk", department="kodomo", retention_days=30)
    save_settings(tmp_path / "settings.json", chosen)
    assert load_settings(tmp_path, {}).settings == chosen


def test_environment_overrides_the_file_and_is_marked(tmp_path: Path) -> None:
    save_settings(tmp_path / "settings.json", Settings(database_url="sqlite:///a.db"))
    env = {"KAKANAI_DATABASE_URL": "postgresql+psycopg://k@db/kakanai", "KAKANAI_CAMERA": "2"}
    loaded = load_settings(tmp_path, env)
    assert loaded.settings.database_url == "postgresql+psycopg://k@db/kakanai"
    assert loaded.settings.camera == 2
    assert loaded.overridden == {"database_url", "camera"}


def test_unknown_keys_in_the_file_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"desk": "窓口2", "colour": "red"}))
    assert load_settings(tmp_path, {}).settings.desk == "窓口2"


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", "\xff\xfe"])
def test_a_broken_file_is_app_001_naming_the_file(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="latin-1")
    with pytest.raises(KakanaiError) as caught:
        load_settings(tmp_path, {})
    assert caught.value.code is ErrorCode.APP_SETTINGS_UNREADABLE
    assert str(path) in caught.value.message


@pytest.mark.parametrize(
    ("name", "value", "label"),
    [
        ("mode", "supervisor", "モード"),
        ("slip_layout", "a5", "案内票の用紙"),
        ("camera", "first", "カメラ番号"),
        ("retention_days", 0, "個人情報の保存日数"),
        ("retention_days", 99999999999, "個人情報の保存日数"),
        ("desk", "  ", "窓口名"),
        ("database_url", "kakanai.db", "データベースURL"),
    ],
)
def test_a_bad_value_is_app_002_naming_the_setting(name: str, value: object, label: str) -> None:
    with pytest.raises(KakanaiError) as caught:
        settings_from({name: value})
    assert caught.value.code is ErrorCode.APP_SETTING_BAD
    assert f"設定「{label}」" in caught.value.message


def test_a_folder_printer_names_its_folder(tmp_path: Path) -> None:
    assert folder_printer(Settings(printer=f"folder:{tmp_path}")) == tmp_path
    assert folder_printer(Settings(printer="EPSON TM-T88")) is None


@pytest.mark.skipif(os.name != "posix", reason="file modes are a POSIX matter")
def test_saved_settings_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    """The database URL in it may hold a password."""
    old = os.umask(0o022)
    try:
        save_settings(tmp_path / "data" / "settings.json", Settings())
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "data" / "settings.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    assert [path.name for path in (tmp_path / "data").iterdir()] == ["settings.json"]
