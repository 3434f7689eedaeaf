"""Statistics mode (統計): for a period and a grouping, the headline figures, a chart and the
table of the grouping, the handoff matrix, the interview-time distribution, the time per
question and the 公表用 table. The database counts off the GUI thread; every chart can be
copied or saved as PNG and every table exported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from kakanai.core.errors import KakanaiError
from kakanai.core.stats.durations import minutes_text
from kakanai.core.stats.figures import GroupFigures, Report
from kakanai.core.stats.periods import Grouping, Period
from kakanai.services.stats import exporting, source, tables
from kakanai.services.stats.preferences import save_preferences
from kakanai.services.workspace import Workspace
from kakanai.ui.desk.background import Background
from kakanai.ui.modes import ModeView
from kakanai.ui.stats.period_bar import PeriodBar
from kakanai.ui.stats.plotting import BarChart
from kakanai.ui.stats.preferences_dialog import PreferencesDialog
from kakanai.ui.stats.table_panel import TablePanel

CHART_BARS = 12  # more bars than this leave no room for their names
HISTOGRAM_MINUTES = 30  # the interview-time chart shows 0–30 minutes, longer ones at the end


class StatsView(ModeView):
    mode_id = "stats"
    mode_label = "統計"
    menu_title = "統計(&S)"

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.source = source.open_source(workspace)
        self._background = Background(self)
        self._ticket = 0
        self._counted: tuple[Period, Grouping] | None = None
        self.shown: tuple[Period, Grouping] | None = None  # what the table and chart show
        self._lazy: dict[int, Callable[[], None]] = {}
        self.bar = PeriodBar(workspace.now().date())
        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        self.chart = BarChart("来庁件数")
        self.table = TablePanel()
        self.matrix = TablePanel()
        self.durations = BarChart("面談時間の分布(件)")
        self.questions = TablePanel()
        self.public = TablePanel()
        for reporter in (self.chart, self.table, self.matrix, self.durations, self.questions,
                         self.public):  # fmt: skip
            reporter.reported.connect(self.status)
        self.tabs = self._build_tabs()
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.figures)
        layout.addWidget(self.tabs, 1)
        self.bar.counted.connect(self.count)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._actions = self._build_actions()
        self.bar.emit_counted()

    def _build_tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        grouped = QSplitter(Qt.Orientation.Vertical)
        grouped.addWidget(self.chart)
        grouped.addWidget(self.table)
        grouped.setSizes([260, 300])
        tabs.addTab(grouped, "集計(&G)")
        tabs.addTab(self.matrix, "連携の流れ(&H)")
        tabs.addTab(self.durations, "面談時間(&T)")
        tabs.addTab(self.questions, "設問別の時間(&Q)")
        tabs.addTab(self.public, "公表用(&P)")
        return tabs

    def _build_actions(self) -> list[QAction]:
        found = []
        for text, keys, slot in (
            ("集計し直す(&R)", "F5", self.recount),
            ("すべての表をExcelで保存(&E)…", "Ctrl+S", self.save_workbook_dialog),
            ("表示中の図をコピー(&C)", "Ctrl+Shift+C", self.copy_chart),
            ("時間の目安と秘匿の設定(&M)…", None, self.edit_preferences),
        ):
            action = QAction(text, self)
            if keys:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            found.append(action)
        return found

    def menu_actions(self) -> list[QAction]:
        return self._actions

    def activate(self) -> None:
        self.bar.preset.setFocus()

    # --- counting (in the background; a newer request drops older results) ---

    def count(self, period: Period, grouping: Grouping) -> None:
        same_period = self._counted is not None and self._counted[0] == period
        self._counted = (period, grouping)
        self._ticket += 1
        ticket = self._ticket
        self.status.emit("集計しています…")
        if same_period and grouping is not Grouping.MONTH:
            work: Callable[[], Any] = lambda: (None, source.grouped(self.source, period, grouping))  # noqa: E731
        else:
            work = lambda: _counted_both(self.source, period, grouping)  # noqa: E731
        self._background.run(work, lambda found: self._on_counted(ticket, found), self._on_failed)

    def recount(self) -> None:
        self._counted = None
        self.bar.emit_counted()

    def wait_idle(self, msecs: int = 60_000) -> bool:
        """Wait for counting in progress (screenshots, tests)."""
        return self._background.wait(msecs)

    def _on_counted(self, ticket: int, found: tuple[Any, list[GroupFigures]]) -> None:
        if ticket != self._ticket or self._counted is None:
            return
        period, grouping = self._counted
        overview, rows = found
        if overview is not None:
            self._overview = overview
            self._show_overview(overview)
        report = _report(period, grouping, rows, self._overview)
        self.table.set_table(tables.grouping_table(report))
        self._show_chart(period, grouping, rows)
        self.shown = (period, grouping)
        self._lazy = {3: self._load_questions, 4: self._load_public}
        self._on_tab_changed(self.tabs.currentIndex())
        self.status.emit(f"{period.label} を集計しました。")

    def _show_chart(self, period: Period, grouping: Grouping, rows: list[GroupFigures]) -> None:
        """Visits per group (a department desk: its scans); many groups: the largest."""
        values = [(row.label, row.cases or row.scans) for row in rows]
        title = f"{grouping.title}の来庁件数({period.label})"
        if len(values) > CHART_BARS:
            values = sorted(values, key=lambda pair: -pair[1])[:CHART_BARS]
            title = f"{grouping.title}の来庁件数 上位{CHART_BARS}({period.label})"
        self.chart.set_title(title)
        horizontal = grouping is not Grouping.MONTH
        self.chart.show_bars([v[0] for v in values], [v[1] for v in values], horizontal=horizontal)

    def _show_overview(self, overview: source.Overview) -> None:
        total = overview.total
        per = total.writings_per_case
        self.figures.setText(
            "<span style='font-size: 12pt;'>"
            f"来庁 <b>{total.cases:,}</b>件 ・ 手続き <b>{total.procedures:,}</b>件 ・ "
            f"連携 <b>{total.handoffs:,}</b>件 ・ 面談時間 中央値 "
            f"<b>{minutes_text(total.durations.median)}</b>(90%: "
            f"{minutes_text(total.durations.p90)})<br>記入を省いた氏名・住所・生年月日 "
            f"<b>{total.forms.prefill.writings:,}</b>回(1来庁あたり "
            f"{0.0 if per is None else per:.1f}回) ・ 記入時間の削減(推計) 約"
            f"<b>{total.minutes_saved / 60:,.0f}</b>時間</span>"
        )
        self.matrix.set_table(tables.matrix_table(overview.matrix))
        self.durations.show_bars(*_histogram(total))

    def _on_tab_changed(self, index: int) -> None:
        load = self._lazy.pop(index, None)
        if load is not None:
            load()

    def _load_questions(self) -> None:
        period = self._period()
        self._background.run(
            lambda: source.question_times(self.source, period),
            lambda found: self.questions.set_table(tables.questions_table(found)),
            self._on_failed,
        )

    def _load_public(self) -> None:
        period = self._period()
        self._background.run(
            lambda: source.public_table(self.source, period),
            lambda found: self.public.set_table(tables.public_sheet(found)),
            self._on_failed,
        )

    def _period(self) -> Period:
        return self._counted[0] if self._counted is not None else self.bar.period

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, KakanaiError):
            self.status.emit(f"{error.code.code} {error.message}")
            return
        raise error

    # --- actions ---

    def copy_chart(self) -> None:
        chart = self.durations if self.tabs.currentIndex() == 2 else self.chart
        chart.copy()

    def save_workbook_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Excelで保存", "統計.xlsx", "Excel (*.xlsx)")
        if name:
            self.save_workbook(Path(name))

    def save_workbook(self, path: Path) -> None:
        period = self._period()
        self._background.run(
            lambda: exporting.write_xlsx(source.workbook_tables(self.source, period), path),
            lambda _: self.status.emit(f"保存しました: {path}"),
            self._on_failed,
        )

    def edit_preferences(self) -> None:
        dialog = PreferencesDialog(self.source.preferences, self.source.names.departments, self)
        if dialog.exec():
            chosen = dialog.chosen()
            save_preferences(self.workspace.data_dir, chosen)
            self.source = self.source.with_preferences(chosen)
            self.recount()

    def close(self) -> bool:
        self._background.wait()
        return super().close()


def _counted_both(
    found: source.StatsSource, period: Period, grouping: Grouping
) -> tuple[source.Overview, list[GroupFigures]]:
    overview = source.overview(found, period)
    if grouping is Grouping.MONTH:
        return overview, overview.months
    return overview, source.grouped(found, period, grouping)


def _report(
    period: Period, grouping: Grouping, rows: list[GroupFigures], overview: source.Overview
) -> Report:
    return Report(period, grouping, rows, overview.total, overview.matrix, [])


def _histogram(total: GroupFigures) -> tuple[list[str], list[float]]:
    """Visits per whole minute of interview (the last bar: that long or longer)."""
    counts = [0] * (HISTOGRAM_MINUTES + 1)
    for seconds, count in total.durations.counts.items():
        counts[min(seconds // 60, HISTOGRAM_MINUTES)] += count
    labels = [f"{m}分" if m % 5 == 0 else "" for m in range(HISTOGRAM_MINUTES)]
    labels.append(f"{HISTOGRAM_MINUTES}分〜")
    return labels, [float(c) for c in counts]
