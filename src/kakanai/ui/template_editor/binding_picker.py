"""Choosing what a field prints: type words of its Japanese label (郵便番号, 世帯主 氏名) and
pick from the case fields that match; only those the field's kind can show are listed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kakanai.services.template_editing.bindings import Bindable, search

SHOWN = 200  # more matches than this: type more words


class _SearchLine(QLineEdit):
    """Down moves into the list of matches, so the keyboard never leaves the picker."""

    def __init__(self, results: QListWidget) -> None:
        super().__init__()
        self._results = results

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Down and self._results.count():
            self._results.setFocus()
            self._results.setCurrentRow(0)
            return
        super().keyPressEvent(event)


class BindingPicker(QWidget):
    """A search line over the bindables and the matching ones, label first, path after."""

    binding_chosen = Signal(object)  # Bindable

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bindables: list[Bindable] = []
        self._reads: str | None = None
        self.results = QListWidget()
        self.results.setAccessibleName("値の候補")
        self.search = _SearchLine(self.results)
        self.search.setPlaceholderText("例: 郵便番号、世帯主 氏名、異動日")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("値を探す")
        label = QLabel("値を探す(&B):")
        label.setBuddy(self.search)
        self.results.setUniformItemSizes(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        self.search.textChanged.connect(self._on_search_changed)
        self.search.returnPressed.connect(self._choose_first)
        self.results.itemActivated.connect(self._on_item_activated)

    def set_bindables(self, bindables: Sequence[Bindable], reads: str | None) -> None:
        """The case fields to choose from, for a field of a kind that reads ``reads``."""
        self._bindables = list(bindables)
        self._reads = reads
        self._fill()

    def matches(self) -> list[Bindable]:
        return search(self._bindables, self.search.text(), self._reads)[:SHOWN]

    def _on_search_changed(self, _text: str) -> None:
        self._fill()

    def _fill(self) -> None:
        self.results.clear()
        for bindable in self.matches():
            item = QListWidgetItem(f"{bindable.label}  〔{bindable.group}〕")
            item.setToolTip(bindable.source)
            item.setData(Qt.ItemDataRole.UserRole, bindable)
            self.results.addItem(item)

    def _choose_first(self) -> None:
        if self.results.count():
            self._on_item_activated(self.results.item(0))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.binding_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
