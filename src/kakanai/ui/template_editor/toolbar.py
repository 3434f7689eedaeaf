"""The 様式 editor's bar: which template, sample and page are shown, and the add, undo, redo
and save buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from kakanai.services.shipped_data import TemplateFile


class TemplateBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = QComboBox()
        self.templates.setAccessibleName("様式")
        self.samples = QComboBox()
        self.samples.setAccessibleName("見本データ")
        self.pages = QComboBox()
        self.pages.setAccessibleName("ページ")
        for combo, length in ((self.templates, 10), (self.samples, 10), (self.pages, 4)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(length)
        self.add_button = QPushButton("追加(&A)")
        self.add_button.setToolTip(
            "選んだ種類の項目をページの見えている所の中央に置きます(矢印キーで動かせます)"
        )
        self.undo_button = QPushButton("元に戻す(&U)")
        self.redo_button = QPushButton("やり直す(&R)")
        self.save_button = QPushButton("保存(&S)")
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for text, widget in (("様式(&F):", self.templates), ("見本(&M):", self.samples),
                             ("ページ(&G):", self.pages)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget, 1 if widget is not self.pages else 0)
        for button in (self.add_button, self.undo_button, self.redo_button, self.save_button):
            top.addWidget(button)
        top.setContentsMargins(0, 0, 0, 0)
        self.setLayout(top)


def template_label(entry: TemplateFile) -> str:
    """A template in the list: its id, marked when it is the city's own."""
    return f"{entry.id}(市の様式)" if entry.city else entry.id
