"""The answer widgets of the wizard, one per question type: numbered choices (digits pick
them), はい/いいえ, a date read back in 和暦, kana turned into katakana as typed, and plain
text, phone, postal code and number fields (with quick fills for what the app knows)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.trees.model import Question, QuestionType
from kakanai.services.counter.inputs import date_reading, date_text, katakana_as_typed
from kakanai.services.counter.postal_lookup import lookup_postal_code

FIELD_STYLE = "font-size: 15pt;"
READING_STYLE = "color: #335; font-size: 12pt;"
ERROR_COLOUR = "color: #c00000;"
ERROR_STYLE = ERROR_COLOUR + " font-size: 12pt;"
MAX_NUMBERED = 9
OFFER_CHARS = 18  # a longer offer is cut on its button (the tooltip has all of it)


class AnswerField(QWidget):
    """An answer being typed: ``value()`` is the raw answer for the session and
    ``set_value`` shows a remembered (normalised) one. ``changed`` on every edit."""

    changed = Signal()
    blank_hint = "入力してください。"

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def focus_first(self) -> None:
        self.setFocus()

    def check(self) -> bool:
        """Check what can be checked before the session sees it (inline); True when fine."""
        return True

    def is_blank(self) -> bool:
        value = self.value()
        return value is None or value in ("", [])


class ChoiceField(AnswerField):
    """Numbered buttons; digit keys 1–9 pick (or, for several answers, toggle) a choice.
    ``chosen`` follows a digit that picked one. ``compact``: the buttons in one row, showing
    only their numbers when the labels are long (the chosen label is read back beside them,
    the page lists every label once), as a per-member row has them."""

    chosen = Signal()
    blank_hint = "数字キーで選んでください。"

    def __init__(
        self,
        question: Question,
        parent: QWidget | None = None,
        *,
        mnemonics: bool = True,
        compact: bool = False,
    ) -> None:
        super().__init__(parent)
        self.multi = question.type is QuestionType.MULTI
        if question.type is QuestionType.YESNO:
            options = [("はい", "はい"), ("いいえ", "いいえ")]
        else:
            options = [(c.value, c.label) for c in question.choices]
        self.values = [value for value, _ in options]
        self.labels = [label for _, label in options]
        self.numbers_only = compact and not short_labels(self.labels)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.multi)
        layout = QHBoxLayout(self) if compact else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12 if compact else 4)
        for number, (_, label) in enumerate(options, start=1):
            shown = str(number)
            if number <= MAX_NUMBERED and mnemonics:
                shown = f"&{number}"
            kind = QCheckBox if self.multi else QRadioButton
            text = shown if self.numbers_only else f"{shown}  {label}"
            button: QAbstractButton = kind(text, self)
            button.setToolTip(label)
            button.setStyleSheet("font-size: 15pt; padding: 3px;")
            self.group.addButton(button, number - 1)
            layout.addWidget(button)
        self.reading = QLabel(self)  # the chosen label, when the buttons show numbers only
        self.reading.setWordWrap(True)
        self.reading.setStyleSheet(READING_STYLE)
        self.reading.setVisible(self.numbers_only)
        if compact:
            layout.addWidget(self.reading, 1)
        self.group.buttonToggled.connect(lambda *_: self._on_toggled())

    @property
    def buttons(self) -> list[QAbstractButton]:
        return self.group.buttons()

    def _on_toggled(self) -> None:
        chosen = [
            label for label, b in zip(self.labels, self.buttons, strict=True) if b.isChecked()
        ]
        self.reading.setText("・".join(chosen))
        self.changed.emit()

    def value(self) -> object:
        chosen = [self.values[i] for i, b in enumerate(self.buttons) if b.isChecked()]
        if self.multi:
            return chosen
        return chosen[0] if chosen else None

    def set_value(self, value: object) -> None:
        if isinstance(value, bool):
            value = "はい" if value else "いいえ"
        wanted = set(value) if isinstance(value, list) else {value}
        for choice, button in zip(self.values, self.buttons, strict=True):
            button.setChecked(choice in wanted)

    def focus_first(self) -> None:
        checked = [b for b in self.buttons if b.isChecked()]
        (checked or self.buttons)[0].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        if len(text) == 1 and text.isdigit() and 1 <= int(text) <= len(self.buttons):
            button = self.buttons[int(text) - 1]
            button.setChecked(not button.isChecked() if self.multi else True)
            button.setFocus()
            event.accept()
            if not self.multi:
                self.chosen.emit()
            return
        super().keyPressEvent(event)


SHORT_LABELS = 24  # characters of all labels together that still fit on one row


def short_labels(labels: list[str]) -> bool:
    """Whether the labels fit beside their numbers on one row (はい/いいえ, 男/女)."""
    return sum(len(label) + 3 for label in labels) <= SHORT_LABELS


class LineField(AnswerField):
    """One line of text with a reading under it (a date in 和暦, a postal code's town), and
    buttons that fill in what the app already knows (``offer``)."""

    def __init__(
        self,
        question: Question,
        parent: QWidget | None = None,
        *,
        caption: bool = True,
        near: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.near = near  # the interview's day: a date typed as 1115 is the one near it
        self.editor = QLineEdit(self)
        self.editor.setStyleSheet(FIELD_STYLE)
        self.editor.setMinimumWidth(280)
        self.editor.setPlaceholderText(_PLACEHOLDERS.get(question.type, ""))
        self.reading = QLabel(self)
        self.reading.setWordWrap(True)
        self.reading.setStyleSheet(READING_STYLE)
        self.offer_buttons: list[QPushButton] = []
        self.offer_keys: list[int] = []  # the F-key number of each offer
        # One offer a line: two side by side (本籍: 前住所と同じ, 新住所と同じ) are wider than
        # the page at 1024 pixels and would push the text out of view.
        self.offers = QVBoxLayout()
        self.offers.setContentsMargins(0, 0, 0, 0)
        self.offers.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if caption:
            label = QLabel("回答(&A)", self)
            label.setBuddy(self.editor)
            layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addLayout(self.offers)
        layout.addWidget(self.reading)
        self.editor.textEdited.connect(self._on_text_edited)
        self.editor.textChanged.connect(lambda _text: self.changed.emit())

    def value(self) -> object:
        return self.editor.text()

    def set_value(self, value: object) -> None:
        if isinstance(value, dt.date):
            value = date_text(value)
        self.editor.setText("" if value is None else str(value))
        self._show_reading()

    def focus_first(self) -> None:
        self.editor.setFocus()
        self.editor.selectAll()

    def offer(self, label: str, text: str, *, key: int | None = None) -> QPushButton:
        """A button that puts ``text`` in the field (for example 世帯主と同じ). Its key is
        F``key`` anywhere in the window while the field is shown (a page numbers its offers,
        so 筆頭者's 世帯主と同じ is one key from 本籍); without one, the field's first offer is
        F2, the next F3, while the focus is in the field."""
        number = key if key is not None else 2 + len(self.offer_buttons)
        shown = text if len(text) <= OFFER_CHARS else text[: OFFER_CHARS - 1] + "…"
        button = QPushButton(f"{label}: {shown} (F{number})", self)
        button.setToolTip(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: self._take_offer(text))
        shortcut = QShortcut(QKeySequence(f"F{number}"), self)
        shortcut.setContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
            if key is None
            else Qt.ShortcutContext.WindowShortcut
        )
        shortcut.activated.connect(button.click)
        self.offer_keys.append(number)
        self.offers.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.offer_buttons.append(button)
        return button

    def _take_offer(self, text: str) -> None:
        self.editor.setText(text)
        self.editor.setFocus()
        self.editor.end(False)
        self._show_reading()

    def _on_text_edited(self, text: str) -> None:
        if self.question.type is QuestionType.KATAKANA:
            retype_as_katakana(self.editor, text)
        self._show_reading()

    def _show_reading(self) -> None:
        text = self.editor.text()
        if self.question.type is QuestionType.DATE:
            reading = date_reading(text, self.near)
            self._say(reading.text, reading.error)
        elif self.question.type is QuestionType.POSTAL_CODE:
            found = lookup_postal_code(text) if len(text.strip()) >= 7 else None
            self._say(found.line if found else "", "")

    def _say(self, text: str, error: str) -> None:
        self.reading.setText(error or text)
        self.reading.setStyleSheet(ERROR_STYLE if error else READING_STYLE)


_PLACEHOLDERS = {
    QuestionType.DATE: "例: R081115、R8.11.15、2026-11-15(近い日は月日だけ: 1115)",
    QuestionType.KATAKANA: "例: ヤマダ タロウ(ひらがなで入力してもカタカナになります)",
    QuestionType.PHONE: "例: 090-1234-5678(ハイフンなしでも可)",
    QuestionType.POSTAL_CODE: "例: 100-0001",
    QuestionType.NUMBER: "数字で入力",
}


def retype_as_katakana(editor: QLineEdit, text: str) -> None:
    """Put ``text`` just typed back as katakana, the cursor where it was."""
    converted = katakana_as_typed(text)
    if converted != text:
        cursor = editor.cursorPosition()
        editor.setText(converted)
        editor.setCursorPosition(cursor)
