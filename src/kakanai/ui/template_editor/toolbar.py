"""The 様式 editor's bar: which template, sample and page are shown, the add, undo, redo and
save buttons, and (on a desk) whose template is open with the button that deletes the city's
copy to go back to the shipped one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kakanai.services.shipped_data import TemplateFile

SHIPPED_NOTE = (
    "同梱の標準の様式です。保存すると市の様式としてデータフォルダに保存され、"
    "標準の様式は変わりません。"
)
CITY_COPY_NOTE = "市の様式です(同梱の標準の様式の代わりに印刷されます)。"
CITY_OWN_NOTE = "市の様式です(市だけの様式で、同梱の標準の様式はありません)。"


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
        self.origin = QLabel()
        self.origin.setObjectName("template_origin")
        self.origin.setWordWrap(True)
        self.reset_button = QPushButton("市の様式を削除して標準に戻す(&T)")
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
        origin = QHBoxLayout()
        origin.addWidget(self.origin, 1)
        origin.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(origin)
        self.setTabOrder(self.save_button, self.reset_button)

    def show_origin(self, entry: TemplateFile | None) -> None:
        """Whose template is open: the shipped one or the city's (None: hide the line, as
        for a plain folder, where no copy is made)."""
        self.origin.setVisible(entry is not None)
        self.reset_button.setVisible(entry is not None)
        if entry is None:
            return
        if not entry.city:
            self.origin.setText(SHIPPED_NOTE)
        else:
            self.origin.setText(CITY_COPY_NOTE if entry.city_copy else CITY_OWN_NOTE)
        self.reset_button.setEnabled(entry.city_copy)


def template_label(entry: TemplateFile) -> str:
    """A template in the list: its id, marked when it is the city's own."""
    return f"{entry.id}(市の様式)" if entry.city else entry.id
