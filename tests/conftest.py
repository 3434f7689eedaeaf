"""Shared fixtures: the shipped questionnaires, a fixed interview date, the bounded runner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from kakanai.benchmarks.bounded_runs import BoundedRunner
from kakanai.benchmarks.smartcard_lab import SmartcardLab

ROOT = Path(__file__).resolve().parents[1]
QUESTIONNAIRES = ROOT / "questionnaires"
# The shipped moving tree's 後期 資格取得 on a 転入, and an edit that guides it from the 76th
# birthday, and by 後期高齢 insurance only under 75 (the 障害認定 route): the 75-year-old of
# the scenarios (林 正男, in 後期高齢) loses it, the 70-year-old by 障害認定 keeps it.
KOUKI_75 = (
    '"転入" and (birthday(member.birth_date, 75) <= today()'
    ' and member.health_insurance != "生活保護" or member.health_insurance == "後期高齢")'
)
KOUKI_76 = (
    '"転入" and (birthday(member.birth_date, 76) <= today()'
    ' and member.health_insurance != "生活保護" or member.health_insurance == "後期高齢"'
    " and legal_age(member.birth_date) < 75)"
)
AS_OF = dt.date(2026, 11, 23)
BOUNDED_SECONDS = 20.0
BOUNDED_MEGABYTES = 1500.0
"""Caps for one input in a reader (the worker's whole resident set, its imports included)."""


@pytest.fixture
def as_of() -> dt.date:
    return AS_OF


@pytest.fixture(scope="session")
def bounded() -> Iterator[BoundedRunner]:
    """Runs an input through a reader in a worker process, within a time and memory cap,
    so that a hang, a crash or a blow-up fails the test instead of stopping the run."""
    with BoundedRunner(seconds=BOUNDED_SECONDS, megabytes=BOUNDED_MEGABYTES) as runner:
        yield runner


@pytest.fixture(scope="session")
def smartcard_lab() -> Iterator[SmartcardLab]:
    """One private pcscd with the vpcd reader driver for the whole run: pcsc-lite keeps the
    socket of its first call for the process's life, so every card test uses this one."""
    with SmartcardLab() as lab:
        yield lab
