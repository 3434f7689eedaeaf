"""The supervisor's mode's screens for `make screenshots`: the sign-in refusing a wrong
password, the editor with a question's form and the YAML, a typo underlined with もしかして,
completion, the preview explaining itself, a failing scenario's difference with the
coverage, the review, the unsaved-changes question, publishing (版 and 施行日), withdrawing,
and the 様式 tab. Popups (completion, dialogs) are windows of their own, drawn onto the
window's picture where they stand."""

from __future__ import annotations

import dataclasses
from typing import Any


class Keys:
    """Key presses through QTest, with the names of pytest-qt's ``qtbot`` (which the tests'
    driving helpers take)."""

    def keyClick(self, widget: Any, key: Any, modifier: Any = None) -> None:  # noqa: N802
        from PySide6.QtCore import Qt  # noqa: PLC0415 - after the platform is chosen
        from PySide6.QtTest import QTest  # noqa: PLC0415 - after the platform is chosen

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)

    def keyClicks(self, widget: Any, text: str) -> None:  # noqa: N802
        from PySide6.QtTest import QTest  # noqa: PLC0415 - after the platform is chosen

        QTest.keyClicks(widget, text)


def supervision(shots: Any) -> None:
    from kakanai.ui.supervision.unsaved import Unsaved  # noqa: PLC0415 - after env

    clerk = Keys()
    _sign_in_when_asked(shots)

    # A supervisor's desk starts in this mode (settings: mode), so the window is only as wide
    # as this mode needs (the counter's screen, built first otherwise, needs 1067 px).
    loaded = shots.workspace.loaded
    settings = dataclasses.replace(loaded.settings, mode="supervision")
    shots.workspace.loaded = dataclasses.replace(loaded, settings=settings)
    window = shots.window("supervision")
    shots.workspace.loaded = loaded
    _activate(shots, window)  # the sign-in dialog had the keyboard; the clerk types here
    view = window.current_view
    view.document.wait_checked()
    view.edit_page.choose(("QUESTION", "wants_hoikusho"))
    shots.save(window, "supervision-1-editor-form-and-yaml")
    _condition(shots, clerk, window, view)
    _preview(shots, window, view)
    _scenarios(shots, clerk, window, view)
    _review(shots, window, view)
    view.ask_unsaved = lambda _parent, _name: Unsaved.DISCARD
    stack = view.document.undo_stack
    while stack.canUndo():  # the draft as shipped again: it passes every check and scenario
        stack.undo()
    _publish(shots, window, view)
    view.tabs.setCurrentWidget(view.templates_slot)
    shots.save(window, "supervision-10-templates-tab")
    window.close()


NAME = "監修 花子"
PASSWORD = "screenshots-password"  # noqa: S105 - a throwaway user in a temporary folder


def _activate(shots: Any, window: Any) -> None:
    from PySide6.QtTest import QTest  # noqa: PLC0415 - after the platform is chosen
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - after the platform is chosen

    window.activateWindow()
    if not QTest.qWaitForWindowActive(window, 2000):
        print("the window could not be activated", QApplication.activeWindow())
    shots.settle()


