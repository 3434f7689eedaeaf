"""The page of a form template with every field's box over it, in millimetres: the filled
preview as the picture, boxes outlined (red when the checker has something to say), drawn
with the mouse, moved by dragging or with the arrow keys, resized from the corner."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from kakanai.core.forms.model import Box
from kakanai.services.template_editing.fields import FieldRef

MM_PER_INCH = 25.4
SMALLEST = 2.0  # mm: a drag shorter than this is a click, not a new box
GRID = 0.5  # mm: drawn and dragged boxes snap to half millimetres
CORNER = 2.0  # mm: a press this near a box's bottom-right corner resizes it
STEP = 0.5  # mm per arrow key (Shift: 0.1 mm; Ctrl: resize)
OK_COLOR = QColor(30, 90, 200)
PROBLEM_COLOR = QColor(200, 30, 30)
NEW_COLOR = QColor(0, 140, 60)


@dataclass(frozen=True)
class ShownField:
    """What the canvas draws for one field."""

    ref: FieldRef
    name: str
    box: Box
    problems: tuple[str, ...] = ()


def snapped(value: float) -> float:
    return round(value / GRID) * GRID


class PageCanvas(QGraphicsView):
    """Scene units are millimetres from the paper's top-left corner."""

    box_drawn = Signal(object)  # Box: a new field's place
    field_clicked = Signal(object)  # FieldRef
    box_changed = Signal(object, object, bool)  # FieldRef, Box, resized
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("様式のページ")
        self.setToolTip(
            "空いたところをドラッグして項目を置きます。枠をドラッグで移動、右下の角で大きさを変えます。"
            "矢印キーで0.5mm(Shiftで0.1mm)動かし、Ctrl+矢印で大きさを変え、Deleteで削除します。"
        )
        self._paper = QGraphicsRectItem()
        self._picture = QGraphicsPixmapItem()
        self.scene().addItem(self._paper)
        self.scene().addItem(self._picture)
        self._paper.setBrush(QBrush(Qt.GlobalColor.white))
        self._size = (210.0, 297.0)
        self._fields: list[ShownField] = []
        self._items: dict[FieldRef, QGraphicsRectItem] = {}
        self._caption = QGraphicsRectItem()
        self.selected: FieldRef | None = None
        self._press: QPointF | None = None
        self._drag: tuple[str, FieldRef | None, Box | None] | None = None
        self._rubber: QGraphicsRectItem | None = None
        self.set_paper(210.0, 297.0)

    # -- content ---------------------------------------------------------------------------

    def set_paper(self, width: float, height: float) -> None:
        self._size = (width, height)
        self._paper.setRect(0, 0, width, height)
        self.scene().setSceneRect(-5, -5, width + 10, height + 10)
        self._fit()

    def set_picture(self, image: QImage | None, dpi: int) -> None:
        """The page as printed (background, drawn parts, sample values) at ``dpi``."""
        if image is None:
            self._picture.setPixmap(QPixmap())
            return
        self._picture.setPixmap(QPixmap.fromImage(image))
        self._picture.setScale(MM_PER_INCH / dpi)
        self._picture.setTransformationMode(Qt.TransformationMode.SmoothTransformation)

    def set_fields(self, fields: list[ShownField], selected: FieldRef | None) -> None:
        for item in self._items.values():
            self.scene().removeItem(item)
        self._items.clear()
        self._fields = list(fields)
        for shown in fields:
            item = QGraphicsRectItem(_rect(shown.box))
            item.setZValue(2)
            item.setToolTip("\n".join((shown.name, *shown.problems)))
            self.scene().addItem(item)
            self._items[shown.ref] = item
        self.select(selected)

    def select(self, ref: FieldRef | None) -> None:
        self.selected = ref if ref in self._items else None
        for shown in self._fields:
            item = self._items[shown.ref]
            color = PROBLEM_COLOR if shown.problems else OK_COLOR
            chosen = shown.ref == self.selected
            pen = QPen(color, 0.6 if chosen else 0.3)
            pen.setCosmetic(False)
            item.setPen(pen)
            fill = QColor(color)
            fill.setAlpha(60 if chosen else 18)
            item.setBrush(QBrush(fill))
        self._show_caption()

    def shown(self, ref: FieldRef) -> ShownField | None:
        """What the canvas draws for the field (its box and its problems)."""
        return next((f for f in self._fields if f.ref == ref), None)

    def free_box(self, width: float = 40.0, height: float = 8.0) -> Box:
        """A box of this size in the middle of what the view shows, for a field added with
        the keyboard (then moved with the arrow keys)."""
        center = self.mapToScene(self.viewport().rect().center())
        x = min(max(snapped(center.x() - width / 2), 0.0), self._size[0] - width)
        y = min(max(snapped(center.y() - height / 2), 0.0), self._size[1] - height)
        return Box(x, y, width, height)

    def field_box(self, ref: FieldRef) -> Box | None:
        return next((f.box for f in self._fields if f.ref == ref), None)

    def _show_caption(self) -> None:
        """The selected field's name above its box, on white so the form shows through
        only around it."""
        if self._caption.scene() is not None:
            self.scene().removeItem(self._caption)
        shown = next((f for f in self._fields if f.ref == self.selected), None)
        if shown is None:
            return
        text = QGraphicsSimpleTextItem(shown.name)
        font = text.font()
        font.setPointSizeF(3.0)  # scene units are millimetres: about 3 mm high on paper
        text.setFont(font)
        text.setBrush(QBrush(PROBLEM_COLOR if shown.problems else OK_COLOR))
        bounds = text.boundingRect()
        self._caption = QGraphicsRectItem(bounds.adjusted(-0.5, 0, 0.5, 0))
        self._caption.setBrush(QBrush(QColor(255, 255, 255, 220)))
        self._caption.setPen(QPen(Qt.PenStyle.NoPen))
        text.setParentItem(self._caption)
        self._caption.setPos(shown.box.x, max(shown.box.y - bounds.height(), -4.5))
        self._caption.setZValue(3)
        self.scene().addItem(self._caption)

    # -- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        point = self.mapToScene(event.position().toPoint())
        self._press = point
        hit = self._field_at(point)
        if hit is None:
            self._drag = ("draw", None, None)
            self._rubber = QGraphicsRectItem(QRectF(point, point))
            pen = QPen(NEW_COLOR, 0.4, Qt.PenStyle.DashLine)
            self._rubber.setPen(pen)
            self._rubber.setZValue(4)
            self.scene().addItem(self._rubber)
        else:
            self.field_clicked.emit(hit.ref)
            corner = QPointF(hit.box.right, hit.box.bottom)
            near = (point - corner).manhattanLength() <= CORNER
            self._drag = ("resize" if near else "move", hit.ref, hit.box)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag is None or self._press is None:
            super().mouseMoveEvent(event)
            return
        point = self.mapToScene(event.position().toPoint())
        mode, ref, box = self._drag
        if mode == "draw" and self._rubber is not None:
            self._rubber.setRect(QRectF(self._press, point).normalized())
        elif ref is not None and box is not None:
            self._items[ref].setRect(_rect(self._dragged(mode, box, point)))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self._drag is None or self._press is None:
            super().mouseReleaseEvent(event)
            return
        point = self.mapToScene(event.position().toPoint())
        mode, ref, box = self._drag
        self._drag = None
        if mode == "draw":
            if self._rubber is not None:
                self.scene().removeItem(self._rubber)
                self._rubber = None
            drawn = _normalized(self._press, point)
            if drawn.w >= SMALLEST and drawn.h >= SMALLEST:
                self.box_drawn.emit(drawn)
        elif ref is not None and box is not None:
            changed = self._dragged(mode, box, point)
            if changed != box:
                self.box_changed.emit(ref, changed, mode == "resize")
        self._press = None

    def _dragged(self, mode: str, box: Box, point: QPointF) -> Box:
        assert self._press is not None
        dx = snapped(point.x() - self._press.x())
        dy = snapped(point.y() - self._press.y())
        if mode == "resize":
            return Box(box.x, box.y, max(box.w + dx, GRID), max(box.h + dy, GRID))
        return box.moved(dx, dy)

    def _field_at(self, point: QPointF) -> ShownField | None:
        """The smallest box under the point (a cell inside a bigger field wins)."""
        under = [
            f
            for f in self._fields
            if f.box.x <= point.x() <= f.box.right and f.box.y <= point.y() <= f.box.bottom
        ]
        return min(under, key=lambda f: f.box.w * f.box.h, default=None)

    # -- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected is not None:
            self.delete_requested.emit()
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key not in arrows or self.selected is None:
            super().keyPressEvent(event)
            return
        box = self.field_box(self.selected)
        if box is None:
            return
        modifiers = event.modifiers()
        step = 0.1 if modifiers & Qt.KeyboardModifier.ShiftModifier else STEP
        dx, dy = (d * step for d in arrows[key])
        resize = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if resize:
            changed = Box(box.x, box.y, max(box.w + dx, GRID), max(box.h + dy, GRID))
        else:
            changed = box.moved(dx, dy)
        self.box_changed.emit(self.selected, _rounded(changed), resize)

    # -- size ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """The paper's width fills the view; the page scrolls down."""
        width = self._size[0] + 10
        view = max(self.viewport().width() - 4, 50)
        self.resetTransform()
        self.scale(view / width, view / width)


def _rect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.w, box.h)


def _normalized(a: QPointF, b: QPointF) -> Box:
    left, right = sorted((snapped(a.x()), snapped(b.x())))
    top, bottom = sorted((snapped(a.y()), snapped(b.y())))
    return Box(left, top, right - left, bottom - top)


def _rounded(box: Box) -> Box:
    return Box(*(round(v, 1) for v in (box.x, box.y, box.w, box.h)))
