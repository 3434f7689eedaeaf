"""Whose template the 様式 editor has open, on a desk: the shipped one (saving it makes the
city's copy) or the city's, with the button that deletes the city's copy to print the shipped
template again. Beside the status line, so it costs the page no height."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kakanai.services.shipped_data import TemplateFile

SHIPPED_NOTE = "同梱の標準の様式(保存すると市の様式になり、標準の様式は変わりません)"
CITY_COPY_NOTE = "市の様式(同梱の標準の様式の代わりに印刷します)"
CITY_OWN_NOTE = "市の様式(市だけの様式です)"


class OriginLine(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setObjectName("template_origin")
        self.reset_button = QPushButton("市の様式を削除して標準に戻す(&T)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.reset_button)
        self.hide()

    def show_origin(self, entry: TemplateFile | None) -> None:
        """Whose template is open (None: a plain folder, where no copy is made: hidden)."""
        self.setVisible(entry is not None)
        if entry is None:
            return
        if not entry.city:
            self.note.setText(SHIPPED_NOTE)
        else:
            self.note.setText(CITY_COPY_NOTE if entry.city_copy else CITY_OWN_NOTE)
        self.reset_button.setEnabled(entry.city_copy)
