"""The statistics mode around a real workspace with sample visits: it counts in the
background, shows the grouping chosen, loads the 公表用 table when its tab opens, and its
charts and tables save as PNG, CSV and XLSX."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kakanai.benchmarks.stats_demo import write_visits
from kakanai.benchmarks.stats_visits import visits
from kakanai.core.stats.periods import Grouping, fiscal_year
from kakanai.core.stats.sheets import Table
from kakanai.services.workspace import Workspace
from kakanai.ui.application import MODES
from kakanai.ui.main_window import MainWindow
from kakanai.ui.stats.table_model import StatsTableModel
from kakanai.ui.stats.view import StatsView

YEAR = fiscal_year(2025)


@pytest.fixture
def view(qtbot: QtBot, workspace: Workspace) -> StatsView:
    write_visits(workspace.engine, visits(80, YEAR, seed=9))
    shown = StatsView(workspace)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    return shown


def counted(qtbot: QtBot, view: StatsView, grouping: Grouping) -> None:
    view.bar.choose(YEAR, grouping)
    view.wait_idle()
    qtbot.waitUntil(lambda: view.shown == (YEAR, grouping))


def test_ctrl_4_opens_the_statistics_mode(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace, MODES)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view.mode_id == "stats"
    assert "統計モード" in window.windowTitle()
    window.current_view.wait_idle()  # type: ignore[attr-defined]


def test_the_table_shows_one_row_per_department_and_the_total(
    qtbot: QtBot, view: StatsView
) -> None:
    counted(qtbot, view, Grouping.DEPARTMENT)
    model = view.table.model
    first = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert first[0] == "市民課"
    assert first[-1] == "合計"
    assert model.data(model.index(model.rowCount() - 1, 1)) == "80"  # every visit


def test_the_public_table_is_counted_when_its_tab_opens(qtbot: QtBot, view: StatsView) -> None:
    counted(qtbot, view, Grouping.MONTH)
    assert view.public.model.rowCount() == 0
    view.tabs.setCurrentIndex(4)
    view.wait_idle()
    qtbot.waitUntil(lambda: view.public.model.rowCount() > 0)
    assert view.public.model.table.headings[-1] == "合計"


def test_a_chart_saves_as_png(qtbot: QtBot, view: StatsView, tmp_path: Path) -> None:
    counted(qtbot, view, Grouping.MONTH)
    target = tmp_path / "chart.png"
    assert view.chart.save(target)
    image = QImage(str(target))
    assert not image.isNull()
    assert image.width() > 200
    assert len(view.chart.values) == 12  # a bar a month


def test_a_table_saves_as_csv_and_xlsx(qtbot: QtBot, view: StatsView, tmp_path: Path) -> None:
    counted(qtbot, view, Grouping.DESK)
    assert view.table.save(tmp_path / "desk.csv", "csv")
    assert (tmp_path / "desk.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert view.table.save(tmp_path / "desk.xlsx", "xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "desk.xlsx")["窓口別"]
    assert "窓口・端末" in [c for row in sheet.iter_rows(values_only=True) for c in row]


def test_the_model_shows_seconds_as_minutes_and_numbers_grouped() -> None:
    table = Table("t", ["月", "来庁件数", "面談時間 中央値(秒)"], [["4月", 12345, 530]])
    model = StatsTableModel(table)
    assert [model.data(model.index(0, c)) for c in range(3)] == ["4月", "12,345", "8分50秒"]
    assert model.as_text().splitlines()[1] == "4月\t12345\t530"
