"""The measuring side of `kakanai bench app`, run in a fresh process: open the app offscreen,
note when the first window is shown, then scan a sealed reference slip at a desk several
times and note when the form preview is on screen. Prints one JSON line."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from kakanai.ui.desk.view import DeskView

SCANS = 3


class _FirstPaint(QObject):
    """Notes the moment the window is first exposed (shown on screen)."""

    def __init__(self, then: Callable[[float], None]) -> None:
        super().__init__()
        self.then = then
        self.seen = False

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.seen and event.type() in {QEvent.Type.Expose, QEvent.Type.Paint}:
            self.seen = True
            self.then(time.monotonic())
        return False


def main(argv: list[str]) -> int:
    started = float(argv[0])
    wait_for_desk = argv[1:] == ["ready"]  # scan once the desk has warmed up, not at once
    from kakanai.services.case_files import load_case  # noqa: PLC0415 - timed from process start
    from kakanai.services.shipped_data import REFERENCE_CASE  # noqa: PLC0415 - as above
    from kakanai.services.slip.sealing import seal_case  # noqa: PLC0415 - as above
    from kakanai.services.workspace import open_workspace  # noqa: PLC0415 - as above
    from kakanai.ui.application import MODES, application  # noqa: PLC0415 - as above
    from kakanai.ui.main_window import MainWindow  # noqa: PLC0415 - as above

    app = application()
    workspace = open_workspace()
    window = MainWindow(workspace, MODES)
    digits = seal_case(load_case(REFERENCE_CASE)).digits
    result: dict[str, object] = {}
    scans: list[float] = []
    began = [0.0]
    waiting = [False]

    def scan_next(desk: DeskView) -> None:
        if len(scans) >= SCANS:
            result.update(scan_s=scans, forms=len(desk.forms_listed()))
            result["department"] = workspace.department.name
            app.quit()
            return
        began[0] = time.monotonic()
        waiting[0] = True
        desk.open_text(digits)

    def shown(at: float) -> None:
        result["start_s"] = at - started
        from kakanai.ui.desk.view import DeskView  # noqa: PLC0415 - loaded with the mode

        desk = window.show_mode("desk")
        assert isinstance(desk, DeskView)
        desk.preview_shown.connect(lambda: previewed(desk))
        if wait_for_desk:
            opened = time.monotonic()
            desk.wait_idle()
            result["desk_ready_s"] = time.monotonic() - opened
        QTimer.singleShot(0, lambda: scan_next(desk))

    def previewed(desk: DeskView) -> None:
        if not waiting[0]:  # only the first preview of each scan counts
            return
        waiting[0] = False
        scans.append(time.monotonic() - began[0])
        QTimer.singleShot(0, lambda: scan_next(desk))

    watcher = _FirstPaint(shown)
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    from kakanai.benchmarks.memory import peak_kib  # noqa: PLC0415 - after the run

    result["peak_kib"] = peak_kib()
    sys.stdout.write(json.dumps(result) + "\n")
    return 0 if "scan_s" in result else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
