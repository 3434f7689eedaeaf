"""The household answer: one row per member (name, kana, birth date, sex, relationship), add
and remove members, each field checked as it is left with the problem in red under it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.japanese import values as jv
from kakanai.core.trees.answers import MEMBER_KEYS
from kakanai.services.counter.inputs import (
    RELATIONSHIPS,
    SEXES,
    date_reading,
    date_text,
    member_field_error,
)
from kakanai.ui.counter.answer_fields import (
    ERROR_STYLE,
    READING_STYLE,
    AnswerField,
    retype_as_katakana,
)

HEADINGS = ("氏名(&M)", "フリガナ(&K)", "生年月日(&E)", "性別(&X)", "続柄(&R)")
WIDTHS = (165, 185, 165, 72, 112)
CELL_STYLE = "font-size: 14pt;"


class MemberRow:
    """The widgets of one member: an editor and a note (reading or error) per field."""

    def __init__(self, parent: QWidget, as_of: dt.date) -> None:
        self.as_of = as_of
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        self.notes: dict[str, QLabel] = {}
        for key, width in zip(MEMBER_KEYS, WIDTHS, strict=True):
            editor: QLineEdit | QComboBox
            if key in {"sex", "relationship"}:
                editor = QComboBox(parent)
                editor.addItems(["", *(SEXES if key == "sex" else RELATIONSHIPS)])
                editor.currentTextChanged.connect(lambda _, k=key: self.check(k))
            else:
                editor = QLineEdit(parent)
                editor.editingFinished.connect(lambda k=key: self.check(k))
            editor.setStyleSheet(CELL_STYLE)
            editor.setMinimumWidth(width)
            note = QLabel(parent)
            note.setWordWrap(True)
            self.editors[key] = editor
            self.notes[key] = note
        self.remove = QPushButton("削除(&D)", parent)
        kana = self.editors["kana"]
        assert isinstance(kana, QLineEdit)
        kana.textEdited.connect(partial(retype_as_katakana, kana))
        birth = self.editors["birth_date"]
        assert isinstance(birth, QLineEdit)
        birth.setPlaceholderText("例: S57.5.10")
        birth.textEdited.connect(self._on_birth_edited)

    def text(self, key: str) -> str:
        editor = self.editors[key]
        return editor.currentText() if isinstance(editor, QComboBox) else editor.text()

    def set_text(self, key: str, text: str) -> None:
        editor = self.editors[key]
        if isinstance(editor, QComboBox):
            editor.setCurrentText(text)
        else:
            editor.setText(text)

    def raw(self) -> dict[str, str]:
        return {key: self.text(key) for key in MEMBER_KEYS}

    def check(self, key: str) -> bool:
        """Show the field's problem in red under it (or the date's reading); True when fine."""
        error = member_field_error(key, self.text(key), self.as_of)
        note = self.notes[key]
        if error:
            note.setText(error)
            note.setStyleSheet(ERROR_STYLE)
        elif key == "kana":
            self.set_text(key, jv.normalize_katakana(self.text(key)))
            note.clear()
        elif key == "birth_date":
            note.setText(date_reading(self.text(key)).text)
            note.setStyleSheet(READING_STYLE)
        else:
            note.clear()
        self.fit(key)
        return not error

    def fit(self, key: str) -> None:
        """Give a wrapped note the height of its lines (the grid would keep one line)."""
        note = self.notes[key]
        width = max(self.editors[key].width(), self.editors[key].minimumWidth())
        note.setMinimumHeight(note.heightForWidth(width) if note.text() else 0)

    def widgets(self) -> list[QWidget]:
        return [*self.editors.values(), *self.notes.values(), self.remove]

    def _on_birth_edited(self, text: str) -> None:
        reading = date_reading(text)
        self.notes["birth_date"].setText(reading.text)
        self.notes["birth_date"].setStyleSheet(READING_STYLE)
        self.fit("birth_date")


class HouseholdTable(AnswerField):
    def __init__(self, as_of: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.as_of = as_of
        self.rows: list[MemberRow] = []
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(2)
        self.headings: list[QLabel] = []
        for column, heading in enumerate(HEADINGS):
            label = QLabel(heading, self)
            label.setStyleSheet("font-weight: bold; font-size: 12pt;")
            self.grid.addWidget(label, 0, column)
            self.headings.append(label)
        self.add_button = QPushButton("世帯員を追加(&A)", self)
        self.add_button.clicked.connect(self._on_add_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.add_member()

    def add_member(self) -> MemberRow:
        row = MemberRow(self, self.as_of)
        row.remove.clicked.connect(lambda: self.remove_member(row))
        self.rows.append(row)
        self._relayout()
        return row

    def remove_member(self, row: MemberRow) -> None:
        if len(self.rows) == 1:
            for key in MEMBER_KEYS:
                row.set_text(key, "")
            return
        self.rows.remove(row)
        for widget in row.widgets():
            widget.deleteLater()
        self._relayout()
        self.rows[-1].editors["name"].setFocus()

    def value(self) -> object:
        return [row.raw() for row in self.rows if any(row.raw().values())]

    def set_value(self, value: object) -> None:
        members = [m for m in value if isinstance(m, Mapping)] if isinstance(value, list) else []
        while len(self.rows) < max(1, len(members)):
            self.add_member()
        for row, member in zip(self.rows, members, strict=False):
            for key in MEMBER_KEYS:
                row.set_text(key, _member_text(member.get(key)))
            row.check("birth_date")

    def focus_first(self) -> None:
        empty = [r for r in self.rows if not any(r.raw().values())]
        (empty or self.rows)[0].editors["name"].setFocus()

    def check(self) -> bool:
        rows = [r for r in self.rows if any(r.raw().values())] or self.rows[:1]
        results = [row.check(key) for row in rows for key in MEMBER_KEYS]
        return all(results)

    def _on_add_clicked(self) -> None:
        self.add_member().editors["name"].setFocus()

    def _relayout(self) -> None:
        for row in self.rows:
            for widget in row.widgets():
                self.grid.removeWidget(widget)
        for number, row in enumerate(self.rows):
            top = 1 + number * 2
            for column, key in enumerate(MEMBER_KEYS):
                self.grid.addWidget(row.editors[key], top, column)
                self.grid.addWidget(row.notes[key], top + 1, column)
            self.grid.addWidget(row.remove, top, len(MEMBER_KEYS))
        first = self.rows[0]
        for label, key in zip(self.headings, MEMBER_KEYS, strict=True):
            label.setBuddy(first.editors[key])
        chain = [w for row in self.rows for w in (*row.editors.values(), row.remove)]
        for before, after in zip(chain, [*chain[1:], self.add_button], strict=True):
            QWidget.setTabOrder(before, after)


def _member_text(value: object) -> str:
    if isinstance(value, dt.date):
        return date_text(value)
    return "" if value is None else str(value)
