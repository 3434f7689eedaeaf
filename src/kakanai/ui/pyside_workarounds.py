"""Working around PySide6 6.12.0's ``SignalInstance.emit()``, which returns ``True`` without
taking a reference to it: every signal emitted from Python (ours, pyqtgraph's on every
redraw and mouse move) gives one reference of ``True`` away, and after some thousands the
interpreter frees ``True`` and aborts ("bool_dealloc"), at the latest when it exits. Python
before 3.12 counts references to ``True`` like any object's, so the app holds enough of its
own, in a list that is never freed (not even at exit, where the lost ones would count), and
tops them up every second. A fixed PySide6 is detected at start and nothing is done."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer, Signal

KEPT = 200_000  # far more emits than any second of the app makes
_references: list[bool] = []
# One reference nobody gives back: the list, and so its references to True, outlive the
# interpreter's teardown of this module.
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_references))


class _Probe(QObject):
    fired = Signal()


def emit_loses_true() -> bool:
    """Whether this PySide6 gives a reference of True away on each emit."""
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.fired.emit()
    return sys.getrefcount(True) < before


def top_up() -> None:
    """Hold references to True until it has at least ``KEPT`` of them."""
    missing = KEPT - sys.getrefcount(True)
    if missing > 0:
        _references.extend([True] * missing)


def keep_true_alive(owner: QObject) -> QTimer | None:
    """Start topping up (with a timer owned by ``owner``, the application) when needed."""
    if not emit_loses_true():
        return None
    top_up()
    timer = QTimer(owner)
    timer.setInterval(1000)
    timer.timeout.connect(top_up)
    timer.start()
    return timer
