"""Work off the GUI thread (opening a slip, rendering forms): the work runs on Qt's thread
pool and its result or error comes back to the GUI thread. The work never touches widgets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives in the GUI thread; the pool thread emits, Qt queues the call to the GUI."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class Background(QObject):
    """Runs work on a small pool and hands its result or error to the GUI thread; the
    caller drops the results of work a newer request superseded (the desk's tickets)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        relay = _Relay(self)
        self._relays.add(relay)
        relay.succeeded.connect(lambda result: self._finish(relay, done, result))
        relay.failed.connect(lambda exc: self._finish(relay, failed, exc))
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running work (closing the window, tests)."""
        return self._pool.waitForDone(msecs)

    def _finish(self, relay: _Relay, callback: Callable[[Any], None], value: Any) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        callback(value)
