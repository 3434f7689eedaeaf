"""Choosing what the statistics show: a period (this or last fiscal year, this or last month,
or any dates) and a grouping. Keyboard first: every control has a mnemonic, Enter counts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from kakanai.core.stats.periods import (
    Grouping,
    Period,
    fiscal_year,
    fiscal_year_label,
    fiscal_year_of,
    month_period,
)

CUSTOM = "期間を指定"


def presets(today: dt.date) -> dict[str, Period]:
    """The periods a supervisor asks for most, by their Japanese names."""
    this_year = fiscal_year_of(today)
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    return {
        f"今年度({fiscal_year_label(this_year)})": Period(fiscal_year(this_year).start, today),
        f"前年度({fiscal_year_label(this_year - 1)})": fiscal_year(this_year - 1),
        "今月": Period(today.replace(day=1), today),
        "先月": month_period(last_month),
    }


class PeriodBar(QWidget):
    """``counted`` is emitted with the chosen period and grouping (button or Enter)."""

    counted = Signal(object, object)

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._presets = presets(today)
        self.preset = QComboBox()
        self.preset.addItems([*self._presets, CUSTOM])
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.preset.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.grouping = QComboBox()
        for grouping in Grouping:
            self.grouping.addItem(grouping.title, grouping)
        self.count_button = QPushButton("集計(&U)")
        self.count_button.setDefault(True)
        self.count_button.clicked.connect(self.emit_counted)
        self.preset.currentTextChanged.connect(self._on_preset_chosen)
        self.grouping.currentIndexChanged.connect(self.emit_counted)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, field in (("期間(&K)", self.preset), ("開始(&F)", self.start),
                            ("終了(&O)", self.end), ("単位(&B)", self.grouping)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(field)
            layout.addWidget(label)
            layout.addWidget(field)
        layout.addWidget(self.count_button)
        layout.addStretch(1)
        self._on_preset_chosen(self.preset.currentText())

    def choose(self, period: Period, grouping: Grouping) -> None:
        """Show ``period`` and ``grouping`` (as a clerk would pick them) and count."""
        named = next((name for name, p in self._presets.items() if p == period), CUSTOM)
        self.preset.blockSignals(True)
        self.preset.setCurrentText(named)
        self.preset.blockSignals(False)
        self._show(period)
        self.grouping.blockSignals(True)
        self.grouping.setCurrentIndex(list(Grouping).index(grouping))
        self.grouping.blockSignals(False)
        self.emit_counted()

    @property
    def period(self) -> Period:
        start, end = _day(self.start.date()), _day(self.end.date())
        return Period(min(start, end), max(start, end))

    @property
    def chosen_grouping(self) -> Grouping:
        found = self.grouping.currentData()
        return found if isinstance(found, Grouping) else Grouping.MONTH

    def emit_counted(self) -> None:
        self.counted.emit(self.period, self.chosen_grouping)

    def _on_preset_chosen(self, name: str) -> None:
        period = self._presets.get(name)
        custom = period is None
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if period is not None:
            self._show(period)
            self.emit_counted()

    def _show(self, period: Period) -> None:
        self.start.setDate(_qdate(period.start))
        self.end.setDate(_qdate(period.end))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())
