"""A one-line field that picks from a short list (性別, 続柄): a digit, the value, or the start
of its reading in kana or romaji picks it, and the focus moves on. It is a line edit, not a
closed list, so text an input method commits reaches it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from kakanai.services.counter.inputs import Pick, pick_legend, picked


class PickEdit(QLineEdit):
    """Emits ``picked`` (the value) once what was typed picks exactly one value."""

    picked = Signal(str)

    def __init__(self, picks: Sequence[Pick], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picks = tuple(picks)
        legend = pick_legend(self.picks)
        self.setToolTip(f"{legend}(読みの頭文字やローマ字でも選べます)")
        self._value = ""  # the value picked last, and what was typed to pick it
        self._typed = ""
        self._composing = False  # inside an input method's event
        self.textEdited.connect(self._on_text_edited)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt's name
        self._composing = True
        try:
            super().inputMethodEvent(event)
        finally:
            self._composing = False

    def _on_text_edited(self, text: str) -> None:
        typed = text
        if self._value and text.startswith(self._value) and text != self._value:
            typed = self._typed + text[len(self._value) :]  # the reading typed on ("ts"…)
        value = picked(typed, self.picks)
        if value is None:
            self._value, self._typed = "", ""
            return
        self._typed = typed
        if value != text:
            self.setText(value)
        if value != self._value:
            self._value = value
            if self._composing:
                # The focus moves on only once the input method has finished its event:
                # moved during it, mozc committed its text a second time here (女２).
                QTimer.singleShot(0, lambda: self.picked.emit(value))
            else:
                self.picked.emit(value)
