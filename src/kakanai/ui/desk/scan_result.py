"""After a scan: the case number, the 処理済み banner, the summary limited to this
department, its forms (one per member where per-member) and the selected form's pages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kakanai.services.desk.session import DeskScan
from kakanai.services.forms.rendering import RenderedForm
from kakanai.ui.desk.form_preview import PREVIEW_DPI, FormPreview
from kakanai.ui.desk.summary_html import handoff_text, summary_html, validity_text
from kakanai.ui.printing import page_images

_BANNER = "padding: 6px; border-radius: 3px; font-size: 12pt;"


class ScanResultPanel(QSplitter):
    """Emits ``preview_shown`` when a form's pages are on screen."""

    preview_shown = Signal()

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._scan: DeskScan | None = None
        self._pages: dict[int, list[QImage]] = {}
        self.case_label = QLabel()
        self.case_label.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.case_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.validity = QLabel()
        self.validity.setStyleSheet("color: #555555;")
        self.validity.setWordWrap(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.forms_list = QListWidget()
        self.forms_list.currentRowChanged.connect(self._on_form_selected)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.preview = FormPreview()
        self.addWidget(self._info_column(actions))
        self.addWidget(self.preview)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)

    def _info_column(self, actions: Sequence[QAction]) -> QWidget:
        column = QWidget()
        column.setMinimumWidth(420)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self.case_label)
        layout.addWidget(self.validity)
        layout.addWidget(self.banner)
        summary_label = QLabel("案件の内容(この課の分のみ)(&U)")
        summary_label.setBuddy(self.summary)
        layout.addWidget(summary_label)
        layout.addWidget(self.summary, 3)
        forms_label = QLabel("この課の様式(&L)")
        forms_label.setBuddy(self.forms_list)
        layout.addWidget(forms_label)
        layout.addWidget(self.forms_list, 1)
        buttons = QGridLayout()
        for number, action in enumerate(actions):
            buttons.addWidget(_button(action), number // 2, number % 2)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)
        return column

    @property
    def scan(self) -> DeskScan | None:
        return self._scan

    def selected_form(self) -> RenderedForm | None:
        row = self.forms_list.currentRow()
        if self._scan is None or not 0 <= row < len(self._scan.forms):
            return None
        return self._scan.forms[row]

    def show_scan(self, scan: DeskScan, first_pages: list[QImage]) -> None:
        """Show ``scan``; ``first_pages`` are the first form's pages, rendered already."""
        self._scan = scan
        self._pages = {0: first_pages} if first_pages else {}
        self.problem.hide()
        self.case_label.setText(f"受付番号 {scan.case_id}")
        self.validity.setText(validity_text(scan))
        text, warns = handoff_text(scan)
        colours = "background: #ffe0b2; color: #6d3d00;" if warns else "background: #e3f2e6;"
        self.banner.setStyleSheet(_BANNER + colours + ("font-weight: bold;" if warns else ""))
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
        self.summary.setHtml(summary_html(scan.summary))
        self.forms_list.blockSignals(True)
        self.forms_list.clear()
        for form in scan.forms:
            self.forms_list.addItem(_form_item(form, scan))
        self.forms_list.blockSignals(False)
        if scan.forms:
            self.forms_list.setCurrentRow(0)
            self._on_form_selected(0)
        else:
            self.forms_list.addItem("(この課の手続きには印刷する様式がありません)")
            self.preview.clear()
            self.preview_shown.emit()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _on_form_selected(self, row: int) -> None:
        if self._scan is None or not 0 <= row < len(self._scan.forms):
            return
        pages = self._pages.get(row)
        if pages is None:
            pages = page_images(self._scan.forms[row].pdf, dpi=PREVIEW_DPI)
            self._pages[row] = pages
        self.preview.show_pages(pages)
        self.preview_shown.emit()


def _form_item(form: RenderedForm, scan: DeskScan) -> QListWidgetItem:
    member = ""
    if form.member is not None:
        names = [m.fields[0][1] for m in scan.summary.members if m.index == form.member]
        member = f"({names[0]}さん)" if names else ""
    mark = "【要確認】" if form.warnings else ""
    item = QListWidgetItem(f"{mark}{form.title}{member}")
    tip = [form.file_name, *form.warnings]
    item.setToolTip("\n".join(tip))
    return item


def _button(action: QAction) -> QPushButton:
    button = QPushButton(action.text())
    button.setEnabled(action.isEnabled())
    button.clicked.connect(action.trigger)
    action.changed.connect(lambda: button.setEnabled(action.isEnabled()))
    return button
