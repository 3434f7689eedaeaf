"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 returned None from every void
method without a reference, so on Python 3.11 (where None is not immortal) each call took one
from None's count and the app aborted with ``none_dealloc`` after some tens of thousands of
Qt calls, within a morning at the counter. pyproject.toml keeps that release out."""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

CALLS = 2000


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_leave_none_s_reference_count_alone(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        edit.setText("山田")  # returns None
        QApplication.processEvents()
    gc.collect()
    assert abs(sys.getrefcount(None) - before) < CALLS // 10
