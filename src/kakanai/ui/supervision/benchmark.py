"""The measuring side of `kakanai bench editor`, run in a fresh process offscreen: the time to
open the supervisor's mode on a tree (from Ctrl+3 to its draft shown and checked), and from a
keystroke in a condition to its diagnostic underlined (a typo made, then fixed), and on to
the whole tree's checks. Prints one
JSON line; ``kakanai.benchmarks.editor`` starts it and prints the figures."""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

NAME = "計測 監修者"
PASSWORD = "bench-editor-password"  # noqa: S105 - a throwaway user in a temporary folder
TIMEOUT_S = 20.0


def main(argv: list[str]) -> int:
    repeat = int(argv[0])
    from kakanai.services.supervision.accounts import add_user, sign_in  # noqa: PLC0415
    from kakanai.services.workspace import open_workspace  # noqa: PLC0415
    from kakanai.ui.application import MODES, application  # noqa: PLC0415
    from kakanai.ui.main_window import MainWindow, ModeEntry  # noqa: PLC0415
    from kakanai.ui.supervision.access import SupervisionAccess  # noqa: PLC0415
    from kakanai.ui.supervision.view import SupervisionView  # noqa: PLC0415

    app = application()
    workspace = open_workspace()
    add_user(workspace, NAME, "supervisor", password=PASSWORD)
    signed = sign_in(workspace, NAME, PASSWORD)  # typing the password is not timed

    def build(_ws: object, parent: object) -> SupervisionView:
        access = SupervisionAccess(workspace, ask=lambda _parent, _ws: signed)
        return SupervisionView(workspace, parent, access=access)  # type: ignore[arg-type]

    modes = [m if m.mode_id != "supervision" else ModeEntry(m.mode_id, m.label, m.shortcut, build)
             for m in MODES]  # fmt: skip
    window = MainWindow(workspace, modes)
    window.show()
    _until(app, window.isVisible)
    began = time.monotonic()
    view = window.show_mode("supervision")
    assert isinstance(view, SupervisionView)
    _until(app, lambda: view.document.is_checked and view.isVisible())
    result: dict[str, object] = {"open_s": time.monotonic() - began}
    result.update(_typing(app, view, repeat))
    view.document.wait_checked()
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


def _typing(app: QApplication, view: object, repeat: int) -> dict[str, object]:
    """Type one character after the longest condition of the tree (a diagnostic appears),
    let the draft and the whole tree's check catch up, then Backspace (it goes), ``repeat``
    times. The diagnostic counts once its marks are set and painted; the whole tree's
    static check (the YAML, the problems list) and the reasoning are timed on their own."""
    from kakanai.services.tree_editing.fields import value_of  # noqa: PLC0415
    from kakanai.ui.supervision.condition_edit import TYPING_PAUSE_MS  # noqa: PLC0415
    from kakanai.ui.supervision.field_widgets import ConditionField  # noqa: PLC0415

    document = view.document  # type: ignore[attr-defined]
    tree = document.reading.tree
    procedure = max(tree.procedures, key=lambda p: len(p.when.source) if p.when else 0)
    form = view.edit_page.form  # type: ignore[attr-defined]
    assert view.edit_page.choose(("PROCEDURE", procedure.id))  # type: ignore[attr-defined]
    field = form.field("when")
    assert isinstance(field, ConditionField)
    edit = field.edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    before = len(edit.marks)

    def caught_up() -> bool:  # the draft holds what is typed, and its check has run
        written = value_of(document.reading.root, form.place, field.spec)
        return bool(written == field.value() and document.is_checked)

    made: list[float] = []
    tree_made: list[float] = []  # until the draft is re-read and the whole tree checked
    fixed: list[float] = []
    checked: list[float] = []  # until the reasoning checks of the fixed tree have run too
    for _ in range(repeat):
        start = time.monotonic()
        QTest.keyClick(edit, Qt.Key.Key_X)
        _until(app, lambda: len(edit.marks) > before)
        edit.viewport().repaint()  # the underline painted (not the apply that may be due)
        made.append(time.monotonic() - start)
        _until(app, caught_up)
        tree_made.append(time.monotonic() - start)
        start = time.monotonic()
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
        _until(app, lambda: len(edit.marks) == before)
        edit.viewport().repaint()
        fixed.append(time.monotonic() - start)
        _until(app, caught_up)
        checked.append(time.monotonic() - start)
    return {
        "procedure": procedure.id,
        "condition_chars": len(procedure.when.source) if procedure.when else 0,
        "typo_s": made,
        "typo_tree_s": tree_made,
        "fix_s": fixed,
        "checked_s": checked,
        "typo_median_s": statistics.median(made),
        "typing_pause_ms": TYPING_PAUSE_MS,
    }


def _until(app: QApplication, done: Callable[[], bool]) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the editor did not answer in time")
        app.processEvents()
        time.sleep(0.001)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
