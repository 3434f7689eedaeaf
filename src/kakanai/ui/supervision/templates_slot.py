"""The 様式 tab: the place where the form-template editor (``ui/template_editor``, built on its
own branch) plugs into the supervisor's mode. Until then it says where templates are edited
today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

WAITING = (
    "様式(帳票テンプレート)の編集画面はここに入ります。\n"
    "今は forms_templates/ の YAML を編集し、kakanai check で確かめてください。"
)


class TemplatesSlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor: QWidget | None = None
        self.waiting = QLabel(WAITING, self)
        self.waiting.setObjectName("templates_waiting")
        self.waiting.setWordWrap(True)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.waiting, 1)

    def set_editor(self, editor: QWidget) -> None:
        """Show ``editor`` (the template editor) in place of the note."""
        if self.editor is not None:
            self.layout_.removeWidget(self.editor)
            self.editor.deleteLater()
        self.waiting.hide()
        editor.setParent(self)
        self.layout_.addWidget(editor, 1)
        self.editor = editor
