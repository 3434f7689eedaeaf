"""PySide6 6.12.0 gives away a reference to None on every call without a result: the app keeps
enough of its own that a clerk's day of calls cannot free None (and abort the interpreter)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel

from kakanai.ui.pyside_workarounds import KEPT, call_loses_none

CALLS = 20_000  # more than a bench run of six households makes between two top-ups


def test_calls_without_a_result_leave_none_with_references_to_spare(qapp: QApplication) -> None:
    label = QLabel()
    for _ in range(CALLS):
        label.setText("x")
    assert not call_loses_none() or sys.getrefcount(None) > KEPT // 2 > CALLS
