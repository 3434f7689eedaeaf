"""Reading printed PDFs back in tests: each character with its box, and the lines and curves
drawn, in millimetres from the top-left corner. pdfium (the C library the app rasterises
with) reads a page in a few milliseconds, so every form of every sample can be checked;
pdfplumber (pdfminer), the reference the forms are also checked against, takes ten times
longer and is used where a test names it."""

from __future__ import annotations

import bisect
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
        self._by_top: dict[int, tuple[list[Char], list[float]]] = {}
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
            # pdfium's C functions on the raw handle with one reused rectangle: a page has
            # hundreds of characters and the helpers' wrappers cost more than pdfium does.
            raw, rect = text.raw, pdfium_c.FS_RECTF()
            unicode_of, loose_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetLooseCharBox
            for number in range(text.count_chars()):
                char = pending + chr(unicode_of(raw, number))
                pending = ""
                if len(char) == 1 and 0xD800 <= ord(char) <= 0xDBFF:
                    pending = char
                    continue
                if len(char) == 2:
                    char = char.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
                if char.isspace() or not char.isprintable():
                    continue
                loose_box(raw, number, ctypes.byref(rect))
                left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
                found.append(Char(char, _mm(left, height - top, right, height - bottom)))
            self._chars[index] = found
        return self._chars[index]

    def text_within(self, index: int, box: Box, slack: float = 0.6) -> str:
        """``text_within(self.chars(index), box, slack)``, looking only at the characters
        whose tops lie in the box's height (the page's characters sorted by top once):
        thousands of boxes are read on each form."""
        if index not in self._by_top:
            ordered = sorted(self.chars(index), key=lambda c: c.box.y)
            self._by_top[index] = ordered, [c.box.y for c in ordered]
        ordered, tops = self._by_top[index]
        start = bisect.bisect_left(tops, box.y - slack)
        end = bisect.bisect_right(tops, box.bottom + slack)
        return text_within(ordered[start:end], box, slack)

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
    raw = path.raw
    count = pdfium_c.FPDFPath_CountSegments(raw)
    segments = [pdfium_c.FPDFPath_GetPathSegment(raw, number) for number in range(count)]
    curved = any(
        pdfium_c.FPDFPathSegment_GetType(s) == pdfium_c.FPDF_SEGMENT_BEZIERTO for s in segments
    )
    if not curved and count != 2:  # a box's outline or a polyline: not a stroke (read no more)
        return None
    matrix = path.get_matrix()
    x, y = ctypes.c_float(), ctypes.c_float()
    xs, ys = [], []
    for segment in segments:
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        page_x, page_y = matrix.on_point(x.value, y.value)
        xs.append(page_x)
        ys.append(page_y)
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
