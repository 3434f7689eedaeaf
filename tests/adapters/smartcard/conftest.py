"""A fresh virtual My Number card in the reader of the run's private pcscd, per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kakanai.benchmarks.smartcard_lab import SmartcardLab, VirtualMyNumberCard

NAME = "山田　太郎"
ADDRESS = "東京都サンプル市中央一丁目2番3号"
BIRTH = "19800401"
SEX = "1"


@pytest.fixture
def lab(smartcard_lab: SmartcardLab) -> Iterator[SmartcardLab]:
    """The lab with an empty reader, emptied again after the test."""
    smartcard_lab.remove()
    yield smartcard_lab
    smartcard_lab.remove()


@pytest.fixture
def card(lab: SmartcardLab) -> VirtualMyNumberCard:
    """Yamada Taro's card (PIN 1234, 3 tries) in the reader."""
    inserted = VirtualMyNumberCard(NAME, ADDRESS, BIRTH, SEX)
    lab.insert(inserted)
    return inserted
