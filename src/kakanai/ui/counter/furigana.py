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

import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit

from kakanai.services.counter.inputs import katakana_as_typed

# Hiragana, katakana (with ー and ・) and spaces: text that is its own reading.
_READS_AS_ITSELF = re.compile(r"[\u3041-\u309f\u30a0-\u30ff \u3000]+")
# What the preedit holds while the clerk types on: romaji, on its way to kana.
_NEW_TYPING = re.compile(r"[\x21-\x7e]+")
_SPACES = re.compile(r"[ \u3000]+")


@dataclass(frozen=True)
class Piece:
    """A run of the name and its reading (None: unknown)."""

    text: str
    reading: str | None = None

    def known_reading(self) -> str | None:
        if self.reading is not None:
            return self.reading
        return self.text if _READS_AS_ITSELF.fullmatch(self.text) else None


@dataclass(frozen=True)
class _Commit:
    """Where an input method's commit goes, what it replaces, and its reading."""

    start: int
    removed: int
    text: str
    reading: str | None


def splice(pieces: list[Piece], start: int, end: int, new: Piece) -> list[Piece]:
    """``pieces`` with the text from ``start`` to ``end`` replaced by ``new``; a piece cut in
    part keeps the rest of its text without a reading."""
    before: list[Piece] = []
    after: list[Piece] = []
    position = 0
    for piece in pieces:
        first, last = position, position + len(piece.text)
        position = last
        if last <= start:
            before.append(piece)
        elif first >= end:
            after.append(piece)
        else:
            if first < start:
                before.append(Piece(piece.text[: start - first]))
            if last > end:
                after.append(Piece(piece.text[end - first :]))
    middle = [new] if new.text else []
    return [*before, *middle, *after]


def reading_between(pieces: list[Piece], start: int, end: int) -> str | None:
    """The reading of the text from ``start`` to ``end`` when it is made of whole pieces that
    all have one (what a re-conversion of it keeps), else None."""
    inside: list[Piece] = []
    position = 0
    for piece in pieces:
        first, last = position, position + len(piece.text)
        position = last
        if first < end and last > start:
            if first < start or last > end:
                return None
            inside.append(piece)
    return reading_of(inside) if inside and start < end else None


def reading_of(pieces: list[Piece]) -> str | None:
    """The whole name's reading, or None while a piece has none."""
    parts = [piece.known_reading() for piece in pieces]
    if any(part is None for part in parts):
        return None
    return "".join(part for part in parts if part is not None)


def as_furigana(reading: str) -> str:
    """The kana field's form of a reading: katakana, words apart by one full-width space
    (a trailing one kept while the clerk is still typing the given name)."""
    return _SPACES.sub("\u3000", katakana_as_typed(reading)).lstrip("\u3000")


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """The edit that turns ``old`` into ``new``: start, end in ``old``, end in ``new``."""
    shorter = min(len(old), len(new))
    start = 0
    while start < shorter and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < shorter - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return start, len(old) - tail, len(new) - tail


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
            and _loose(kana) == _loose(as_furigana(reading))
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
            reading = _reading_of_commit(self._composed, preedit)
            if reading is None:
                reading = self._replaced
            self._pending = _Commit(start, removed, commit, reading)
            self._composed = self._replaced = None
        if preedit and _READS_AS_ITSELF.fullmatch(preedit):
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
        if current != kana and (not current or _loose(current) == _loose(self._filled)):
            self._kana.setText(kana)
            self.filled.emit(kana)
        if _loose(self._kana.text()) == _loose(kana):
            self._filled = kana


def _reading_of_commit(composed: str | None, rest: str) -> str | None:
    """The reading of a commit, given the kana composed before it and the preedit that stays
    (``rest``): new typing (romaji, kana) leaves the reading whole; the rest of a conversion
    committed in part takes its kana off the end, or, converted to kanji, makes the reading
    of the part unknown."""
    if composed is None or not rest or _NEW_TYPING.fullmatch(rest):
        return composed
    if _READS_AS_ITSELF.fullmatch(rest):
        return composed.removesuffix(rest)
    return None


def _loose(kana: str) -> str:
    return _SPACES.sub(" ", kana).strip()
