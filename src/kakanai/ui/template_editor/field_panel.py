"""The selected field's form: its name, its kind, what it prints (by Japanese label), its
box in millimetres, and what the checker says about it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import Problem
from kakanai.core.forms.model import Box
from kakanai.services.template_editing.fields import KINDS, TemplateField, kind_label
from kakanai.ui.template_editor.binding_picker import BindingPicker

READS = {k.kind: k.reads for k in KINDS}


class _Column(QVBoxLayout):
    """A column that asks for no more than its minimum height in a scroll area: with its
    word-wrapped labels it would report a height for its width (its preferred one), which
    makes the editor's scroll area scroll as soon as the form is shorter than it wishes."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return False


class FieldPanel(QWidget):
    """Edits one field; every change is a signal the editor turns into a named step."""

    renamed = Signal(str)
    kind_chosen = Signal(str)
    box_typed = Signal(object)  # Box
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setAccessibleName("項目名")
        self.kind = QComboBox()
        self.kind.setAccessibleName("種類")
        for kind in KINDS:
            self.kind.addItem(kind.label, kind.kind)
        self.value = QLabel()
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.picker = BindingPicker()
        self.spins = [self._spin(name) for name in ("左", "上", "幅", "高さ")]
        self.delete = QPushButton("項目を削除(&D)")
        self.messages = QLabel()
        self.messages.setWordWrap(True)
        self.messages.setTextFormat(Qt.TextFormat.PlainText)
        self.messages.setStyleSheet("color: #b00000;")
        self._build()
        self.name.editingFinished.connect(self._on_name_edited)
        self.kind.activated.connect(self._on_kind_activated)
        for spin in self.spins:
            spin.editingFinished.connect(self._on_box_edited)
        self.delete.clicked.connect(self.delete_requested)
        self._field: TemplateField | None = None

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setRange(0.0, 500.0)
        spin.setSuffix(" mm")
        spin.setAccessibleName(f"{name}(mm)")
        spin.setKeyboardTracking(False)
        return spin

    def _build(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        name_label = QLabel("項目名(&N):")
        name_label.setBuddy(self.name)
        kind_label_widget = QLabel("種類(&K):")
        kind_label_widget.setBuddy(self.kind)
        form.addRow(name_label, self.name)
        form.addRow(kind_label_widget, self.kind)
        form.addRow("値:", self.value)
        grid = QGridLayout()
        for column, (text, spin) in enumerate(
            zip(("左(&X)", "上(&Y)", "幅(&W)", "高さ(&H)"), self.spins, strict=True)
        ):
            label = QLabel(text)
            label.setBuddy(spin)
            grid.addWidget(label, 0, column)
            grid.addWidget(spin, 1, column)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.delete)
        layout = _Column(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.picker, 1)
        layout.addLayout(grid)
        layout.addWidget(self.messages)
        layout.addLayout(buttons)

    def show_field(self, field: TemplateField | None, label: str, problems: list[Problem]) -> None:
        """Show ``field`` (None: nothing selected) with its binding's label and problems."""
        self._field = field
        for widget in (self.name, self.delete, *self.spins):
            widget.setEnabled(field is not None)
        if field is None:  # the kind and the value chosen now are the next new field's
            self.name.clear()
            self.kind.setEnabled(True)
            self.picker.setEnabled(True)
            hint = "ページの空いたところをドラッグすると、この種類の項目を置けます。"
            self.value.setText(f"{label}\n{hint}" if label else hint)
            self.messages.clear()
            return
        self.name.setText(field.name)
        index = self.kind.findData(field.kind)
        if index < 0:  # a kind the editor does not offer (a signature, a code): shown as is
            self.kind.addItem(kind_label(field.kind), field.kind)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.kind.setEnabled(field.kind in READS and field.kind != "table")
        # a table reads its members, a signature or a seal nothing: no value to choose
        self.picker.setEnabled(field.kind in READS and field.kind != "table")
        shown = label or field.value or "(なし)"
        self.value.setText(f"{shown}\n{field.value}" if label else shown)
        for spin, value in zip(self.spins, _numbers(field.box), strict=True):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.show_messages(problems)

    def show_messages(self, problems: list[Problem]) -> None:
        """What the checker says about the field (the rest of the form left as typed)."""
        self.messages.setText("\n".join(f"{p.code.code} {p.message}" for p in problems))

    def chosen_kind(self) -> str:
        return str(self.kind.currentData())

    def reads(self) -> str | None:
        return READS.get(self.chosen_kind())

    def _on_name_edited(self) -> None:
        if self._field is not None and self.name.text().strip() != self._field.name:
            self.renamed.emit(self.name.text())

    def _on_kind_activated(self, _index: int) -> None:
        if self._field is not None and self.chosen_kind() != self._field.kind:
            self.kind_chosen.emit(self.chosen_kind())

    def _on_box_edited(self) -> None:
        if self._field is None:
            return
        box = Box(*(spin.value() for spin in self.spins))
        if box != self._field.box:
            self.box_typed.emit(box)


def _numbers(box: Box | None) -> tuple[float, float, float, float]:
    return (box.x, box.y, box.w, box.h) if box is not None else (0.0, 0.0, 0.0, 0.0)
