"""The address answer: a postal code fills prefecture, municipality and town from Japan
Post's offline data; the clerk completes 番地 and the building."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kakanai.services.counter.postal_lookup import PostalAddress, lookup_postal_code
from kakanai.ui.counter.answer_fields import FIELD_STYLE, READING_STYLE, AnswerField

POSTAL_DIGITS = 7
PARTS = (
    ("postal_code", "郵便番号(&Z)", "例: 1000001(入力すると住所が出ます)"),
    ("prefecture", "都道府県(&P)", ""),
    ("municipality", "市区町村(&C)", ""),
    ("town", "町名・丁目(&T)", ""),
    ("block", "番地・号(&G)", "例: 2番3号"),
    ("building", "建物名・部屋番号(&U)", "例: サンプルハイツ 101号室"),
)


class AddressField(AnswerField):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setVerticalSpacing(8)
        for key, label, placeholder in PARTS:
            editor = QLineEdit(self)
            editor.setStyleSheet(FIELD_STYLE)
            editor.setPlaceholderText(placeholder)
            editor.setMinimumWidth(280)
            editor.textChanged.connect(lambda _text: self.changed.emit())
            caption = QLabel(label, self)
            caption.setBuddy(editor)
            form.addRow(caption, editor)
            self.editors[key] = editor
        self.postal_note = QLabel(self)
        self.postal_note.setWordWrap(True)
        self.postal_note.setStyleSheet(READING_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.postal_note)
        layout.addStretch(1)
        self.editors["postal_code"].textEdited.connect(self._on_postal_code_edited)

    def value(self) -> object:
        return {key: editor.text() for key, editor in self.editors.items()}

    def is_blank(self) -> bool:
        return not any(editor.text().strip() for editor in self.editors.values())

    def set_value(self, value: object) -> None:
        parts = value if isinstance(value, Mapping) else {}
        for key, editor in self.editors.items():
            editor.setText(str(parts.get(key) or ""))

    def focus_first(self) -> None:
        self.editors["postal_code"].setFocus()

    def _on_postal_code_edited(self, text: str) -> None:
        digits = sum(ch.isdigit() for ch in text)
        if digits < POSTAL_DIGITS:
            self.postal_note.clear()
            return
        found = lookup_postal_code(text)
        if found is None:
            self.postal_note.setText("この郵便番号は見つかりません。住所を入力してください。")
            return
        self.fill(found)

    def fill(self, found: PostalAddress) -> None:
        """Fill what the code tells and put the cursor where the clerk goes on typing."""
        self.editors["prefecture"].setText(found.prefecture)
        self.editors["municipality"].setText(found.municipality)
        self.editors["town"].setText(found.town)
        several = len(found.towns) > 1
        self.editors["postal_code"].setText(found.postal_code)
        note = (
            f"町名の候補: {'、'.join(found.towns)}。" if several else f"{found.line} を入れました。"
        )
        self.postal_note.setText(note + " 番地と建物名を入力してください。")
        if not found.municipality:
            self.editors["municipality"].setFocus()
        elif not found.town:
            self.editors["town"].setFocus()
        else:
            self.editors["block"].setFocus()
