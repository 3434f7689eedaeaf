"""The 様式 tab: the form-template editor (``ui/template_editor``) inside the supervisor's mode,
built the first time the tab is shown (opening the mode stays quick). It lists what the desk
prints (``shipped_data.templates()``: the city's copies in place of the shipped templates of
the same name, and the shipped ones the city did not touch); saving a shipped template writes
the city's copy into the data folder (``<data folder>/forms_templates``), never the shipped
file, which a packaged install may not let anyone write and an update replaces."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kakanai.services.template_editing.shelf import TemplateShelf
from kakanai.ui.template_editor.editor import TemplateEditor

WAITING = "様式の編集画面を準備しています…"


class TemplatesSlot(QWidget):
    template_changed = Signal(str, str)  # the audit action (template_saved, _reset), detail

    def __init__(
        self,
        parent: QWidget | None = None,
        make_editor: Callable[[], QWidget] | None = None,
        *,
        shelf: TemplateShelf | None = None,
    ) -> None:
        """``shelf``: the desk's templates, checked against the tree versions in force
        (``TemplateShelf.desk(workspace, today)``); without it, against the trees' files."""
        super().__init__(parent)
        self.editor: QWidget | None = None
        desk = shelf or TemplateShelf.desk()
        self._make_editor = make_editor or (lambda: TemplateEditor(desk))
        self.waiting = QLabel(WAITING, self)
        self.waiting.setObjectName("templates_waiting")
        self.waiting.setWordWrap(True)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)  # the tab's frame is margin enough
        self.layout_.addWidget(self.waiting, 1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.editor is None:
            self.set_editor(self._make_editor())

    def set_editor(self, editor: QWidget) -> None:
        """Show ``editor`` (the template editor) in place of the note."""
        if self.editor is not None:
            self.layout_.removeWidget(self.editor)
            self.editor.deleteLater()
        self.waiting.hide()
        editor.setParent(self)
        if isinstance(editor, TemplateEditor):
            editor.saved.connect(lambda path: self._on_changed("template_saved", path, "保存"))
            editor.reset_done.connect(
                lambda path: self._on_changed("template_reset", path, "削除して標準に戻す")
            )
        self.layout_.addWidget(editor, 1)
        self.editor = editor

    def _on_changed(self, action: str, path: str, what: str) -> None:
        shown = Path(path)
        self.template_changed.emit(action, f"様式 {shown.parent.name}/{shown.name} {what}")

    def recheck(self) -> None:
        """A tree version was published or withdrawn: the editor (once built) checks the
        templates against the versions in force now."""
        if isinstance(self.editor, TemplateEditor):
            self.editor.recheck()

    def may_leave(self) -> bool:
        """Unsaved template edits: the editor asks (save, drop, or stay)."""
        editor = self.editor
        if not isinstance(editor, TemplateEditor) or not editor.has_unsaved_changes():
            return True
        return editor.settle_unsaved()

    def close(self) -> bool:
        if isinstance(self.editor, TemplateEditor):
            self.editor.runner.wait()
        return super().close()
