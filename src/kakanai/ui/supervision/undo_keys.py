"""Ctrl+Z and Ctrl+Y (Ctrl+Shift+Z) in the editor's text boxes go to the editor's undo stack,
whose steps have names, instead of each box's own undo: one history for forms and YAML."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget


def is_undo_key(event: QEvent) -> bool:
    """A shortcut-override for undo or redo: ignoring it lets the window's action fire."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
        QKeySequence.StandardKey.Redo
    )


class UndoToWindow(QObject):
    """An event filter for text boxes that hands undo and redo to the window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if is_undo_key(event):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


def hand_undo_to_window(box: QWidget, keys: UndoToWindow) -> None:
    """Install ``keys`` on a text box and turn its own undo off."""
    if isinstance(box, QPlainTextEdit):
        box.setUndoRedoEnabled(False)
    box.installEventFilter(keys)
