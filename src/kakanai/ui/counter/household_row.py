"""One member of the household answer: name, furigana, birth date (read back in 和暦 with the
age), sex and relationship, with the problem or reading of each field under it. The furigana
fills in from the reading the input method composed for the name; a new row starts with the
first row's surname; a whole short date (S570510) moves on to sex; sex and
relationship are picked by a key."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFocusEvent, QInputMethodEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton, QWidget

from kakanai.core.japanese import values as jv
from kakanai.core.trees.answers import MEMBER_KEYS
from kakanai.services.counter.inputs import (
    RELATIONSHIP_PICKS,
    SEX_PICKS,
    birth_reading,
    member_field_error,
)
from kakanai.ui.counter.answer_fields import ERROR_STYLE, retype_as_katakana
from kakanai.ui.counter.furigana import FuriganaCapture
from kakanai.ui.counter.pick_edit import PickEdit

CELL_STYLE = "font-size: 13pt;"
NOTE_STYLE = "font-size: 10pt;"
READING_STYLE = "color: #335;"
WIDTHS = {"name": 140, "kana": 150, "birth_date": 112, "sex": 46, "relationship": 80}
PLACEHOLDERS = {"birth_date": "例: S570510", "sex": "1 / 2", "relationship": "1〜9"}
HEAD = "世帯主"
_SURNAME = re.compile(r"^(\S+)([ \u3000])")
# An era and six digits (S570510) is a whole date: the focus moves on to 性別 by itself.
_WHOLE_COMPACT_DATE = re.compile(r"[A-Za-z明大昭平令][0-9]{6}")


class _PrefilledEdit(QLineEdit):
    """A line edit that may hold a prefilled start (the surname): reached by Tab, the cursor
    goes after it instead of selecting it, so typing adds the given name."""

    prefill = ""

    def untouched(self) -> bool:
        return bool(self.prefill) and self.text() == self.prefill

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        if self.untouched():
            self.deselect()
            self.end(False)


class _DateEdit(QLineEdit):
    """The birth date; knows whether an input method's event is being handled (the focus may
    move only after it: moved during it, mozc commits its text a second time)."""

    composing = False

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt's name
        self.composing = True
        try:
            super().inputMethodEvent(event)
        finally:
            self.composing = False


class MemberRow:
    """The widgets of one member; the table lays them out and chains their focus."""

    def __init__(self, parent: QWidget, as_of: dt.date, *, first: MemberRow | None) -> None:
        self.as_of = as_of
        self.from_card = False  # name, birth date and sex were read off a My Number card
        self.name = _PrefilledEdit(parent)
        self.kana = _PrefilledEdit(parent)
        self.birth = _DateEdit(parent)
        self.sex = PickEdit(SEX_PICKS, parent)
        self.relationship = PickEdit(RELATIONSHIP_PICKS, parent)
        self.editors: dict[str, QLineEdit] = dict(
            zip(
                MEMBER_KEYS,
                (self.name, self.kana, self.birth, self.sex, self.relationship),
                strict=True,
            )
        )
        self.notes: dict[str, QLabel] = {}
        for key, editor in self.editors.items():
            editor.setStyleSheet(CELL_STYLE)
            editor.setMinimumWidth(WIDTHS[key])
            editor.setPlaceholderText(PLACEHOLDERS.get(key, ""))
            editor.editingFinished.connect(partial(self.check, key))
            note = QLabel(parent)
            note.setStyleSheet(NOTE_STYLE)
            self.notes[key] = note
        self.notes["birth_date"].setMinimumWidth(WIDTHS["birth_date"])
        for key in ("name", "kana", "sex", "relationship"):
            self.notes[key].setWordWrap(True)
        self.remove = QToolButton(parent)
        self.remove.setText("×")
        self.remove.setToolTip("この世帯員を削除(Ctrl+Delete)")
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.kana.textEdited.connect(partial(retype_as_katakana, self.kana))
        # The kana comes from the name's reading as the input method composes it.
        self.furigana = FuriganaCapture(self.name, self.kana, self._past_kana)
        self.furigana.filled.connect(lambda _kana: self.notes["kana"].clear())
        self.birth.textEdited.connect(self._on_birth_edited)
        self.sex.picked.connect(lambda _value: self.relationship.setFocus())
        if first is None:
            self.relationship.setText(HEAD)
        else:
            self.name.prefill = surname(first.name.text())
            self.kana.prefill = surname(_katakana(first.kana.text()))
            self.name.setText(self.name.prefill)
            self.kana.setText(self.kana.prefill)
            self.furigana.start_with(self.name.prefill, self.kana.prefill)

    def text(self, key: str) -> str:
        return self.editors[key].text()

    def set_text(self, key: str, text: str) -> None:
        self.editors[key].setText(text)

    def raw(self) -> dict[str, str]:
        return {key: self.text(key) for key in MEMBER_KEYS}

    def blank(self) -> bool:
        """Nothing typed but what the row started with (the surname, 世帯主)."""
        started = {
            "name": self.name.prefill,
            "kana": self.kana.prefill,
            "relationship": self.relationship.text() if self.relationship.text() == HEAD else "",
        }
        return all(self.text(key) in ("", started.get(key, "")) for key in MEMBER_KEYS)

    def check(self, key: str) -> bool:
        """Show the field's problem in red under it (or the date's reading); True when fine."""
        error = member_field_error(key, self.text(key), self.as_of)
        note = self.notes[key]
        if not error and key == "kana":
            self.set_text(key, jv.normalize_katakana(self.text(key)))
        if not error and key == "birth_date":
            self._show_birth()
            return True
        note.setText(error)
        note.setStyleSheet(NOTE_STYLE + ERROR_STYLE.replace("font-size: 12pt;", ""))
        return not error

    def show_problem(self, key: str, message: str) -> None:
        self.notes[key].setText(message)
        self.notes[key].setStyleSheet(NOTE_STYLE + ERROR_STYLE.replace("font-size: 12pt;", ""))

    def widgets(self) -> list[QWidget]:
        return [*self.editors.values(), *self.notes.values(), self.remove]

    def _past_kana(self) -> bool:
        """Tab from a name whose reading filled the kana: on to the birth date."""
        self.birth.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _on_birth_edited(self, text: str) -> None:
        self._show_birth()
        whole = _WHOLE_COMPACT_DATE.fullmatch(unicodedata.normalize("NFKC", text).strip())
        if whole and not birth_reading(text, self.as_of).error:
            if self.birth.composing:
                QTimer.singleShot(0, self.sex.setFocus)
            else:
                self.sex.setFocus()

    def _show_birth(self) -> None:
        reading = birth_reading(self.birth.text(), self.as_of)
        note = self.notes["birth_date"]
        note.setText(reading.error or reading.text)
        colour = ERROR_STYLE.replace("font-size: 12pt;", "") if reading.error else READING_STYLE
        note.setStyleSheet(NOTE_STYLE + colour)
        note.setWordWrap(bool(reading.error))


def surname(name: str) -> str:
    """``山田 太郎`` → ``山田 `` (with the space that follows it); "" without a space."""
    found = _SURNAME.match(name.strip())
    return found[0] if found else ""


def _katakana(kana: str) -> str:
    try:
        return jv.normalize_katakana(kana)
    except jv.ValueFormatError:
        return kana
