"""Bar charts with pyqtgraph (the one module that imports it: it runs on PySide6-Essentials,
where Qt Charts would need the larger Addons package). A chart can be copied to the
clipboard or saved as PNG, each with a key."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

BAR_COLOR = "#3b6ea5"
MAX_LABEL = 14  # characters of a category shown under its bar; the rest in the tooltip

# exitCleanup: pyqtgraph walks every object at exit to delete its scenes itself; with
# PySide6 6.12 that crashed the interpreter at exit (bool_dealloc) once a chart had been
# deleted with its window. Qt deletes the scenes with their views anyway.
pg.setConfigOptions(antialias=True, background="w", foreground="#222222", exitCleanup=False)


class BarChart(QWidget):
    """A titled bar chart: vertical bars for a few categories (months), horizontal ones
    (labels on the left) for many. ``reported`` says what was copied or saved."""

    reported = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(f"<b>{title}</b>")
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        copy = QPushButton("図をコピー")
        copy.setToolTip("Ctrl+Shift+C")
        copy.clicked.connect(self.copy)
        save = QPushButton("PNGで保存…")
        save.clicked.connect(self.save_dialog)
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(copy)
        bar.addWidget(save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+C"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.copy)
        self.values: list[float] = []

    def set_title(self, title: str) -> None:
        self.title.setText(f"<b>{title}</b>")

    def show_bars(
        self, labels: Sequence[str], values: Sequence[float], *, horizontal: bool = False
    ) -> None:
        self.values = list(values)
        self.plot.clear()
        font = QFont(self.font())
        font.setPointSize(9)
        positions = list(range(len(values)))
        ticks = [[(i, _short(label)) for i, label in enumerate(labels)]]
        if horizontal:
            # The first category on top, as in the table.
            ys = [len(values) - 1 - i for i in positions]
            item = pg.BarGraphItem(x0=0, y=ys, height=0.6, width=list(values), brush=BAR_COLOR)
            left = self.plot.getAxis("left")
            left.setTicks([[(len(values) - 1 - i, text) for i, text in ticks[0]]])
            left.setTickFont(font)
            self.plot.getAxis("bottom").setTicks(None)
        else:
            item = pg.BarGraphItem(x=positions, height=list(values), width=0.6, brush=BAR_COLOR)
            bottom = self.plot.getAxis("bottom")
            bottom.setTicks(ticks)
            bottom.setTickFont(font)
            self.plot.getAxis("left").setTicks(None)
        self.plot.addItem(item)
        self.plot.autoRange()

    def copy(self) -> None:
        QGuiApplication.clipboard().setPixmap(self.plot.grab())
        self.reported.emit("図をクリップボードにコピーしました。")

    def save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "図を保存", "統計.png", "PNG (*.png)")
        if name:
            self.save(Path(name))

    def save(self, path: Path) -> bool:
        saved = self.plot.grab().save(str(path), "PNG")
        self.reported.emit(f"図を保存しました: {path}" if saved else f"図を保存できません: {path}")
        return bool(saved)


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
