"""Japanese text on reportlab pages: wrapping to a width with 禁則 (measured with the real
fonts) and drawing a line of text, optionally in a stroked faux bold (the IPA fonts have
no bold face)."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.fonts import GOTHIC, font_book
from kakanai.core.japanese.line_breaking import break_lines

Color = tuple[float, float, float]
BLACK: Color = (0.0, 0.0, 0.0)
# Outline width of the faux bold, relative to the font size.
_BOLD_STROKE = 0.035
_FILL, _FILL_AND_STROKE = 0, 2


def wrap(
    text: str, width_pt: float, size: float, family: str = GOTHIC, *, field: str = ""
) -> list[str]:
    """``text`` broken into lines that fit ``width_pt`` at ``size`` (FONT_002 names
    ``field`` when a character cannot be drawn)."""
    book = font_book()
    return break_lines(text, width_pt, lambda part: book.width(part, size, family, field=field))


def text_width(text: str, size: float, family: str = GOTHIC, *, field: str = "") -> float:
    return font_book().width(text, size, family, field=field)


def draw_text(  # noqa: PLR0913 - position, text, size and the three looks of a line
    canvas: Canvas,
    origin: tuple[float, float],
    text: str,
    *,
    size: float,
    family: str = GOTHIC,
    bold: bool = False,
    color: Color = BLACK,
    field: str = "",
) -> float:
    """Draw one line with its baseline starting at ``origin``; return its width."""
    x, y = origin
    start = x
    canvas.setFillColorRGB(*color)
    canvas.setStrokeColorRGB(*color)
    canvas.setLineWidth(size * _BOLD_STROKE)
    for name, part in font_book().runs(text, family, field=field):
        canvas.setFont(name, size)
        canvas.drawString(x, y, part, mode=_FILL_AND_STROKE if bold else _FILL)
        x += stringWidth(part, name, size)
    return x - start
