"""The form of the item chosen in the outline: its fields read from the draft's YAML, each change
an edit of the YAML (one named undo step), its conditions' problems underlined where they are
and the item's other problems listed at the top."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError, Problem
from kakanai.core.trees.model import QuestionTree
from kakanai.services.tree_editing import diagnostics, fields
from kakanai.services.tree_editing.condition_check import ConditionChecker
from kakanai.services.tree_editing.fields import FieldKind, FieldSpec
from kakanai.services.tree_editing.places import Place, places
from kakanai.ui.supervision.document import TREE, DraftDocument
from kakanai.ui.supervision.field_widgets import ConditionField, Field, FlagField, make_field
from kakanai.ui.supervision.undo_keys import UndoToWindow

TITLE_STYLE = "font-size: 13pt; font-weight: bold;"
STRUCTURED_HINT = "条件つきの文に分けて書かれています。右の YAML で編集してください。"


class ItemForm(QWidget):
    problem_reported = Signal(str)  # an edit the YAML could not take (EDIT_ codes)
    rebuilt = Signal()  # the fields were made anew (the Tab order is set again)

    def __init__(self, document: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.place: Place | None = None
        self.fields: dict[str, Field] = {}
        self._origin: str | None = None  # the field whose edit is being applied
        self._checker: tuple[object, ConditionChecker] | None = None  # (reading, its checker)
        self._keys = UndoToWindow(self)
        self.title = QLabel("左の一覧から項目を選んでください。", self)
        self.title.setObjectName("item_title")
        self.title.setStyleSheet(TITLE_STYLE)
        self.title.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("item_problems")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        self.body = QWidget()
        self.rows = QFormLayout()
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        column = QVBoxLayout(self.body)
        column.setContentsMargins(4, 4, 4, 4)
        column.addLayout(self.rows)
        column.addStretch(1)  # rows keep their height; the space left is below them
        scroller = QScrollArea(self)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields in it
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.problems)
        layout.addWidget(scroller, 1)
        document.changed.connect(self._on_document_changed)
        document.checked.connect(self.show_problems)

    def show_place(self, place: Place | None) -> None:
        """Build the form of ``place`` (None: nothing chosen)."""
        self.place = place
        self.fields.clear()
        while self.rows.rowCount():
            self.rows.removeRow(0)
        if place is None:
            self.title.setText("左の一覧から項目を選んでください。")
            self.problems.hide()
            return
        self.title.setText(f"{place.kind.value} {place.label}")
        root = self.document.reading.root
        for spec in fields.fields_of(place.kind):
            if not fields.shown(spec, root, place):
                continue
            field = make_field(spec, self._tree, self._departments(), self._keys)
            field.set_value(fields.value_of(root, place, spec))
            if fields.structured(root, place, spec):
                field.show_read_only(STRUCTURED_HINT)
            field.committed.connect(lambda value, s=spec: self._on_committed(s, value))
            if isinstance(field, ConditionField):
                field.edit.finished.connect(self.document.end_typing)
                field.edit.textChanged.connect(lambda f=field: self._check_as_typed(f))
            self._add_row(spec, field)
            self.fields[spec.key] = field
        self.show_problems()
        self.rebuilt.emit()

    def focus_first(self) -> None:
        first = next(iter(self.fields.values()), None)
        if first is not None:
            first.focus_target().setFocus()

    def field(self, key: str) -> Field:
        return self.fields[key]

    def focus_chain(self) -> list[QWidget]:
        """The form's controls in the order Tab visits them: field by field, top down."""
        chain: list[QWidget] = []
        for field in self.fields.values():
            first = field.focus_target()
            inside = [
                w
                for w in field.findChildren(QWidget)
                if w is not first
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.window() is field.window()  # not a list's popup
            ]
            chain += [first, *inside]
        return chain

    # --- problems ---

    def show_problems(self) -> None:
        """Underline each condition's problems; list the item's others at the top."""
        place = self.place
        if place is None:
            return
        root, problems = self.document.reading.root, self.document.problems
        shown_in_fields = set()
        for key, field in self.fields.items():
            if not isinstance(field, ConditionField):
                continue
            path = [*place.path, key]
            written = fields.value_of(root, place, field.spec)
            if field.value() != written:
                continue  # typed ahead of the draft: keep the marks until it catches up
            found = diagnostics.marks(root, path, str(written), problems)
            shown_in_fields |= {id(m.problem) for m in found}
            field.show_marks(found)
        others = [p for p in self._item_problems() if id(p) not in shown_in_fields]
        lines = [f"{'⚠' if p.is_warning else '✖'} {p.message} [{p.code.code}]" for p in others]
        self.problems.setText("\n".join(lines))
        warnings_only = others and all(p.is_warning for p in others)
        self.problems.setStyleSheet(f"color: {'#b26a00' if warnings_only else '#c62828'};")
        self.problems.setVisible(bool(lines))

    def _check_as_typed(self, field: ConditionField) -> None:
        """Mark the condition's own problems at each keystroke (a few ms), before the draft
        takes the text and the whole tree is checked again."""
        place, reading = self.place, self.document.reading
        if place is None or reading.broken:
            return
        if self._checker is None or self._checker[0] is not reading:
            self._checker = (reading, ConditionChecker(reading.tree))
        checker = self._checker[1]
        field.show_marks(checker.marks(reading.root, place, field.spec.key, field.edit.condition()))

    def _item_problems(self) -> list[Problem]:
        place = self.place
        if place is None:
            return []
        reading, problems = self.document.reading, self.document.problems
        found = diagnostics.by_item(reading.root, places(reading.root), problems)
        return found.get(place.key, [])

    # --- editing ---

    def _on_committed(self, spec: FieldSpec, value: object) -> None:
        place = self.place
        if place is None:
            return
        document = self.document
        try:
            after = fields.edit(document.text, document.reading.root, place, spec, value)
        except KakanaiError as exc:
            self.problem_reported.emit(f"{exc.message} [{exc.code.code}]")
            return
        if after is None:
            return
        typing = spec.kind is FieldKind.CONDITION
        self._origin = spec.key
        try:
            merge = (place.key, spec.key) if typing else None
            document.apply(TREE, after, fields.step_name(place, spec), merge)
        finally:
            self._origin = None

    def _on_document_changed(self, which: str) -> None:
        if which != TREE or self.place is None:
            return
        place = self.place
        root = self.document.reading.root
        visible = [s for s in fields.fields_of(place.kind) if fields.shown(s, root, place)]
        if [s.key for s in visible] != list(self.fields):
            focused = self._origin
            self.show_place(place)  # a type or per change shows other fields
            if focused in self.fields:
                self.fields[focused].focus_target().setFocus()
            return
        for key, field in self.fields.items():
            if key != self._origin:
                field.set_value(fields.value_of(root, place, field.spec))

    def _add_row(self, spec: FieldSpec, field: Field) -> None:
        if isinstance(field, FlagField):
            self.rows.addRow("", field)
            return
        label = QLabel(spec.label, self.body)
        label.setBuddy(field.focus_target())
        self.rows.addRow(label, field)

    def _tree(self) -> QuestionTree:
        return self.document.reading.tree

    def _departments(self) -> list[tuple[str, str]]:
        return [(d.id, f"{d.name} ({d.id})") for d in self.document.reading.tree.departments]
