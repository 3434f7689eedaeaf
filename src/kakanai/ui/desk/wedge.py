"""The always-ready input for USB keyboard-wedge scanners: the scanner types the slip's
digits and Enter; wherever the focus is in the desk, the first digit brings the focus back
to this input, so no keystroke of the code is lost."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from kakanai.core.slip.digits import normalize_scanned

_TYPING = (QLineEdit, QAbstractSpinBox, QPlainTextEdit)
_COMMAND_KEYS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class WedgeInput(QLineEdit):
    """Collects what a scanner (or a clerk) types; ``text_entered`` on Enter, normalised."""

    text_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("ハンディスキャナーで読み取るか、数字を入力してEnter")
        self.returnPressed.connect(self._on_return_pressed)

    def watch(self, root: QWidget) -> None:
        """Redirect digits typed anywhere under ``root`` (and widgets added later) here."""
        _Catcher(self, root)

    def _on_return_pressed(self) -> None:
        text = normalize_scanned(self.text())
        self.clear()
        if text:
            self.text_entered.emit(text)


class _Catcher(QObject):
    """An event filter on every widget under the root: a digit typed outside a text field
    goes to the wedge input, which takes the focus for the rest of the code."""

    def __init__(self, wedge: WedgeInput, root: QWidget) -> None:
        super().__init__(wedge)
        self._wedge = wedge
        self._install(root)

    def _install(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                self._install(child)
        elif event.type() == QEvent.Type.KeyPress and self._redirects(watched, event):
            assert isinstance(event, QKeyEvent)
            self._wedge.setFocus(Qt.FocusReason.OtherFocusReason)
            self._wedge.insert(event.text())
            return True
        return False

    def _redirects(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._wedge or not isinstance(event, QKeyEvent):
            return False
        if isinstance(watched, _TYPING) or (
            isinstance(watched, QTextEdit) and not watched.isReadOnly()
        ):
            return False
        if event.modifiers() & _COMMAND_KEYS:
            return False
        return normalize_scanned(event.text()).isdigit()
