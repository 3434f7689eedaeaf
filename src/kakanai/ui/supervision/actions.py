"""The supervisor's mode's actions, each with a key: open and save, undo and redo (named after
the step they undo), the next problem, running the scenarios, the review and publishing; and
the buttons for the most used of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QPushButton
from shiboken6 import isValid

if TYPE_CHECKING:
    from kakanai.ui.supervision.view import SupervisionView

UNDO = "元に戻す(&Z)"
REDO = "やり直す(&Y)"


class EditorActions:
    def __init__(self, view: SupervisionView) -> None:
        self.view = view
        stack = view.document.undo_stack
        self.open = self._action("設問ツリーを開く(&O)…", ["Ctrl+O"], view.open_dialog)
        self.save = self._action("保存(&S)", ["Ctrl+S"], view.save)
        self.undo = self._action(UNDO, ["Ctrl+Z"], stack.undo)
        self.redo = self._action(REDO, ["Ctrl+Y", "Ctrl+Shift+Z"], stack.redo)
        self.next_problem = self._action("次の問題へ(&N)", ["F8"], view.next_problem)
        self.run = self._action("シナリオを実行(&R)", ["F5"], self._run_scenarios)
        self.review = self._action("決裁書を作る(&M)", ["Ctrl+Shift+M"], self._build_review)
        self.publish = self._action("公開(&U)…", ["Ctrl+Shift+U"], view.publish)
        self.withdraw = self._action("公開した版を取り下げる(&W)…", ["Ctrl+Shift+W"], view.withdraw)
        self.undo_button = self._button(self.undo, "元に戻す")
        self.redo_button = self._button(self.redo, "やり直す")
        self.save_button = self._button(self.save, "保存")
        self.open_button = self._button(self.open, "開く…")
        # What the stack says, kept from its signals: the stack is not asked again (it
        # signals while it is being destroyed, when asking it fails).
        self._steps = {"undo": "", "redo": ""}
        self._can = {"undo": False, "redo": False}
        stack.undoTextChanged.connect(lambda text: self._name_steps(undo=text))
        stack.redoTextChanged.connect(lambda text: self._name_steps(redo=text))
        stack.canUndoChanged.connect(lambda can: self._enable(undo=can))
        stack.canRedoChanged.connect(lambda can: self._enable(redo=can))
        self._show_steps()

    def menu(self) -> list[QAction]:
        return [
            self.open,
            self.save,
            self.undo,
            self.redo,
            self.next_problem,
            self.run,
            self.review,
            self.publish,
            self.withdraw,
        ]

    def buttons(self) -> list[QPushButton]:
        return [self.undo_button, self.redo_button, self.open_button, self.save_button]

    def ask_scenario_name(self) -> str:
        name, accepted = QInputDialog.getText(
            self.view, "シナリオとして保存", "シナリオの名前(何を確かめるシナリオか):"
        )
        return name.strip() if accepted else ""

    def _name_steps(self, **texts: str) -> None:
        self._steps.update(texts)
        self._show_steps()

    def _enable(self, **can: bool) -> None:
        self._can.update(can)
        self._show_steps()

    def _show_steps(self) -> None:
        """Undo and redo say which step they undo: 「元に戻す: 設問 move_date の条件を変更」."""
        for key, action, text, button in (
            ("undo", self.undo, UNDO, self.undo_button),
            ("redo", self.redo, REDO, self.redo_button),
        ):
            if not isValid(action) or not isValid(button):
                return  # the window is closing: the stack signals while it is destroyed
            can, shown = self._can[key], self._steps[key]
            action.setText(f"{text}: {shown}" if can else text)
            action.setEnabled(can)
            button.setEnabled(can)
            button.setToolTip(f"{shown}({action.shortcut().toString()})" if can else "")

    def _run_scenarios(self) -> None:
        self.view.tabs.setCurrentWidget(self.view.scenarios_page)
        self.view.scenarios_page.run()

    def _build_review(self) -> None:
        self.view.tabs.setCurrentWidget(self.view.review_page)
        self.view.review_page.build()

    def _action(self, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.view)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action

    def _button(self, action: QAction, text: str) -> QPushButton:
        button = QPushButton(text, self.view)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(action.trigger)
        return button
