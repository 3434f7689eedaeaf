"""Working around PySide6 6.12.0, which returns ``True`` from ``SignalInstance.emit()`` and
``None`` from every method without a result (``setChecked``, ``QTest.keyClick``, a
``focusWidget()`` with no focus …) without taking a reference to them: every signal emitted
from Python (ours, pyqtgraph's on every redraw and mouse move) gives one reference of ``True``
away, every such call one of ``None``, and after some thousands the interpreter frees them and
aborts ("bool_dealloc", "none_dealloc"), at the latest when it exits (a clerk's day, a bench
run or the screenshots reach it). Python before 3.12 counts references to ``True`` and
``None`` like any object's, so the app holds enough of its own, in a list that is never freed
(not even at exit, where the lost ones would count), and tops them up every second. A fixed
PySide6 is detected at start and nothing is done."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer, Signal

KEPT = 200_000  # far more emits and calls than any second of the app makes
_references: list[object] = []
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


def call_loses_none() -> bool:
    """Whether this PySide6 gives a reference of None away on each call without a result."""
    probe = _Probe()
    before = sys.getrefcount(None)
    probe.setObjectName("probe")
    return sys.getrefcount(None) < before


def top_up(kept: tuple[object, ...] = (True,)) -> None:
    """Hold references to each of ``kept`` until it has at least ``KEPT`` of them."""
    for value in kept:
        missing = KEPT - sys.getrefcount(value)
        if missing > 0:
            _references.extend([value] * missing)


def keep_true_alive(owner: QObject) -> QTimer | None:
    """Start topping up True and None (with a timer owned by ``owner``, the application)
    when this PySide6 loses references to them."""
    lost = tuple(
        value for value, loses in ((True, emit_loses_true()), (None, call_loses_none())) if loses
    )
    if not lost:
        return None
    top_up(lost)
    timer = QTimer(owner)
    timer.setInterval(1000)
    timer.timeout.connect(lambda: top_up(lost))
    timer.start()
    return timer
