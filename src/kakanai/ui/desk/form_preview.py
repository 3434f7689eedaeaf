"""The page preview of one form: its rendered pages one under the other, scrollable, scaled
to the width of the view, or each page whole in the view, or zoomed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

PREVIEW_DPI = 150
"""Pages are rendered once at this resolution and scaled to the view."""
PAGE_GAP = 12
FIT_WIDTH = 0.0
FIT_PAGE = -1.0  # each page whole in the view (the zoom for checking a layout at a glance)


class FormPreview(QScrollArea):
    """Shows pages; ``zoom`` FIT_WIDTH or FIT_PAGE, otherwise a factor of the rendered
    size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QScrollArea { background: #6b6b6b; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pages: list[QPixmap] = []
        self._labels: list[QLabel] = []
        self.zoom = 0.0
        sheet = QWidget()
        sheet.setStyleSheet("background: #6b6b6b;")
        self._column = QVBoxLayout(sheet)
        self._column.setSpacing(PAGE_GAP)
        self._column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._column.addStretch(1)
        self.setWidget(sheet)
        self._placeholder = QLabel("様式を選ぶと、ここに印刷される内容が表示されます。")
        self._placeholder.setStyleSheet("color: white; background: transparent;")
        self._placeholder.setWordWrap(True)
        self._column.insertWidget(0, self._placeholder)

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def show_pages(self, images: list[QImage]) -> None:
        self._pages = [QPixmap.fromImage(image) for image in images]
        for label in self._labels:
            label.deleteLater()
        self._labels = []
        for number, _page in enumerate(self._pages):
            label = QLabel()
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setAccessibleName(f"{number + 1}ページ目")
            self._column.insertWidget(number, label)
            self._labels.append(label)
        self._placeholder.setVisible(not self._pages)
        self._scale()
        self.verticalScrollBar().setValue(0)

    def shown_sizes(self) -> list[tuple[float, float]]:
        """Each page's size on screen in logical pixels (width, height)."""
        sizes = []
        for label in self._labels:
            pixmap = label.pixmap()
            ratio = pixmap.devicePixelRatio() or 1.0
            sizes.append((pixmap.width() / ratio, pixmap.height() / ratio))
        return sizes

    def clear(self) -> None:
        self.show_pages([])

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._scale()

    def zoom_by(self, factor: float) -> None:
        """Zoom from what is shown now (fit width included), within 25 %–400 %."""
        self.set_zoom(min(max(self.effective_zoom() * factor, 0.25), 4.0))

    def effective_zoom(self) -> float:
        """The shown size against the page at 96 dpi (1.0 = 100 %)."""
        if not self._pages or not self._labels or self._labels[0].pixmap().isNull():
            return 1.0
        shown = self._labels[0].pixmap().width() / self.devicePixelRatioF()
        return shown / (self._pages[0].width() * 96 / PREVIEW_DPI)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.zoom in (FIT_WIDTH, FIT_PAGE):
            self._scale()

    def _scale(self) -> None:
        ratio = self.devicePixelRatioF()
        room = self.viewport().width() - 2 * PAGE_GAP
        height = self.viewport().height() - 2 * PAGE_GAP
        for page, label in zip(self._pages, self._labels, strict=True):
            if self.zoom == FIT_WIDTH:
                width = max(room, 100)
            elif self.zoom == FIT_PAGE:
                whole = round(page.width() * height / max(page.height(), 1))
                width = max(min(room, whole), 100)
            else:
                width = round(page.width() * 96 / PREVIEW_DPI * self.zoom)
            scaled = page.scaledToWidth(
                round(width * ratio), Qt.TransformationMode.SmoothTransformation
            )
            scaled.setDevicePixelRatio(ratio)
            label.setPixmap(scaled)
