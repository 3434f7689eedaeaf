"""One widget per kind of field in an item's form. Each shows a value, hands a changed value on
with ``committed`` (a line when Enter is pressed or focus leaves, a choice when chosen, a
condition when typing pauses) and names the widget a label's mnemonic should focus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.trees.model import QuestionTree
from kakanai.services.tree_editing.diagnostics import Mark
from kakanai.services.tree_editing.fields import FieldKind, FieldSpec, parse_ids
from kakanai.ui.supervision.condition_edit import ERROR_COLOR, ConditionEdit
from kakanai.ui.supervision.undo_keys import UndoToWindow, hand_undo_to_window

HINT_STYLE = "color: #555; font-size: 9pt;"


class Field(QWidget):
    committed = Signal(object)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)

    def focus_target(self) -> QWidget:
        return self

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def show_read_only(self, why: str) -> None:
        """Show the value without letting the form change it, and say why."""
        for box in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            box.setReadOnly(True)
        note = QLabel(why, self)
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        self.layout_.addWidget(note)

    def add_hint(self) -> None:
        if self.spec.hint:
            hint = QLabel(self.spec.hint, self)
            hint.setWordWrap(True)
            hint.setStyleSheet(HINT_STYLE)
            self.layout_.addWidget(hint)


class _LongBox(QPlainTextEdit):
    left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        self.left.emit()
        super().focusOutEvent(event)


class LineField(Field):
    """A line of text, a number, a date or ids with commas."""

    def __init__(self, spec: FieldSpec, keys: UndoToWindow, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.box = QLineEdit(self)
        hand_undo_to_window(self.box, keys)
        self.box.editingFinished.connect(self._on_finished)
        self.layout_.addWidget(self.box)
        self.add_hint()

    def focus_target(self) -> QWidget:
        return self.box

    def value(self) -> object:
        text = self.box.text().strip()
        kind = self.spec.kind
        if kind is FieldKind.IDS:
            return parse_ids(text)
        if kind is FieldKind.NUMBER:
            return _number(text)
        if kind is FieldKind.DATE:
            return _date(text)
        return text

    def set_value(self, value: object) -> None:
        if isinstance(value, list):
            shown = ", ".join(str(v) for v in value)
        elif isinstance(value, dt.date):
            shown = value.isoformat()
        else:
            shown = "" if value is None else str(value)
        if shown != self.box.text():
            self.box.setText(shown)
            self.box.setCursorPosition(0)  # a long text shows its beginning
        self.box.setStyleSheet("")

    def _on_finished(self) -> None:
        text = self.box.text().strip()
        valid = text == "" or self.value() is not None
        self.box.setStyleSheet("" if valid else f"border: 2px solid {ERROR_COLOR.name()};")
        self.box.setToolTip("" if valid else _INVALID.get(self.spec.kind, ""))
        if valid:
            self.committed.emit(self.value())


_INVALID = {
    FieldKind.NUMBER: "数で書いてください(例: 300)。",
    FieldKind.DATE: "日付を 2026-12-01 の形で書いてください。",
}


class TextBoxField(Field):
    """Several lines: a help text or reason, or a list with one item a line."""

    def __init__(self, spec: FieldSpec, keys: UndoToWindow, parent: QWidget | None = None):
        super().__init__(spec, parent)
        self.box = _LongBox(self)
        self.box.setTabChangesFocus(True)
        lines = {FieldKind.LIST: 4, FieldKind.LONG_TEXT: 3}.get(spec.kind, 2)
        self.box.setFixedHeight(self.box.fontMetrics().lineSpacing() * lines + 12)
        hand_undo_to_window(self.box, keys)
        self.box.left.connect(lambda: self.committed.emit(self.value()))
        self.layout_.addWidget(self.box)
        self.add_hint()

    def focus_target(self) -> QWidget:
        return self.box

    def value(self) -> object:
        text = self.box.toPlainText()
        if self.spec.kind is FieldKind.LIST:
            return [line.strip() for line in text.splitlines() if line.strip()]
        return " ".join(line.strip() for line in text.splitlines()).strip()

    def set_value(self, value: object) -> None:
        shown = "\n".join(str(v) for v in value) if isinstance(value, list) else str(value or "")
        if shown != self.box.toPlainText():
            self.box.setPlainText(shown)


class OptionField(Field):
    """One of fixed options (a type, per household or member) or of the departments."""

    def __init__(
        self, spec: FieldSpec, options: Sequence[tuple[str, str]], parent: QWidget | None = None
    ):
        super().__init__(spec, parent)
        self.box = QComboBox(self)
        for value, shown in options:
            self.box.addItem(shown, value)
        self.box.activated.connect(lambda _index: self.committed.emit(self.value()))
        self.layout_.addWidget(self.box)

    def focus_target(self) -> QWidget:
        return self.box

    def value(self) -> object:
        return self.box.currentData()

    def set_value(self, value: object) -> None:
        index = self.box.findData(value)
        if index < 0 and value:
            self.box.addItem(f"{value}(不明)", value)
            index = self.box.count() - 1
        self.box.setCurrentIndex(index)


class FlagField(Field):
    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.box = QCheckBox(spec.label, self)
        self.box.clicked.connect(lambda checked: self.committed.emit(bool(checked)))
        self.layout_.addWidget(self.box)

    def focus_target(self) -> QWidget:
        return self.box

    def value(self) -> object:
        return self.box.isChecked()

    def set_value(self, value: object) -> None:
        self.box.setChecked(bool(value))


class ConditionField(Field):
    """A condition with live diagnostics under it and completion."""

    def __init__(
        self,
        spec: FieldSpec,
        tree: Callable[[], QuestionTree],
        keys: UndoToWindow,
        parent: QWidget | None = None,
    ):
        super().__init__(spec, parent)
        self.edit = ConditionEdit(tree, self)
        self.edit.setObjectName(f"condition_{spec.key}")
        self.edit.installEventFilter(keys)
        self.edit.typed.connect(lambda text: self.committed.emit(text.strip()))
        self.messages = QLabel(self)
        self.messages.setObjectName(f"diagnostics_{spec.key}")
        self.messages.setWordWrap(True)
        self.messages.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.messages.hide()
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.messages)
        self.add_hint()

    def focus_target(self) -> QWidget:
        return self.edit

    def value(self) -> object:
        return self.edit.condition().strip()

    def set_value(self, value: object) -> None:
        self.edit.set_condition(str(value or ""))

    def show_marks(self, marks: Sequence[Mark]) -> None:
        self.edit.show_marks(marks)
        lines = [f"{'⚠' if m.problem.is_warning else '✖'} {m.message}" for m in marks]
        self.messages.setText("\n".join(lines))
        color = "#b26a00" if marks and all(m.problem.is_warning for m in marks) else "#c62828"
        self.messages.setStyleSheet(f"color: {color};")
        self.messages.setVisible(bool(lines))


class ChoicesField(Field):
    """The options of a choice question: a value and the label the clerk sees."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels(["値(条件で使う)", "表示(窓口で見える)"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        self.table.setMinimumHeight(self.table.fontMetrics().lineSpacing() * 6)
        self.table.itemChanged.connect(lambda _item: self._on_changed())
        add = QPushButton("選択肢を追加", self)
        remove = QPushButton("選んだ選択肢を削除", self)
        add.clicked.connect(self._add_row)
        remove.clicked.connect(self._remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.layout_.addWidget(self.table)
        self.layout_.addLayout(buttons)
        self._filling = False

    def focus_target(self) -> QWidget:
        return self.table

    def value(self) -> object:
        rows = []
        for row in range(self.table.rowCount()):
            value, label = (self._cell(row, column) for column in (0, 1))
            if value:
                rows.append((value, label or value))
        return rows

    def set_value(self, value: object) -> None:
        if value == self.value():
            return
        self._filling = True
        choices = value if isinstance(value, list) else []
        self.table.setRowCount(len(choices))
        for row, (written, label) in enumerate(choices):
            self.table.setItem(row, 0, QTableWidgetItem(written))
            self.table.setItem(row, 1, QTableWidgetItem(label))
        self._filling = False

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def _on_changed(self) -> None:
        if not self._filling:
            self.committed.emit(self.value())

    def _add_row(self) -> None:
        self.table.setRowCount(self.table.rowCount() + 1)
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.currentItem() or self._new_item())

    def _new_item(self) -> QTableWidgetItem:
        item = QTableWidgetItem("")
        self.table.setItem(self.table.rowCount() - 1, 0, item)
        return item

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.committed.emit(self.value())


def make_field(
    spec: FieldSpec,
    tree: Callable[[], QuestionTree],
    departments: Sequence[tuple[str, str]],
    keys: UndoToWindow,
) -> Field:
    """The widget for one field of a form."""
    kind = spec.kind
    if kind is FieldKind.CONDITION:
        return ConditionField(spec, tree, keys)
    if kind in (FieldKind.LONG_TEXT, FieldKind.LIST, FieldKind.WRAPPED_TEXT):
        return TextBoxField(spec, keys)
    if kind is FieldKind.OPTION:
        return OptionField(spec, spec.options)
    if kind is FieldKind.DEPARTMENT:
        return OptionField(spec, departments)
    if kind is FieldKind.FLAG:
        return FlagField(spec)
    if kind is FieldKind.CHOICES:
        return ChoicesField(spec)
    return LineField(spec, keys)


def _number(text: str) -> int | float | None:
    text = text.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    try:
        number = float(text)
    except ValueError:
        return None
    return int(number) if number.is_integer() and "." not in text else number


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
