"""The settings dialog: what this desk is, where it prints and stores. Values set by
environment variables are shown but cannot be changed here."""

from __future__ import annotations

import dataclasses

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kakanai.core.errors import KakanaiError
from kakanai.services.settings import (
    ENVIRONMENT,
    LABELS,
    change_settings,
    settings_from,
)
from kakanai.services.workspace import Workspace

MODE_NAMES = {
    "counter": "窓口(面談と案内票)",
    "desk": "連携課(読み取りと様式の印刷)",
    "supervision": "監修(設問ツリーの編集と決裁)",
    "stats": "統計(件数と記入の削減)",
}
LAYOUT_NAMES = {"a4": "A4", "receipt80": "レシート(80mm)"}
DIALOG_PRINTER = "(毎回、印刷ダイアログで選ぶ)"
PRINTER_NOTE = (
    "プリンター名を選ぶか入力します。folder:フォルダ と入力すると、印刷する代わりに"
    "PDFをそのフォルダに保存します。\n例: folder:C:\\kakanai\\印刷"
)


class SettingsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("設定")
        self.workspace = workspace
        self.saved = False
        settings = workspace.settings
        database = QLineEdit(settings.database_url)
        database.setPlaceholderText("空欄: このパソコンのSQLiteファイル")
        self.fields: dict[str, QWidget] = {
            "city": QLineEdit(settings.city),
            "desk": QLineEdit(settings.desk),
            "mode": _combo(MODE_NAMES, settings.mode),
            "department": _combo(
                {d.id: d.name for d in workspace.runtime.tree.departments}, settings.department
            ),
            "printer": _printer_combo(settings.printer),
            "slip_layout": _combo(LAYOUT_NAMES, settings.slip_layout),
            "database_url": database,
            "camera": _spin(settings.camera, 0, 9),
            "retention_days": _spin(settings.retention_days, 1, 3650),
        }
        form = QFormLayout()
        for name, widget in self.fields.items():
            label = QLabel(f"{LABELS[name]}(&{_MNEMONICS[name]}):")
            label.setBuddy(widget)
            if name in workspace.loaded.overridden:
                widget.setEnabled(False)
                widget.setToolTip(f"環境変数 {ENVIRONMENT[name]} で指定されています。")
            form.addRow(label, widget)
            if name == "printer":
                form.addRow("", _note(PRINTER_NOTE))
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存(&V)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("キャンセル")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> dict[str, object]:
        """The settings as chosen; those without a field here (the questionnaire) stay."""
        values: dict[str, object] = dataclasses.asdict(self.workspace.settings)
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                values[name] = widget.text()
            elif isinstance(widget, QSpinBox):
                values[name] = widget.value()
            elif isinstance(widget, QComboBox) and widget.isEditable():
                text = widget.currentText().strip()
                values[name] = "" if text == DIALOG_PRINTER else text
            elif isinstance(widget, QComboBox):
                data = widget.currentData()
                values[name] = widget.currentText() if data is None else data
        return values

    def save(self) -> None:
        """Check and save; a bad value is shown under the form and nothing is written."""
        loaded = self.workspace.loaded
        try:
            chosen = settings_from(self.values())
        except KakanaiError as exc:
            self.error.setText(exc.message)
            return
        self.workspace.loaded = change_settings(loaded, chosen)
        self.saved = True
        self.accept()


_MNEMONICS = {
    "city": "C",
    "desk": "D",
    "mode": "M",
    "department": "B",
    "printer": "P",
    "slip_layout": "L",
    "database_url": "U",
    "camera": "A",
    "retention_days": "R",
}


def _combo(names: dict[str, str], current: str) -> QComboBox:
    combo = QComboBox()
    for key, name in names.items():
        combo.addItem(name, key)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _printer_combo(current: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItem(DIALOG_PRINTER, "")
    for name in QPrinterInfo.availablePrinterNames():
        combo.addItem(name, name)
    index = combo.findData(current)
    if index < 0:
        combo.addItem(current, current)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
    combo.setToolTip("プリンター名、または folder:フォルダ で PDF をフォルダに保存します。")
    return combo


def _note(text: str) -> QLabel:
    note = QLabel(text)
    note.setWordWrap(True)
    note.setStyleSheet("color: #444; font-size: 10pt;")
    return note


def _spin(value: int, lowest: int, highest: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(lowest, highest)
    spin.setValue(value)
    return spin
