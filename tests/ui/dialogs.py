"""Answering a modal dialog the app opens (a question, the settings): a timer finds the
dialog once it is shown and acts on it, as a clerk would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

ATTEMPTS = 200


def when_shown(act: Callable[[QWidget], None]) -> list[QWidget]:
    """Call ``act`` with the next modal dialog as soon as it is shown; returns the list the
    dialog is put in (empty if none was shown)."""
    seen: list[QWidget] = []

    def look(tries: int = ATTEMPTS) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if tries:
                QTimer.singleShot(10, lambda: look(tries - 1))
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, look)
    return seen
