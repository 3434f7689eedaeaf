"""Shared fixtures: the shipped questionnaires and a fixed interview date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QUESTIONNAIRES = ROOT / "questionnaires"
AS_OF = dt.date(2026, 11, 23)


@pytest.fixture
def as_of() -> dt.date:
    return AS_OF
