"""The condition editor: one condition as it is typed, with its problems underlined at their
column (the message under it and as a tooltip) and completion of question ids with their
text, options and functions (Ctrl+Space, or as soon as a name, ``member.``, ``==`` or an
opening quote is typed). Enter takes the completion or ends the edit; it never adds a line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from kakanai.core.trees.model import QuestionTree
from kakanai.services.tree_editing.completing import Offer, applied, offers
from kakanai.services.tree_editing.diagnostics import Mark
from kakanai.ui.supervision.undo_keys import is_undo_key

ERROR_COLOR = QColor("#c62828")
WARNING_COLOR = QColor("#b26a00")
TYPING_PAUSE_MS = 30  # the condition is applied (and checked) when typing pauses this long
_OPENERS = ("==", "!=", " in", "[", ",", '"', "member.", "(")
OFFER_ROLE = Qt.ItemDataRole.UserRole + 1


class ConditionEdit(QPlainTextEdit):
    typed = Signal(str)  # the condition after a pause in typing
    finished = Signal()  # focus left or Enter: the next typing is a new undo step

    def __init__(self, tree: Callable[[], QuestionTree], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tree = tree
        self._marks: list[Mark] = []
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.setStyleSheet("font-family: 'IPAexGothic', monospace;")
        self.completer = QCompleter(self)
        self.completer.setWidget(self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setModel(QStandardItemModel(self.completer))
        self.completer.activated.connect(self._on_offer_chosen)
        self.popup.setObjectName("condition_completions")
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._on_paused)
        self.textChanged.connect(self._pause.start)

    # --- value ---

    def condition(self) -> str:
        return self.toPlainText()

    def set_condition(self, text: str) -> None:
        """Show ``text`` (from the draft) without it counting as typing."""
        if text == self.condition():
            return
        self.blockSignals(True)
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.blockSignals(False)

    def show_marks(self, marks: Sequence[Mark]) -> None:
        """Underline each problem's word with a wavy line (red, orange for warnings)."""
        self._marks = list(marks)
        selections = []
        for mark in self._marks:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(WARNING_COLOR if mark.problem.is_warning else ERROR_COLOR)
            selection.format = fmt
            cursor = QTextCursor(self.document())
            cursor.setPosition(min(mark.start, len(self.condition())))
            end = min(max(mark.end, mark.start + 1), len(self.condition()))
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        self.setExtraSelections(selections)

    @property
    def marks(self) -> list[Mark]:
        return list(self._marks)

    # --- completion ---

    @property
    def popup(self) -> QAbstractItemView:
        shown = self.completer.popup()
        assert shown is not None
        return shown

    def show_completions(self) -> bool:
        """Open the completion list for what is before the cursor (False when empty)."""
        cursor = self.textCursor().position()
        found = offers(self._tree(), self.condition(), cursor)
        model = self.completer.model()
        assert isinstance(model, QStandardItemModel)
        model.clear()
        for offer in found:
            item = QStandardItem(offer.shown)
            item.setData(offer, OFFER_ROLE)
            item.setToolTip(offer.shown)
            model.appendRow(item)
        if not found:
            self.popup.hide()
            return False
        rect = self.cursorRect()
        rect.setLeft(0)  # under the condition's start: ids come with their question's text
        rect.setWidth(max(self.width(), 560))
        self.completer.complete(rect)
        self.popup.setCurrentIndex(self.completer.completionModel().index(0, 0))
        return True

    def choose(self, offer: Offer) -> None:
        """Type ``offer`` in at the cursor (what choosing it in the list does)."""
        text, cursor = applied(self.condition(), self.textCursor().position(), offer)
        self.setPlainText(text)
        moved = self.textCursor()
        moved.setPosition(cursor)
        self.setTextCursor(moved)

    def _on_offer_chosen(self, _text: str) -> None:
        offer = self.popup.currentIndex().data(OFFER_ROLE)
        if isinstance(offer, Offer):
            self.choose(offer)

    # --- Qt events ---

    def event(self, event: QEvent) -> bool:
        if is_undo_key(event):
            event.ignore()
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.cursorForPosition(event.pos()).position()
            said = [m.message for m in self._marks if m.start <= position <= m.end]
            if said:
                QToolTip.showText(event.globalPos(), "\n".join(said), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        popup = self.popup
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if popup.isVisible() and (enter or event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Tab)):
            event.ignore()  # the completer's popup takes it
            return
        if enter:
            self._on_paused()
            self.finished.emit()
            return
        space = event.key() == Qt.Key.Key_Space
        if space and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.show_completions()
            return
        super().keyPressEvent(event)
        if event.text() and (event.text().isalnum() or event.text() in '._" ,[=('):
            self._offer_while_typing()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        if not self.popup.isVisible():
            self._on_paused()
            self.finished.emit()
        super().focusOutEvent(event)

    def _offer_while_typing(self) -> None:
        before = self.condition()[: self.textCursor().position()]
        word = before[-1:].isalnum() or before[-1:] == "_"
        if word or before.rstrip().endswith(_OPENERS):
            if not self.show_completions():
                self.popup.hide()
        else:
            self.popup.hide()

    def _on_paused(self) -> None:
        if self._pause.isActive():
            self._pause.stop()
        self.typed.emit(self.condition())
