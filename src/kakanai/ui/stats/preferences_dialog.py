"""Setting the time model (minutes per form, per department, seconds per field) and the
threshold under which the 公表用 table hides a count; saved in statistics.json."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from kakanai.core.stats.time_model import MAX_MINUTES, TimeModel
from kakanai.services.stats.preferences import MAX_THRESHOLD, StatsPreferences

INTRO = (
    "記入時間の削減は、事前に印字した様式1枚あたりの分(課ごとに変えられます)と、"
    "事前記入した項目1つあたりの秒から計算します。既定値は青梅市の公表値(異動届で約2分、"
    "こども育成課で約3分)です。"
)


class PreferencesDialog(QDialog):
    def __init__(
        self,
        preferences: StatsPreferences,
        departments: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("時間の目安と秘匿の設定")
        model = preferences.model
        form = QFormLayout(self)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.per_form = _minutes(model.minutes_per_form)
        form.addRow("様式1枚あたり(分)(&M)", self.per_form)
        self.departments = {key: _minutes(model.form_minutes(key)) for key in departments}
        for key, spin in self.departments.items():
            form.addRow(f"  {departments[key]}(分)", spin)
        self.per_field = _minutes(model.seconds_per_field)
        form.addRow("記入項目1つあたり(秒)(&F)", self.per_field)
        self.threshold = QSpinBox()
        self.threshold.setRange(0, MAX_THRESHOLD)
        self.threshold.setValue(preferences.threshold)
        form.addRow("公表用: この件数未満を秘匿(&T)", self.threshold)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> StatsPreferences:
        general = self.per_form.value()
        departments = {
            key: spin.value() for key, spin in self.departments.items() if spin.value() != general
        }
        model = TimeModel(general, departments, self.per_field.value())
        return StatsPreferences(model, self.threshold.value())


def _minutes(value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.0, MAX_MINUTES)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setValue(value)
    return spin
