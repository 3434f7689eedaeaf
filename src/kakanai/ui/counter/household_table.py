"""The household answer: one row per member, the head first. Tab from a filled last row, or a
relationship picked on it, adds the next member (Alt+A too), Ctrl+Delete removes the member
being typed; each field is checked as it is left, with the problem in red under it."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.trees.answers import MEMBER_KEYS
from kakanai.services.counter.card_reading import CardPerson
from kakanai.services.counter.inputs import RELATIONSHIP_PICKS, SEX_PICKS, date_text, pick_legend
from kakanai.ui.counter.answer_fields import AnswerField
from kakanai.ui.counter.household_row import MemberRow, surname

HEADINGS = ("氏名(&S)", "フリガナ(&K)", "生年月日(&E)", "性別(&X)", "続柄(&R)")
LEGEND = (
    f"性別: {pick_legend(SEX_PICKS)}   続柄: {pick_legend(RELATIONSHIP_PICKS)}"
    "(読みやローマ字の頭文字でも選べます)。フリガナは氏名を変換した読みで入ります"
    "(直すときは Shift+Tab)。続柄を選ぶか最後の行で Tab を押すと次の方の行に進みます"
    "(名字だけの行は数えません)。"
)


class HouseholdTable(AnswerField):
    def __init__(self, as_of: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.as_of = as_of
        self.rows: list[MemberRow] = []
        self.legend = QLabel(LEGEND, self)
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #444; font-size: 10pt;")
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(1)
        for column, stretch in enumerate((4, 4, 3, 1, 2)):  # room goes to names, not to 男/女
            self.grid.setColumnStretch(column, stretch)
        self.headings: list[QLabel] = []
        for column, heading in enumerate(HEADINGS):
            label = QLabel(heading, self)
            label.setStyleSheet("font-weight: bold; font-size: 11pt;")
            self.grid.addWidget(label, 0, column)
            self.headings.append(label)
        self.add_button = QPushButton("世帯員を追加(&A)", self)
        self.add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_button.clicked.connect(self._on_add_clicked)
        remove = QShortcut(QKeySequence("Ctrl+Delete"), self)
        remove.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove.activated.connect(self._on_remove_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.legend)
        layout.addLayout(self.grid)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.add_member()

    def add_member(self) -> MemberRow:
        first = self.rows[0] if self.rows else None
        row = MemberRow(self, self.as_of, first=first)
        row.remove.clicked.connect(lambda: self.remove_member(row))
        row.relationship.picked.connect(lambda _value: self._after_relationship(row))
        row.relationship.installEventFilter(self)
        row.kana.installEventFilter(self)
        for editor in row.editors.values():
            editor.textChanged.connect(lambda _text: self.changed.emit())
        self.rows.append(row)
        self._relayout()
        return row

    def remove_member(self, row: MemberRow) -> None:
        if len(self.rows) == 1:
            for key in MEMBER_KEYS:
                row.set_text(key, "")
            row.name.setFocus()
            return
        index = self.rows.index(row)
        self.rows.remove(row)
        for widget in row.widgets():
            widget.deleteLater()
        self._relayout()
        self.rows[min(index, len(self.rows) - 1)].name.setFocus()

    def value(self) -> object:
        return [row.raw() for row in self.rows if not row.blank()]

    def set_value(self, value: object) -> None:
        members = [m for m in value if isinstance(m, Mapping)] if isinstance(value, list) else []
        while len(self.rows) < max(1, len(members)):
            self.add_member()
        for row, member in zip(self.rows, members, strict=False):
            for key in MEMBER_KEYS:
                row.set_text(key, _member_text(member.get(key)))
            row.check("birth_date")

    def take_person(self, person: CardPerson) -> MemberRow:
        """Put a resident read off their My Number card in a row: the row of the same
        person if the card was read before, else the row being typed if it is blank, else
        the first blank row, else a new one. The focus goes to the furigana (the card has
        none); Tab from it goes on to what the card does not give."""
        same = [r for r in self.rows if (r.text("name"), r.text("birth_date")) == _card_key(person)]
        focused = self.focusWidget()
        typing = [r for r in self.rows if focused in r.editors.values() and r.blank()]
        blank = [r for r in self.rows if r.blank()]
        row = (same or typing or blank or [self.add_member()])[0]
        if surname(person.name) != row.name.prefill and row.kana.untouched():
            row.set_text("kana", "")  # the first row's surname is not this resident's
        row.kana.prefill = row.text("kana")
        row.name.prefill = ""
        row.set_text("name", person.name)
        row.set_text("birth_date", date_text(person.birth_date))
        row.set_text("sex", person.sex)
        row.from_card = True
        for key in ("name", "birth_date", "sex"):
            if row.text(key):
                row.check(key)
        row.kana.setFocus(Qt.FocusReason.OtherFocusReason)
        row.kana.end(False)
        return row

    def focus_first(self) -> None:
        empty = [r for r in self.rows if r.blank()]
        (empty or self.rows)[0].name.setFocus()

    def check(self) -> bool:
        rows = [r for r in self.rows if not r.blank()] or self.rows[:1]
        results = [row.check(key) for row in rows for key in MEMBER_KEYS]
        return all(results)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Tab from the last field of a filled last row adds the next member's row; Tab from
        the furigana of a row read off a card goes past what the card filled in."""
        if _plain_tab(event):
            row = next((r for r in self.rows if watched is r.kana and r.from_card), None)
            if row is not None:
                self._past_card(row)
                return True
        last = self.rows[-1]
        if (
            watched is last.relationship
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and not last.blank()
        ):
            self.add_member().name.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _past_card(self, row: MemberRow) -> None:
        """The first field the card left empty (性別 of a card that says neither, 続柄), else
        the next member's row."""
        empty = [row.editors[k] for k in ("birth_date", "sex", "relationship") if not row.text(k)]
        if empty:
            empty[0].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self._after_relationship(row)

    def _after_relationship(self, row: MemberRow) -> None:
        """The relationship is the row's last field: go on to the next member, on the last
        row to a new one (it starts with the surname; left so, it is no member)."""
        index = self.rows.index(row)
        following = self.rows[index + 1] if index + 1 < len(self.rows) else self.add_member()
        following.name.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_add_clicked(self) -> None:
        self.add_member().name.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_remove_requested(self) -> None:
        focused = self.focusWidget()
        row = next((r for r in self.rows if focused in r.editors.values()), None)
        if row is not None:
            self.remove_member(row)

    def _relayout(self) -> None:
        for row in self.rows:
            for widget in row.widgets():
                self.grid.removeWidget(widget)
        for number, row in enumerate(self.rows):
            top = 1 + number * 2
            for column, key in enumerate(MEMBER_KEYS):
                self.grid.addWidget(row.editors[key], top, column)
                self.grid.addWidget(row.notes[key], top + 1, column, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(row.remove, top, len(MEMBER_KEYS))
            for widget in row.widgets():
                widget.show()  # now, not when the layout gets to it: the focus goes there
        first = self.rows[0]
        for label, key in zip(self.headings, MEMBER_KEYS, strict=True):
            label.setBuddy(first.editors[key])
        chain = [editor for row in self.rows for editor in row.editors.values()]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)


def _plain_tab(event: QEvent) -> bool:
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Tab
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
    )


def _card_key(person: CardPerson) -> tuple[str, str]:
    return person.name, date_text(person.birth_date)


def _member_text(value: object) -> str:
    if isinstance(value, dt.date):
        return date_text(value)
    return "" if value is None else str(value)
