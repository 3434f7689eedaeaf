"""Reading printed PDFs back in tests: each character with its box, and the lines and curves
drawn, in millimetres from the top-left corner. pdfium (the C library the app rasterises
with) reads a page in a few milliseconds, so every form of every sample can be checked;
pdfplumber (pdfminer), the reference the forms are also checked against, takes ten times
longer and is used where a test names it."""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c

from kakanai.core.forms.ink import PT_PER_MM
from kakanai.core.forms.model import Box

LINE_PITCH = 2.5  # pt: characters whose tops are this close are on one line


@dataclass(frozen=True)
class Char:
    text: str
    box: Box


@dataclass(frozen=True)
class Stroke:
    """A drawn line or curve (not a rectangle), with its bounds."""

    box: Box
    curved: bool


def _mm(left: float, top: float, right: float, bottom: float) -> Box:
    return Box(
        left / PT_PER_MM, top / PT_PER_MM, (right - left) / PT_PER_MM, (bottom - top) / PT_PER_MM
    )


class PdfiumPages:
    """Characters (loose boxes: the font's ascent to descent by the advance width, the
    boxes pdfplumber gives) and strokes of each page, read once."""

    def __init__(self, pdf: bytes) -> None:
        self.document = pypdfium2.PdfDocument(pdf)
        self._chars: dict[int, list[Char]] = {}
        self._strokes: dict[int, list[Stroke]] = {}

    def __len__(self) -> int:
        return len(self.document)

    def chars(self, index: int) -> list[Char]:
        if index not in self._chars:
            page = self.document[index]
            height = page.get_height()
            text = page.get_textpage()
            found = []
            pending = ""  # a high surrogate: pdfium gives 𠮷 as two UTF-16 units
            for number in range(text.count_chars()):
                char = pending + chr(pdfium_c.FPDFText_GetUnicode(text, number))
                pending = ""
                if len(char) == 1 and 0xD800 <= ord(char) <= 0xDBFF:
                    pending = char
                    continue
                if len(char) == 2:
                    char = char.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
                if char.isspace() or not char.isprintable():
                    continue
                left, bottom, right, top = text.get_charbox(number, loose=True)
                found.append(Char(char, _mm(left, height - top, right, height - bottom)))
            self._chars[index] = found
        return self._chars[index]

    def strokes(self, index: int) -> list[Stroke]:
        """Paths that are a single straight line or contain a curve, bounded by their
        points (as pdfplumber bounds them, without the line width)."""
        if index not in self._strokes:
            page = self.document[index]
            height = page.get_height()
            found = []
            for path in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
                stroke = _stroke(path, height)
                if stroke is not None:
                    found.append(stroke)
            self._strokes[index] = found
        return self._strokes[index]


def _stroke(path: pypdfium2.PdfObject, height: float) -> Stroke | None:
    matrix = path.get_matrix()
    count = pdfium_c.FPDFPath_CountSegments(path.raw)
    curved = False
    xs, ys = [], []
    for number in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(path.raw, number)
        curved = (
            curved or pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_BEZIERTO
        )
        x, y = ctypes.c_float(), ctypes.c_float()
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        page_x, page_y = matrix.on_point(x.value, y.value)
        xs.append(page_x)
        ys.append(page_y)
    if not curved and count != 2:
        return None
    return Stroke(_mm(min(xs), height - max(ys), max(xs), height - min(ys)), curved)


def plumber_chars(pdf: bytes, index: int) -> list[Char]:
    """The characters of one page as pdfplumber reads them."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = document.pages[index].chars
    return [
        Char(c["text"], _mm(c["x0"], c["top"], c["x1"], c["bottom"]))
        for c in chars
        if not c["text"].isspace()
    ]


def text_within(chars: list[Char], box: Box, slack: float = 0.6) -> str:
    """Characters lying wholly inside ``box`` (mm, widened by ``slack``) in reading order:
    lines from the top, each from the left; spaces dropped."""
    area = Box(box.x - slack, box.y - slack, box.w + 2 * slack, box.h + 2 * slack)
    inside = sorted((c for c in chars if _contains(area, c.box)), key=lambda c: c.box.y)
    lines: list[list[Char]] = []
    for char in inside:
        if lines and (char.box.y - lines[-1][-1].box.y) * PT_PER_MM <= LINE_PITCH:
            lines[-1].append(char)
        else:
            lines.append([char])
    return "".join(c.text for line in lines for c in sorted(line, key=lambda c: c.box.x))


def _contains(outer: Box, inner: Box) -> bool:
    return (
        inner.x >= outer.x
        and inner.y >= outer.y
        and inner.right <= outer.right
        and inner.bottom <= outer.bottom
    )
