"""The フリガナ filled from the name as the clerk types it through the input method, the way
Japanese business software does it: the reading is the composed kana (the preedit) before
conversion, so typing やまだ and converting to 山田 gives ヤマダ.

The name is kept as pieces, each with the reading of the text that made it: a conversion the
input method commits (its last all-kana preedit), text that reads as itself (kana, spaces), or
no reading (pasted or typed without composing, a piece cut by Backspace). While every piece
has a reading, the kana field shows them joined in katakana, unless the clerk typed the kana
by hand: what the app did not put there is never overwritten. A re-conversion that replaces
whole pieces without showing kana keeps their reading (it changes the characters, not the
sound). Tab from the name then goes past the kana (Shift+Tab comes back to it).

A limit: a candidate the input method predicts from part of a reading (予測変換: やま, then
山田 picked from the suggestions) is committed after that partial kana, and Qt's events do not
carry the rest (Windows' own result reading is not exposed); the kana then reads ヤマ, in view
beside the name for the clerk to correct."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit

from kakanai.services.counter.furigana import (
    READS_AS_ITSELF,
    Piece,
    as_furigana,
    changed_span,
    loose,
    reading_between,
    reading_of,
    reading_of_commit,
    splice,
)


@dataclass(frozen=True)
class _Commit:
    """Where an input method's commit goes, what it replaces, and its reading."""

    start: int
    removed: int
    text: str
    reading: str | None


class FuriganaCapture(QObject):
    """Watches the ``name`` line edit's input method events and fills ``kana`` from them.
    ``filled`` carries the kana the app put in the kana field."""

    filled = Signal(str)

    def __init__(
        self, name: QLineEdit, kana: QLineEdit, past_kana: Callable[[], bool] | None = None
    ) -> None:
        """``past_kana``: what Tab from the name does instead of going to the kana once the
        kana is the name's reading (focus the field after it; False: it found none)."""
        super().__init__(name)
        self._name = name
        self._kana = kana
        self._past_kana = past_kana
        self._text = name.text()
        self._pieces: list[Piece] = [Piece(self._text)] if self._text else []
        self._composed: str | None = None  # the last all-kana preedit since the last commit
        self._pending: _Commit | None = None
        self._replaced: str | None = None  # the reading of the text a re-conversion took
        self._filled = ""  # what the app last put in the kana field
        name.installEventFilter(self)
        name.textChanged.connect(self._on_name_changed)

    def start_with(self, text: str, kana: str) -> None:
        """The name starts with ``text`` read as ``kana`` (a new row's surname): the kana
        field holds it as the app's own. The space after the surname is a piece of its own,
        so that Backspace over it keeps the surname's reading."""
        word = text.rstrip(" \u3000")
        pieces = [Piece(word, kana.rstrip(" \u3000") or None), Piece(text[len(word) :])]
        self._pieces = [piece for piece in pieces if piece.text]
        self._filled = kana

    def kana_is_the_reading(self) -> bool:
        """Whether the kana field holds the reading of the whole name as composed (nothing
        left for the clerk to type there)."""
        reading = reading_of(self._pieces)
        kana = self._kana.text()
        return (
            bool(kana.strip())
            and reading is not None
            and loose(kana) == loose(as_furigana(reading))
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._name and isinstance(event, QInputMethodEvent):
            self._before_input(event)
        if (
            watched is self._name
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self._past_kana is not None
            and self.kana_is_the_reading()
        ):
            return self._past_kana()
        return False

    def _before_input(self, event: QInputMethodEvent) -> None:
        self._pending = None
        preedit = event.preeditString()
        commit = event.commitString()
        name = self._name
        if name.hasSelectedText():
            start, removed = name.selectionStart(), len(name.selectedText())
        else:
            start = name.cursorPosition() + event.replacementStart()
            removed = event.replacementLength()
        replacing = preedit or commit or event.replacementLength()
        if removed and replacing:  # a re-conversion takes (or deletes) the text it replaces
            self._replaced = reading_between(self._pieces, start, start + removed)
        if commit:
            reading = reading_of_commit(self._composed, preedit)
            if reading is None:
                reading = self._replaced
            self._pending = _Commit(start, removed, commit, reading)
            self._composed = self._replaced = None
        if preedit and READS_AS_ITSELF.fullmatch(preedit):
            self._composed = preedit
        elif not replacing:
            self._composed = self._replaced = None  # the composition was cancelled

    def _on_name_changed(self, new: str) -> None:
        old, pending = self._text, self._pending
        self._text, self._pending = new, None
        if pending is not None and new == (
            old[: pending.start] + pending.text + old[pending.start + pending.removed :]
        ):
            piece = Piece(pending.text, pending.reading)
            end = pending.start + pending.removed
            self._pieces = splice(self._pieces, pending.start, end, piece)
        else:
            start, end, new_end = changed_span(old, new)
            self._pieces = splice(self._pieces, start, end, Piece(new[start:new_end]))
        self._fill_kana()

    def _fill_kana(self) -> None:
        reading = reading_of(self._pieces)
        if reading is None:
            return  # a piece without a reading (pasted): the kana is left as it is
        kana = as_furigana(reading)
        current = self._kana.text()
        if current != kana and (not current or loose(current) == loose(self._filled)):
            self._kana.setText(kana)
            self.filled.emit(kana)
        if loose(self._kana.text()) == loose(kana):
            self._filled = kana
