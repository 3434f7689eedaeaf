"""The draft's YAML beside the forms: comments grey and keys blue, each problem's place
underlined, the chosen item's lines shaded. Typing here is applied to the draft when typing
pauses (one undo step per stretch of typing); a change made in a form shows here at once."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRegularExpression, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from kakanai.core.errors import Problem
from kakanai.ui.supervision.undo_keys import is_undo_key

TYPING_PAUSE_MS = 500
_KEY = QRegularExpression(r"^\s*(- )?[A-Za-z_][A-Za-z0-9_]*(?=:)")
_COMMENT = re.compile(r"(^|\s)#.*$")


class _Highlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.key = QTextCharFormat()
        self.key.setForeground(QColor("#1f4e99"))
        self.comment = QTextCharFormat()
        self.comment.setForeground(QColor("#6b6b6b"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        found = _KEY.match(text)
        if found.hasMatch():
            self.setFormat(found.capturedStart(), found.capturedLength(), self.key)
        comment = _COMMENT.search(text)
        if comment is not None and text.count('"', 0, comment.start()) % 2 == 0:
            self.setFormat(comment.start(), len(text) - comment.start(), self.comment)


class YamlPane(QPlainTextEdit):
    typed = Signal(str)  # the whole text after a pause in typing
    finished = Signal()  # focus left: the next typing is a new undo step

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yaml_pane")
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = QFont(["IPAexGothic", "monospace"])
        font.setPointSize(10)
        self.setFont(font)
        self.setTabChangesFocus(True)
        self._highlighter = _Highlighter(self.document())
        self._problems: list[QTextEdit.ExtraSelection] = []
        self._item: list[QTextEdit.ExtraSelection] = []
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._on_paused)
        self.textChanged.connect(self._pause.start)

    def show_text(self, text: str) -> None:
        """Show the draft's text, keeping the cursor's line and the scroll position."""
        if text == self.toPlainText():
            return
        line = self.textCursor().blockNumber()
        scroll = self.verticalScrollBar().value()
        self.blockSignals(True)
        _replace_changed_part(self, text)
        block = self.document().findBlockByNumber(min(line, self.document().blockCount() - 1))
        self.setTextCursor(QTextCursor(block))
        self.verticalScrollBar().setValue(scroll)
        self.blockSignals(False)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        selections = []
        for problem in problems:
            block = self.document().findBlockByNumber(problem.line - 1)
            if not block.isValid():
                continue
            cursor = QTextCursor(block)
            start = min(max(problem.col - 1, 0), max(block.length() - 2, 0))
            cursor.setPosition(block.position() + start)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfWord, QTextCursor.MoveMode.KeepAnchor
            )
            if not cursor.hasSelection():
                cursor.movePosition(
                    QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor
                )
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#b26a00" if problem.is_warning else "#c62828"))
            fmt.setToolTip(f"{problem.code.code} {problem.message}")
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._problems = selections
        self._refresh_selections()

    def show_item(self, first: int, last: int) -> None:
        """Shade lines ``first``..``last`` (1-based) and scroll them into view."""
        start = self.document().findBlockByNumber(first - 1)
        end = self.document().findBlockByNumber(last - 1)
        if not start.isValid():
            return
        cursor = QTextCursor(start)
        if end.isValid():
            cursor.setPosition(end.position() + end.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#eef3fb"))
        fmt.setProperty(QTextCharFormat.Property.FullWidthSelection, True)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = fmt
        self._item = [selection]
        self._refresh_selections()
        if not self.hasFocus():
            self.go_to_line(first)

    def go_to_line(self, line: int) -> None:
        block = self.document().findBlockByNumber(max(line - 1, 0))
        if block.isValid():
            self.setTextCursor(QTextCursor(block))
            self.verticalScrollBar().setValue(max(line - 4, 0))

    def _refresh_selections(self) -> None:
        self.setExtraSelections([*self._item, *self._problems])

    def event(self, event: QEvent) -> bool:
        if is_undo_key(event):
            event.ignore()
            return True
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        if self._pause.isActive():
            self._on_paused()
        self.finished.emit()
        super().focusOutEvent(event)

    def _on_paused(self) -> None:
        self._pause.stop()
        self.typed.emit(self.toPlainText())


def _replace_changed_part(pane: QPlainTextEdit, text: str) -> None:
    """Replace only what differs (a form's edit is a few characters): laying out the whole
    text again took 50 ms on the largest tree, at every keystroke in a condition."""
    shown = pane.toPlainText()
    start = 0
    limit = min(len(shown), len(text))
    while start < limit and shown[start] == text[start]:
        start += 1
    end = 0
    while end < limit - start and shown[-1 - end] == text[-1 - end]:
        end += 1
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(len(shown) - end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text[start : len(text) - end])
