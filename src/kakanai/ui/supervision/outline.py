"""The outline of the draft: the tree itself, its sections with their questions, computed
values, procedures by department and the departments — each id with its Japanese text, and
marked when it has a problem. Choosing one opens its form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from kakanai.core.errors import Problem
from kakanai.services.tree_editing.places import Kind, Place

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
GROUPS = {
    Kind.COMPUTED: "計算値",
    Kind.PROCEDURE: "手続き(課ごと)",
    Kind.DEPARTMENT: "課",
}


class Outline(QTreeWidget):
    place_chosen = Signal(object)  # a Place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._items: dict[tuple[str, str], QTreeWidgetItem] = {}
        self.currentItemChanged.connect(self._on_current_changed)

    def show_places(self, places: list[Place], departments: dict[str, str]) -> None:
        """Rebuild the outline; the chosen item and the open groups stay as they were."""
        chosen = self.current_place()
        self.blockSignals(True)
        self.clear()
        self._items.clear()
        sections: dict[str, QTreeWidgetItem] = {}
        groups: dict[object, QTreeWidgetItem] = {}
        questions_group = None
        for place in places:
            if place.kind is Kind.META:
                self._add(self.invisibleRootItem(), place, f"設問ツリー: {place.label}")
                questions_group = self._group(self.invisibleRootItem(), "セクションと設問")
            elif place.kind is Kind.SECTION:
                parent = questions_group or self.invisibleRootItem()
                sections[place.id] = self._add(parent, place, f"■ {place.label}")
            elif place.kind is Kind.QUESTION:
                parent = sections.get(place.parent) or self.invisibleRootItem()
                self._add(parent, place, place.label)
            elif place.kind is Kind.PROCEDURE:
                group = self._kind_group(groups, Kind.PROCEDURE)
                name = departments.get(place.parent, place.parent or "(課なし)")
                department = groups.get(place.parent)
                if department is None:
                    department = groups[place.parent] = self._group(group, name)
                self._add(department, place, place.label)
            else:
                self._add(self._kind_group(groups, place.kind), place, place.label)
        self.expandToDepth(1)
        self.blockSignals(False)
        if chosen is not None:
            self.choose(chosen.key, emit=False)

    def mark_problems(self, problems_by_item: dict[tuple[str, str], list[Problem]]) -> None:
        """Red for an item with errors, orange for one with only warnings."""
        for key, item in self._items.items():
            found = problems_by_item.get(key, [])
            errors = [p for p in found if not p.is_warning]
            color = "#c62828" if errors else "#b26a00" if found else None
            item.setForeground(0, QBrush(QColor(color)) if color else QBrush())
            tip = "\n".join(f"{p.code.code} {p.message}" for p in found)
            place = item.data(0, PLACE_ROLE)
            item.setToolTip(0, tip or (place.label if isinstance(place, Place) else ""))

    def current_place(self) -> Place | None:
        item = self.currentItem()
        place = item.data(0, PLACE_ROLE) if item else None
        return place if isinstance(place, Place) else None

    def choose(self, key: tuple[str, str], *, emit: bool = True) -> bool:
        item = self._items.get(key)
        if item is None:
            return False
        if not emit:
            self.blockSignals(True)
        self.setCurrentItem(item)
        self.scrollToItem(item)
        self.blockSignals(False)
        return True

    def _add(self, parent: QTreeWidgetItem, place: Place, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        item.setData(0, PLACE_ROLE, place)
        item.setToolTip(0, place.label)
        self._items[place.key] = item
        return item

    def _group(self, parent: QTreeWidgetItem, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [text])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _kind_group(self, groups: dict[object, QTreeWidgetItem], kind: Kind) -> QTreeWidgetItem:
        if kind not in groups:
            groups[kind] = self._group(self.invisibleRootItem(), GROUPS[kind])
        return groups[kind]

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        place = current.data(0, PLACE_ROLE) if current else None
        if isinstance(place, Place):
            self.place_chosen.emit(place)
