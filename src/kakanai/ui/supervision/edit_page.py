"""The editing page: the outline, the chosen item's form and the YAML side by side, kept in
step with the draft (an edit on either side shows on the other at once)."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from kakanai.adapters.yaml_editing import line_range
from kakanai.core.errors import KakanaiError, Problem
from kakanai.services.tree_editing import diagnostics
from kakanai.services.tree_editing.places import Place, places
from kakanai.ui.supervision.document import TREE, DraftDocument
from kakanai.ui.supervision.item_form import ItemForm
from kakanai.ui.supervision.outline import Outline
from kakanai.ui.supervision.yaml_pane import YamlPane

PANE_TITLE = "font-weight: bold;"
YAML_STEP = "YAMLを直接編集"


class EditPage(QWidget):
    reported = Signal(str)

    def __init__(self, document: DraftDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.outline = Outline(self)
        self.form = ItemForm(document, self)
        self.yaml = YamlPane(self)
        self.broken = QLabel(
            "YAML に書き方の誤りがあるため、フォームでは編集できません。"
            "右の YAML を直してください。",
            self,
        )
        self.broken.setObjectName("yaml_broken")
        self.broken.setWordWrap(True)
        self.broken.setStyleSheet("color: #c62828; font-weight: bold;")
        self.broken.hide()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._titled("項目(&O)", self.outline))
        splitter.addWidget(self._form_column())
        splitter.addWidget(self._titled("YAML(&L)", self.yaml))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.outline.place_chosen.connect(self._on_place_chosen)
        self.yaml.typed.connect(self._on_yaml_typed)
        self.yaml.finished.connect(document.end_typing)
        self.form.problem_reported.connect(self.reported)
        self.form.rebuilt.connect(self._set_tab_order)
        document.changed.connect(self._on_changed)
        document.checked.connect(self._on_checked)
        document.opened.connect(lambda: self.form.show_place(None))
        self._on_changed(TREE)

    def choose(self, place_key: tuple[str, str]) -> bool:
        """Open an item's form (as choosing it in the outline does)."""
        return self.outline.choose(place_key)

    def go_to_problem(self, problem: Problem) -> None:
        """The item a problem is in, and its line in the YAML."""
        reading = self.document.reading
        found = diagnostics.by_item(reading.root, places(reading.root), [problem])
        for key in found:
            self.choose(key)
        self.yaml.go_to_line(problem.line)

    def resize_panes(self, width: int) -> None:
        """Share the width: the outline narrow, the form and the YAML about the same."""
        outline = max(220, min(360, width * 2 // 9))
        rest = width - outline
        self.splitter.setSizes([outline, rest * 11 // 20, rest * 9 // 20])

    def _form_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.broken)
        layout.addWidget(self.form, 1)
        return column

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        label = QLabel(title, box)
        label.setStyleSheet(PANE_TITLE)
        label.setBuddy(widget)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.setSpacing(2)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    def _on_changed(self, which: str) -> None:
        if which != TREE:
            return
        reading = self.document.reading
        self.yaml.show_text(self.document.text)
        self.broken.setVisible(reading.broken)
        self.form.setEnabled(not reading.broken)
        if reading.broken:
            return
        departments = {d.id: d.name for d in reading.tree.departments}
        self.outline.show_places(places(reading.root), departments)
        place = self.outline.current_place()
        if place is not None:
            self._shade(place)

    def _on_checked(self) -> None:
        reading, problems = self.document.reading, self.document.problems
        self.yaml.show_problems(problems)
        if not reading.broken:
            self.outline.mark_problems(
                diagnostics.by_item(reading.root, places(reading.root), problems)
            )

    def _on_place_chosen(self, place: Place) -> None:
        if self.form.place is None or self.form.place.key != place.key:
            self.form.show_place(place)
        self._shade(place)

    def _shade(self, place: Place) -> None:
        try:
            first, last = line_range(self.document.text, list(place.path))
        except KakanaiError:
            return
        self.yaml.show_item(first, last)

    def _set_tab_order(self) -> None:
        """Fields are made when an item is chosen, after everything else: put them between
        the outline and the YAML for Tab."""
        chain = [self.outline, *self.form.focus_chain(), self.yaml]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _on_yaml_typed(self, text: str) -> None:
        self.document.apply(TREE, text, YAML_STEP, merge="yaml")
