"""What a laid-out form is made of: drawing instructions ("ink") per page in millimetres
from the top-left corner, a trace of where each bound value was placed, and notes about
what did not fit. The PDF adapter paints these; tests read the trace."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from kakanai.core.errors import ErrorCode
from kakanai.core.forms.model import Box, TextStyle
from kakanai.core.forms.text import LEADING, Fitted, fit, text_width
from kakanai.core.located import Loc

MM_PER_PT = 25.4 / 72
PT_PER_MM = 72 / 25.4
ASCENT = 0.88  # of the size, above the baseline (IPA fonts; close for the others)
Color = tuple[float, float, float]
BLACK: Color = (0.0, 0.0, 0.0)
FITS_KEPT = 20_000  # fitted texts a typesetter remembers


@dataclass(frozen=True)
class TextInk:
    """Text with its baseline starting at ``x``, ``y`` (mm); ``field`` names it in errors."""

    x: float
    y: float
    text: str
    size: float
    family: str
    field: str = ""
    color: Color = BLACK


@dataclass(frozen=True)
class RectInk:
    box: Box
    line: float = 0.5  # points; 0 draws no outline
    fill: float | None = None  # grey level
    dash: bool = False
    color: Color = BLACK


@dataclass(frozen=True)
class LineInk:
    x1: float
    y1: float
    x2: float
    y2: float
    line: float = 0.5
    dash: bool = False
    color: Color = BLACK


@dataclass(frozen=True)
class EllipseInk:
    box: Box
    line: float = 0.8
    dash: bool = False


@dataclass(frozen=True)
class CodeInk:
    """A QR code (square ``box``) or a Code 128 barcode carrying ``payload``."""

    box: Box
    payload: str
    symbology: str = "qr"


Ink = TextInk | RectInk | LineInk | EllipseInk | CodeInk


@dataclass(frozen=True)
class Placed:
    """Where a bound value went: the box it had to stay in and the text drawn there
    (``mark`` for a ○ or a check mark, whose ``text`` is the choice or empty)."""

    page: int
    field: str
    box: Box
    text: str
    mark: bool = False


@dataclass(frozen=True)
class Note:
    """A warning about one printed form (text that did not fit, a choice not printed)."""

    code: ErrorCode
    message: str
    loc: Loc | None = None

    def render(self) -> str:
        return f"{self.code.code} {self.message}"


@dataclass
class PagePlan:
    width: float
    height: float
    inks: list[Ink] = field(default_factory=list)
    background: int | None = None  # page of the background PDF drawn underneath


@dataclass
class FormPlan:
    pages: list[PagePlan] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class Metrics(Protocol):
    """Font metrics: the width in points of one character at size 1 in a family.

    Raises FONT_002 naming ``field`` when no font can draw the character (the checker
    passes metrics that record such characters instead)."""

    def char_width(self, char: str, family: str, field: str) -> float: ...


class Typesetter:
    """Fits text into boxes with the given metrics; widths are cached per character."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._widths: dict[tuple[str, str], float] = {}
        self._fits: dict[tuple[str, float, float, TextStyle], Fitted] = {}

    def width_of(self, family: str, field: str) -> WidthOf:
        return WidthOf(self, family, field)

    def char_width(self, char: str, family: str, field: str) -> float:
        key = (char, family)
        width = self._widths.get(key)
        if width is None:
            width = self._metrics.char_width(char, family, field)
            self._widths[key] = width
        return width

    def width(self, text: str, size: float, family: str, field: str = "") -> float:
        """Width of ``text`` in millimetres."""
        return text_width(text, size, self.width_of(family, field)) * MM_PER_PT

    def fit(self, area: Box, text: str, style: TextStyle, field: str) -> Fitted:
        """``text`` fitted to the area's size; the same text in the same size of box (年,
        男・女, a label on every copy of a form) is fitted once."""
        key = (text, area.w, area.h, style)
        fitted = self._fits.get(key)
        if fitted is None:
            fitted = fit(
                text,
                area.w * PT_PER_MM,
                area.h * PT_PER_MM,
                size=style.size,
                min_size=style.min_size,
                width_of=self.width_of(style.family, field),
                wrap=style.wrap,
            )
            if len(self._fits) >= FITS_KEPT:
                self._fits.clear()
            self._fits[key] = fitted
        return fitted

    def place(self, area: Box, fitted: Fitted, style: TextStyle, field: str) -> list[TextInk]:
        """Inks for fitted lines, aligned in ``area``."""
        size = fitted.size
        block = fitted.height() * MM_PER_PT
        top = area.y
        if style.valign == "middle":
            top += (area.h - block) / 2
        elif style.valign == "bottom":
            top += area.h - block
        inks = []
        for index, line in enumerate(fitted.lines):
            width = self.width(line, size, style.family, field)
            x = area.x
            if style.align == "center":
                x += (area.w - width) / 2
            elif style.align == "right":
                x += area.w - width
            baseline = top + (ASCENT * size + index * LEADING * size) * MM_PER_PT
            inks.append(TextInk(x, baseline, line, size, style.family, field, style.color))
        return inks


@dataclass(frozen=True)
class WidthOf:
    """A one-argument character width function for form_text, bound to a family."""

    setter: Typesetter
    family: str
    field: str

    def __call__(self, char: str) -> float:
        return self.setter.char_width(char, self.family, self.field)
