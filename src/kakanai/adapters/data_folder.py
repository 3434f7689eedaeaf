"""The desk's data folder: ``KAKANAI_DATA_DIR`` or platformdirs' ``user_data_dir("kakanai")``
(settings, the SQLite database, the slip keys and a city's own trees and forms)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

DATA_DIR_ENV = "KAKANAI_DATA_DIR"


def data_dir() -> Path:
    configured = os.environ.get(DATA_DIR_ENV)
    return Path(configured) if configured else Path(user_data_dir("kakanai"))
