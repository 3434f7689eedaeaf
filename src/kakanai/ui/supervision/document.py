"""The draft being edited, as the editor's screens share it: its two texts (the tree and its
scenarios), every change an undoable named step, the tree re-read after each change and
re-checked in the background (a newer text drops the older check's result)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from kakanai.core.errors import Problem
from kakanai.services.tree_editing.draft import Draft, Reading, read_draft
from kakanai.services.trees.checking import reasoning_problems, static_check
from kakanai.ui.desk.background import Background

TREE = "tree"
TESTS = "tests"
_MERGING = 1  # QUndoCommand.id of steps that merge with the one before (typing)


class TextStep(QUndoCommand):
    """One named change of one of the draft's texts; typing in one field merges into one step."""

    def __init__(
        self, document: DraftDocument, which: str, after: str, name: str, merge: object = None
    ) -> None:
        super().__init__(name)
        self.document = document
        self.which = which
        self.before = document.text_of(which)
        self.after = after
        self.merge = merge

    def id(self) -> int:
        return _MERGING if self.merge is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, TextStep) or other.merge != self.merge:
            return False
        if other.which != self.which:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.document.replace(self.which, self.after)

    def undo(self) -> None:
        self.document.replace(self.which, self.before)


class DraftDocument(QObject):
    changed = Signal(str)  # which text changed: TREE or TESTS
    checked = Signal()  # problems are up to date with the tree's text
    check_failed = Signal(str)  # an unexpected error while checking (a defect to report)
    opened = Signal()  # another draft was opened
    saved = Signal()

    def __init__(self, draft: Draft, today: Callable[[], dt.date], parent: QObject | None = None):
        super().__init__(parent)
        self.today = today
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self._background = Background(self)
        self._ticket = 0
        self._session = 0
        self.problems: list[Problem] = []
        self.is_checked = False
        self.draft = draft
        self.reading: Reading = read_draft(draft.text, str(draft.path))
        self._pushing = False
        self.undo_stack.indexChanged.connect(self._on_index_changed)

    # --- the texts ---

    @property
    def text(self) -> str:
        return self.draft.text

    @property
    def tests_text(self) -> str | None:
        return self.draft.tests_text

    def text_of(self, which: str) -> str:
        return (self.draft.tests_text or "") if which == TESTS else self.draft.text

    def open(self, draft: Draft) -> None:
        """Start editing another draft (the caller has dealt with unsaved changes)."""
        self.draft = draft
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._reread()
        self.opened.emit()
        self.changed.emit(TREE)
        self.changed.emit(TESTS)
        self.check()

    def apply(self, which: str, after: str, name: str, merge: object = None) -> None:
        """Change a text as one named, undoable step (``merge``: typing in one place)."""
        if after == self.text_of(which):
            return
        key = None if merge is None else (merge, self._session)
        self._pushing = True
        try:
            self.undo_stack.push(TextStep(self, which, after, name, key))
        finally:
            self._pushing = False

    def replace(self, which: str, text: str) -> None:
        """Set a text (undo and redo do this); re-read and re-check the tree."""
        if which == TESTS:
            self.draft.tests_text = text
            self.changed.emit(which)
            return
        self.draft.text = text
        self._reread()
        self.changed.emit(which)
        self.check()  # after ``changed``: the screens show the new text, then its problems

    def end_typing(self) -> None:
        """The next change starts a new step, even in the same field (focus left it)."""
        self._end_typing()

    def save(self) -> None:
        self.draft.save()
        self.undo_stack.setClean()
        self.saved.emit()

    @property
    def modified(self) -> bool:
        return self.draft.modified

    # --- checking ---

    def check(self) -> None:
        """Check the tree as read: the fast checks at once (what a typo in a condition
        breaks, shown while typing), then the reasoning in the background when they pass;
        ``checked`` after each, ``is_checked`` once every check has run."""
        self._ticket += 1
        ticket = self._ticket
        self.is_checked = False
        reading = self.reading
        if reading.broken:
            self._on_checked(ticket, list(reading.problems))
            return
        problems, runtime = static_check(reading.tree, list(reading.problems))
        if runtime is None:
            self._on_checked(ticket, problems)
            return
        self.problems = []
        self.checked.emit()  # the fast checks pass: the marks of the last typo go at once
        day = self.today()
        self._background.run(
            lambda: reasoning_problems(runtime, day),
            lambda found: self._on_checked(ticket, found),
            lambda error: self._on_check_failed(ticket, error),
        )

    def wait_checked(self, msecs: int = 30_000) -> bool:
        """Wait for the check in progress (tests, screenshots)."""
        return self._background.wait(msecs)

    def _on_checked(self, ticket: int, problems: list[Problem]) -> None:
        if ticket != self._ticket:
            return
        self.problems = problems
        self.is_checked = True
        self.checked.emit()

    def _on_check_failed(self, ticket: int, error: BaseException) -> None:
        if ticket == self._ticket:
            self.check_failed.emit(f"検査の途中で予期しないエラーが起きました: {error!r}")

    def _reread(self) -> None:
        self.reading = read_draft(self.draft.text, str(self.draft.path))

    def _on_index_changed(self, _index: int) -> None:
        if not self._pushing:  # undo or redo: typing after it is a step of its own
            self._end_typing()

    def _end_typing(self) -> None:
        self._session += 1