def _sign_in_when_asked(shots: Any) -> None:
    """A supervisor exists; when the sign-in dialog opens, a wrong password is refused (a
    picture), then the right one lets in."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415 - after the platform is chosen
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - after the platform is chosen

    from kakanai.services.supervision.accounts import add_user  # noqa: PLC0415 - after env

    add_user(shots.workspace, NAME, "supervisor", password=PASSWORD)

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.name.setText(NAME)
        dialog.password.setText("wrong password")
        dialog.ok_button.click()
        shots.save(dialog, "supervision-0-sign-in-refused")
        dialog.password.setText(PASSWORD)
        dialog.ok_button.click()

    QTimer.singleShot(0, act)


def _publish(shots: Any, window: Any, view: Any) -> None:
    import datetime as dt  # noqa: PLC0415

    dialog = view.publish()
    tomorrow = shots.workspace.now().date() + dt.timedelta(days=1)
    dialog.effective.setDate(tomorrow)
    dialog.adjustSize()
    _save_with(shots, window, [dialog], "supervision-8-publish-version-and-date")
    dialog.start()
    for _ in range(600):
        shots.settle(2)
        if not dialog.isVisible():
            break
    withdraw = view.withdraw()
    withdraw.adjustSize()
    _save_with(shots, window, [withdraw], "supervision-9-withdraw")
    withdraw.reject()


def _condition(shots: Any, clerk: Any, window: Any, view: Any) -> None:
    from PySide6.QtCore import QPoint, Qt  # noqa: PLC0415 - after the platform is chosen

    edit = _condition_edit(shots, view, "kaigo_jukyu_shikaku_teishutsu", None)
    clerk.keyClicks(edit, " and kokhu")
    _caught_up(shots, view, edit)
    edit.completer.popup().hide()
    shots.save(window, "supervision-2-typo-underlined-with-did-you-mean")
    for _ in range(2):
        clerk.keyClick(edit, Qt.Key.Key_Backspace)
    clerk.keyClick(edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    shots.settle()
    # The offscreen screen is narrower than the window, and Qt keeps popups on the screen:
    # put the list where a desktop shows it, under the condition's start.
    popup = edit.completer.popup()
    popup.move(edit.mapToGlobal(QPoint(0, edit.cursorRect().bottom() + 4)))
    _save_with(shots, window, [popup], "supervision-3-completion")
    clerk.keyClick(popup, Qt.Key.Key_Escape)
    view.document.undo_stack.undo()
    shots.settle()


def _preview(shots: Any, window: Any, view: Any) -> None:
    from tests.ui.counter import driving  # noqa: PLC0415 - the tests' reference answers

    view.tabs.setCurrentWidget(view.preview_page)
    shots.settle()
    # The interview is answered through the preview's own Interview (the tests drive the
    # widgets, tests/ui/supervision/test_preview.py): here only the screen matters.
    page = view.preview_page
    while page.interview.current is not None and page.interview.current.id != "kokuho":
        page.interview.answer(driving.ANSWERS.get(page.interview.current.id))
    page.refresh()
    page.question_page.focus_first()
    shots.save(window, "supervision-4-preview-explains-itself")


def _scenarios(shots: Any, clerk: Any, window: Any, view: Any) -> None:
    from PySide6.QtCore import Qt  # noqa: PLC0415 - after the platform is chosen

    view.tabs.setCurrentWidget(view.edit_page)
    edit = _condition_edit(shots, view, "kouki_shikaku_shutoku", "75")
    clerk.keyClick(edit, Qt.Key.Key_Backspace)
    clerk.keyClicks(edit, "4")
    _caught_up(shots, view, edit)
    page = view.scenarios_page
    view.tabs.setCurrentWidget(page)
    shots.settle()
    page.wait_idle()
    shots.settle(40)
    shots.save(window, "supervision-5-scenarios-failing-with-coverage")


def _review(shots: Any, window: Any, view: Any) -> None:
    from kakanai.ui.supervision.unsaved import unsaved_box  # noqa: PLC0415 - after env

    review = view.review_page
    view.tabs.setCurrentWidget(review)
    review.build()
    review.wait_idle()
    shots.settle(40)
    review.show_chapter("現行版からの変更の影響")
    shots.save(window, "supervision-6-review-with-impact")
    view.document.apply("tree", view.document.text + "\n", "YAMLを直接編集")
    box = unsaved_box(view.window(), view.document.draft.name)
    box.show()
    shots.settle()
    _save_with(shots, window, [box], "supervision-7-unsaved-changes-question")
    box.close()


def _condition_edit(shots: Any, view: Any, procedure: str, after: str | None) -> Any:
    """The procedure's condition editor, focused, the cursor at its end or after ``after``."""
    view.edit_page.choose(("PROCEDURE", procedure))
    shots.settle()
    edit = view.edit_page.form.field("when").edit
    text = edit.condition()
    cursor = edit.textCursor()
    cursor.setPosition(len(text) if after is None else text.index(after) + len(after))
    edit.setTextCursor(cursor)
    edit.setFocus()
    return edit


def _caught_up(shots: Any, view: Any, edit: Any) -> None:
    """Wait until the typed condition is in the draft and checked."""
    for _ in range(200):
        shots.settle(2)
        if edit.condition() in view.document.text and view.document.is_checked:
            break
    shots.settle(10)


def _save_with(shots: Any, window: Any, popups: list[Any], name: str) -> None:
    from PySide6.QtGui import QPainter  # noqa: PLC0415 - after the platform is chosen

    shots.settle()
    picture = window.grab()
    painter = QPainter(picture)
    origin = window.mapToGlobal(window.rect().topLeft())
    for popup in popups:
        if popup.isVisible():
            painter.drawPixmap(popup.mapToGlobal(popup.rect().topLeft()) - origin, popup.grab())
    painter.end()
    path = shots.out / f"{name}.png"
    picture.save(str(path))
    shots.written.append(path)
