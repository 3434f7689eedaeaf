"""What a supervisor sets for the statistics, kept in ``<data dir>/statistics.json``: the time
model (minutes per form, per department, seconds per field) and the threshold under which
the 公表用 table hides a count."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kakanai.adapters.private_files import write_private
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.stats.suppression import DEFAULT_THRESHOLD
from kakanai.core.stats.time_model import MAX_MINUTES, TimeModel, checked_minutes

STATS_FILE = "statistics.json"
MAX_THRESHOLD = 100


@dataclass(frozen=True)
class StatsPreferences:
    model: TimeModel = field(default_factory=TimeModel)
    threshold: int = DEFAULT_THRESHOLD  # counts from 1 to below this are hidden (公表用)


def load_preferences(data_dir: Path) -> StatsPreferences:
    """The saved preferences, or the defaults when there is no file yet."""
    path = data_dir / STATS_FILE
    if not path.exists():
        return StatsPreferences()
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KakanaiError.of(ErrorCode.STATS_SETTINGS_UNREADABLE, path=path, detail=exc) from exc
    if not isinstance(loaded, dict):
        detail = "「名前: 値」の形ではありません"
        raise KakanaiError.of(ErrorCode.STATS_SETTINGS_UNREADABLE, path=path, detail=detail)
    return preferences_from(loaded)


def preferences_from(values: Mapping[str, Any]) -> StatsPreferences:
    """Preferences from loose values (the file, the dialog, the command line), checked."""
    defaults = StatsPreferences()
    per_form = minutes(
        "minutes_per_form", values.get("minutes_per_form", defaults.model.minutes_per_form)
    )
    departments = values.get("department_minutes", dict(defaults.model.department_minutes))
    if not isinstance(departments, Mapping):
        _bad("department_minutes", departments, "課の ID と分数の組で書いてください。")
    per_field = values.get("seconds_per_field", defaults.model.seconds_per_field)
    seconds = minutes("seconds_per_field", per_field)
    return StatsPreferences(
        TimeModel(
            per_form,
            {str(k): minutes(f"department_minutes.{k}", v) for k, v in departments.items()},
            seconds,
        ),
        threshold(values.get("threshold", defaults.threshold)),
    )


def save_preferences(data_dir: Path, preferences: StatsPreferences) -> None:
    model = preferences.model
    text = json.dumps(
        {
            "minutes_per_form": model.minutes_per_form,
            "department_minutes": dict(model.department_minutes),
            "seconds_per_field": model.seconds_per_field,
            "threshold": preferences.threshold,
        },
        ensure_ascii=False,
        indent=2,
    )
    write_private(data_dir / STATS_FILE, (text + "\n").encode("utf-8"))


def minutes(name: str, raw: object) -> float:
    """A time figure from 0 to 600."""
    try:
        value = float(str(raw))
    except ValueError:
        value = -1.0
    if isinstance(raw, bool) or not checked_minutes(value):
        _bad(name, raw, f"0から{MAX_MINUTES:g}までの数で書いてください。")
    return value


def threshold(raw: object) -> int:
    """The suppression threshold: 0 or 1 hides nothing, at most 100."""
    text = str(raw).strip()
    if isinstance(raw, bool) or not text.isdigit() or int(text) > MAX_THRESHOLD:
        _bad("threshold", raw, f"0から{MAX_THRESHOLD}までの整数で書いてください(0と1は秘匿なし)。")
    return int(text)


def _bad(name: str, value: object, hint: str) -> None:
    raise KakanaiError.of(ErrorCode.STATS_SETTING_BAD, name=name, value=value, hint=hint)
