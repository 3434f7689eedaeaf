"""Paints laid-out forms (core/forms/ink) into a PDF with reportlab: embedded subset
TrueType fonts through the font book, vector rules, circles, check marks, QR modules as
rectangles and Code 128 barcodes."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.fonts import GOTHIC, font_book
from kakanai.adapters.qr.matrix import dark_runs
from kakanai.core.forms.ink import (
    PT_PER_MM,
    CodeInk,
    EllipseInk,
    Ink,
    LineInk,
    PagePlan,
    RectInk,
    TextInk,
)
from kakanai.core.forms.model import Box

Modules = Callable[[str], Sequence[Sequence[bool]]]


def qr_path(modules: Sequence[Sequence[bool]], box: Box, page_height: float) -> str:
    """PDF operators filling the dark modules as one path, in module units (integers, so
    the content stays small and quick to write) under one scaling matrix."""
    size = box.w / len(modules) * PT_PER_MM
    left, top = box.x * PT_PER_MM, (page_height - box.y) * PT_PER_MM
    runs = [
        f"{start} {row} {length} 1 re"
        for row, line in enumerate(modules)
        for start, length in dark_runs(line)
    ]
    matrix = f"{size:.4f} 0 0 {-size:.4f} {left:.3f} {top:.3f} cm"
    return f"q 0 g {matrix} " + " ".join(runs) + " f Q"


class FontMetrics:
    """Character widths for the layout, from the same fonts the painter draws with."""

    def char_width(self, char: str, family: str, field: str) -> float:
        return font_book().width(char, 1.0, family, field=field)


def paint(pages: Sequence[PagePlan], *, title: str, modules: Modules) -> bytes:
    """One PDF with a page per plan; ``modules`` turns a payload into QR modules."""
    out = io.BytesIO()
    # The initial font is one we embed: reportlab would otherwise name Helvetica on every
    # page, a font the PDF does not carry (a PDF/A check refuses it).
    canvas = Canvas(out, pageCompression=1, initialFontName=font_book().font_name(GOTHIC))
    canvas.setTitle(title)
    canvas.setCreator("kakanai")
    for page in pages:
        canvas.setPageSize((page.width * PT_PER_MM, page.height * PT_PER_MM))
        painter = _Painter(canvas, page.height, modules)
        for ink in page.inks:
            painter.ink(ink)
        painter.finish()
        canvas.showPage()
    canvas.save()
    return out.getvalue()


class _Painter:
    """Converts millimetres from the top-left into PDF points from the bottom-left, and
    sets colours, fonts and line styles only when they change (every operator costs time).

    All text of a page goes into one text object drawn after the rules, so it is never
    covered by a shaded cell."""

    def __init__(self, canvas: Canvas, height_mm: float, modules: Modules) -> None:
        self.canvas = canvas
        self.height = height_mm
        self.modules = modules
        self.text = canvas.beginText()
        self._fill: object = (0.0, 0.0, 0.0)
        self._stroke: object = None
        self._font: tuple[str, float] | None = None
        self._text_fill: tuple[float, float, float] | None = None

    def x(self, mm: float) -> float:
        return mm * PT_PER_MM

    def y(self, mm: float) -> float:
        return (self.height - mm) * PT_PER_MM

    def ink(self, ink: Ink) -> None:
        if isinstance(ink, TextInk):
            self.write(ink)
        elif isinstance(ink, RectInk):
            self.rect(ink)
        elif isinstance(ink, LineInk):
            self.stroke(ink.line, ink.dash, ink.color)
            self.canvas.line(self.x(ink.x1), self.y(ink.y1), self.x(ink.x2), self.y(ink.y2))
        elif isinstance(ink, EllipseInk):
            self.stroke(ink.line, ink.dash, (0.0, 0.0, 0.0))
            self.ring(ink)
        elif isinstance(ink, CodeInk):
            self.code(ink)

    def write(self, ink: TextInk) -> None:
        """Text in runs of the font that has each character (FONT_002 names the field)."""
        runs = font_book().runs(ink.text, ink.family, field=ink.field)
        if ink.color != self._text_fill:
            self.text.setFillColorRGB(*ink.color)
            self._text_fill = ink.color
        self.text.setTextOrigin(self.x(ink.x), self.y(ink.y))
        for name, part in runs:
            if (name, ink.size) != self._font:
                self.text.setFont(name, ink.size)
                self._font = (name, ink.size)
            self.text.textOut(part)

    def finish(self) -> None:
        self.canvas.drawText(self.text)

    def fill(self, color: tuple[float, float, float] | float) -> None:
        if color != self._fill:
            if isinstance(color, float):
                self.canvas.setFillGray(color)
            else:
                self.canvas.setFillColorRGB(*color)
            self._fill = color

    def stroke(self, width: float, dash: bool, color: tuple[float, float, float]) -> None:
        if (width, dash, color) == self._stroke:
            return
        self.canvas.setLineWidth(width)
        self.canvas.setDash(2, 1.5) if dash else self.canvas.setDash()
        self.canvas.setStrokeColorRGB(*color)
        self._stroke = (width, dash, color)

    def ring(self, ink: EllipseInk) -> None:
        """A ○: an ellipse, or for a long choice a rounded "stadium" that keeps every
        character inside (an ellipse would cut the corners of the first and last ones)."""
        box = ink.box
        if box.w > box.h * 1.6:
            radius = box.h / 2 * PT_PER_MM
            self.canvas.roundRect(
                self.x(box.x), self.y(box.bottom), box.w * PT_PER_MM, box.h * PT_PER_MM, radius
            )
            return
        self.canvas.ellipse(
            self.x(box.x), self.y(box.bottom), self.x(box.right), self.y(box.y), stroke=1
        )

    def rect(self, ink: RectInk) -> None:
        box = ink.box
        if ink.fill is not None:
            self.fill(ink.fill)
        if ink.line:
            self.stroke(ink.line, ink.dash, ink.color)
        self.canvas.rect(
            self.x(box.x),
            self.y(box.bottom),
            box.w * PT_PER_MM,
            box.h * PT_PER_MM,
            stroke=1 if ink.line else 0,
            fill=1 if ink.fill is not None else 0,
        )

    def code(self, ink: CodeInk) -> None:
        box = ink.box
        if ink.symbology == "code128":
            # Imported on first use: reportlab's barcode package pulls in its whole graphics
            # and platypus layers, half a second of every start for a rarely used option.
            from reportlab.graphics.barcode import code128  # noqa: PLC0415

            unit = code128.Code128(ink.payload, barWidth=1, quiet=False).width
            bar = code128.Code128(
                ink.payload,
                barHeight=box.h * PT_PER_MM,
                barWidth=box.w * PT_PER_MM / unit,
                quiet=False,
            )
            bar.drawOn(self.canvas, self.x(box.x), self.y(box.bottom))
            self._fill = self._stroke = None  # the barcode sets its own colours
            return
        self.canvas.addLiteral(qr_path(self.modules(ink.payload), box, self.height))
