"""The app's settings: city, desk, department, printer, database, camera and retention, kept
in ``<data dir>/settings.json`` and overridden by ``KAKANAI_*`` environment variables."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kakanai.adapters.private_files import private_folder, write_private
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.layouts import SLIP_LAYOUTS
from kakanai.store.retention import DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS

SETTINGS_FILE = "settings.json"
MODES = ("counter", "desk", "supervision", "stats")
PRINT_TO_FOLDER = "folder:"  # printer "folder:/path" writes each print job there as a PDF


@dataclass(frozen=True)
class Settings:
    """What a desk is and where it prints and stores. Empty printer: ask with the print
    dialog; empty database URL: the SQLite file in the data directory."""

    city: str = "サンプル市"
    desk: str = "窓口1"
    mode: str = "counter"
    department: str = "shimin"
    questionnaire: str = "moving"
    printer: str = ""
    slip_layout: str = "a4"
    database_url: str = ""
    camera: int = 0
    retention_days: int = DEFAULT_RETENTION_DAYS


LABELS = {
    "city": "市区町村",
    "desk": "窓口名",
    "mode": "モード",
    "department": "担当課",
    "questionnaire": "設問ツリー",
    "printer": "プリンター",
    "slip_layout": "案内票の用紙",
    "database_url": "データベースURL",
    "camera": "カメラ番号",
    "retention_days": "個人情報の保存日数",
}
ENVIRONMENT = {name: f"KAKANAI_{name.upper()}" for name in LABELS}


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    path: Path
    overridden: frozenset[str]  # names set by environment variables (read-only in the dialog)


def load_settings(data_dir: Path, env: Mapping[str, str] | None = None) -> LoadedSettings:
    """The saved settings with environment overrides applied; defaults when no file yet."""
    env = os.environ if env is None else env
    path = data_dir / SETTINGS_FILE
    stored: dict[str, Any] = {}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KakanaiError.of(
                ErrorCode.APP_SETTINGS_UNREADABLE, detail=f"{path}: {exc}"
            ) from exc
        if not isinstance(loaded, dict):
            detail = f"{path}: 「名前: 値」の形ではありません"
            raise KakanaiError.of(ErrorCode.APP_SETTINGS_UNREADABLE, detail=detail)
        stored = {k: v for k, v in loaded.items() if k in LABELS}
    overridden = {name for name, var in ENVIRONMENT.items() if env.get(var, "") != ""}
    stored.update({name: env[ENVIRONMENT[name]] for name in overridden})
    return LoadedSettings(settings_from(stored), path, frozenset(overridden))


def settings_from(values: Mapping[str, Any]) -> Settings:
    """Settings from loose values (file, environment or dialog), each checked."""
    defaults = Settings()
    fields: dict[str, Any] = {}
    for name in LABELS:
        raw = values.get(name, getattr(defaults, name))
        fields[name] = _checked(name, raw, getattr(defaults, name))
    return Settings(**fields)


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically (a crash never leaves half a file) and owner-only (the
    database URL may hold a password); desks saving at once each use their own temporary
    file, so none of them trips over another's."""
    private_folder(path.parent)
    text = json.dumps(dataclasses.asdict(settings), ensure_ascii=False, indent=2)
    write_private(path, (text + "\n").encode("utf-8"))


def change_settings(loaded: LoadedSettings, chosen: Settings) -> LoadedSettings:
    """Save ``chosen``; a setting the environment overrides keeps its value in the file
    (and its environment value while running)."""
    in_file = load_settings(loaded.path.parent, {}).settings
    from_file = {name: getattr(in_file, name) for name in loaded.overridden}
    from_env = {name: getattr(loaded.settings, name) for name in loaded.overridden}
    save_settings(loaded.path, dataclasses.replace(chosen, **from_file))
    running = dataclasses.replace(chosen, **from_env)
    return LoadedSettings(running, loaded.path, loaded.overridden)


def folder_printer(settings: Settings) -> Path | None:
    """The folder a ``folder:`` printer writes to, or None for a real printer."""
    if settings.printer.startswith(PRINT_TO_FOLDER):
        return Path(settings.printer.removeprefix(PRINT_TO_FOLDER))
    return None


def _checked(name: str, raw: object, default: object) -> object:
    if isinstance(default, int):
        return _checked_number(name, raw)
    text = str(raw).strip()
    allowed = {"mode": MODES, "slip_layout": SLIP_LAYOUTS}.get(name)
    if allowed is not None and text not in allowed:
        hint = "「" + "」「".join(allowed) + "」のどれかにしてください。"
        raise KakanaiError.of(ErrorCode.APP_SETTING_BAD, name=LABELS[name], value=text, hint=hint)
    if name in {"city", "desk", "department", "questionnaire"} and not text:
        hint = "空にはできません。"
        raise KakanaiError.of(ErrorCode.APP_SETTING_BAD, name=LABELS[name], value=text, hint=hint)
    if name == "database_url" and text and "://" not in text:
        hint = "sqlite:///ファイル か postgresql+psycopg://利用者@サーバー/DB の形にしてください。"
        raise KakanaiError.of(ErrorCode.APP_SETTING_BAD, name=LABELS[name], value=text, hint=hint)
    return text


def _checked_number(name: str, raw: object) -> int:
    try:
        number = int(str(raw).strip())
    except ValueError:
        number = -1
    if name == "retention_days":
        lowest, highest = 1, MAX_RETENTION_DAYS
        hint = f"{lowest}から{highest}までの整数で書いてください。"
    else:
        lowest, highest = 0, None
        hint = f"{lowest}以上の整数で書いてください。"
    if isinstance(raw, bool) or number < lowest or (highest is not None and number > highest):
        raise KakanaiError.of(ErrorCode.APP_SETTING_BAD, name=LABELS[name], value=raw, hint=hint)
    return number
