"""Prints a tree's review (決裁) document as an A4 PDF with reportlab: a title block with the
approval boxes (起案・係長・課長), the summary, then each chapter's entries flowing over as
many pages as they need, a page number on each."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.fonts import GOTHIC, font_book
from kakanai.adapters.pdf.text import draw_text, wrap
from kakanai.core.trees.review import Entry, Review

WIDTH, HEIGHT = A4
MARGIN = 18 * mm
TEXT = 9.0
LINE = TEXT * 1.55
APPROVALS = ("起案", "係長", "課長")


class _Pages:
    """A cursor down the page that starts a new page when the next line does not fit."""

    def __init__(self, canvas: Canvas, title: str) -> None:
        self.canvas = canvas
        self.title = title
        self.page = 1
        self.y = HEIGHT - MARGIN

    def need(self, height: float) -> None:
        if self.y - height < MARGIN + 10 * mm:
            self.footer()
            self.canvas.showPage()
            self.page += 1
            self.y = HEIGHT - MARGIN
            draw_text(self.canvas, (MARGIN, self.y), f"{self.title}(続き)", size=7.5)
            self.y -= LINE * 1.5

    def footer(self) -> None:
        draw_text(self.canvas, (WIDTH / 2 - 8 * mm, MARGIN / 2), f"{self.page} ページ", size=7.5)

    def line(self, text: str, *, size: float = TEXT, indent: float = 0, bold: bool = False) -> None:
        width = WIDTH - 2 * MARGIN - indent
        for part in wrap(text, width, size, field="決裁書") or [""]:
            self.need(size * 1.55)
            draw_text(self.canvas, (MARGIN + indent, self.y), part, size=size, bold=bold)
            self.y -= size * 1.55


def review_pdf(document: Review) -> bytes:
    """The document as PDF bytes (every font embedded)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=font_book().font_name(GOTHIC))
    canvas.setTitle(document.title)
    pages = _Pages(canvas, document.title)
    _approval_boxes(canvas)
    pages.y -= 26 * mm  # below the approval boxes
    pages.line(document.title, size=14, bold=True)
    pages.y -= LINE
    for line in document.summary:
        pages.line(line)
    for chapter in document.chapters:
        pages.y -= LINE
        pages.need(LINE * 3)
        pages.line(chapter.title, size=12, bold=True)
        canvas.line(MARGIN, pages.y + LINE * 0.6, WIDTH - MARGIN, pages.y + LINE * 0.6)
        for entry in chapter.entries:
            _entry(pages, entry)
    pages.footer()
    canvas.save()
    return buffer.getvalue()


def _entry(pages: _Pages, entry: Entry) -> None:
    pages.need(LINE * (1 + min(len(entry.lines), 2)))
    pages.line(entry.heading, bold=True)
    for line in entry.lines:
        pages.line(line, indent=6 * mm)


def _approval_boxes(canvas: Canvas) -> None:
    """起案・係長・課長 boxes at the top right, for the seals of the 決裁."""
    size = 18 * mm
    right = WIDTH - MARGIN
    top = HEIGHT - MARGIN + 4 * mm
    for index, label in enumerate(reversed(APPROVALS)):
        x = right - (index + 1) * size
        canvas.rect(x, top - size - 5 * mm, size, size + 5 * mm)
        canvas.line(x, top - 5 * mm, x + size, top - 5 * mm)
        draw_text(canvas, (x + 5 * mm, top - 3.8 * mm), label, size=8)
