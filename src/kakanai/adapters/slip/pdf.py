"""The guidance slip (手続き案内票) as a PDF (reportlab): A4 pages with a running header
and page numbers, or an 80 mm receipt roll whose length follows the content.

Every character is drawn with the embedded IPA fonts; the QR code is vector squares."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.fonts import GOTHIC, font_book
from kakanai.adapters.qr.matrix import qr_matrix
from kakanai.adapters.slip import route as route_blocks
from kakanai.adapters.slip import sections as slip_sections
from kakanai.adapters.slip.blocks import (
    GRAY,
    MM,
    Block,
    Line,
    gap,
    lines_of,
    page_break,
    rule,
    side_by_side,
    stacked,
    text_block,
)
from kakanai.adapters.slip.sections import Style
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.slip.content import SlipContent, slip_content

# The PDF format's largest page side; a longer receipt continues on a second page.
_MAX_PAGE_SIDE = 14400.0


@dataclass(frozen=True)
class Layout:
    """Paper and margins (points); ``height`` None means a roll cut to the content."""

    width: float
    height: float | None
    margin_x: float
    margin_top: float
    margin_bottom: float
    style: Style


LAYOUTS: dict[str, Layout] = {
    "a4": Layout(
        width=210 * MM,
        height=297 * MM,
        margin_x=12 * MM,
        margin_top=12 * MM,
        margin_bottom=10 * MM,
        style=Style(
            width=186 * MM,
            body=9.5,
            small=8.5,
            title=20,
            heading=12,
            procedure=11,
            name=24,
            name_min=15,
            box=4.2 * MM,
            qr_symbol=42 * MM,
            wide=True,
        ),
    ),
    "receipt80": Layout(
        width=80 * MM,
        height=None,
        margin_x=4 * MM,
        margin_top=5 * MM,
        margin_bottom=8 * MM,
        style=Style(
            width=72 * MM,
            body=8,
            small=7,
            title=15,
            heading=10,
            procedure=9.5,
            name=18,
            name_min=12,
            box=3.6 * MM,
            qr_symbol=46 * MM,
            wide=False,
        ),
    ),
}


def render_slip(  # noqa: PLR0913 - the case, its code, two times and three choices of look
    case: dict[str, Any],
    qr_digits: str,
    *,
    expires_at: datetime,
    issued_at: datetime,
    layout: str = "a4",
    lang: str = "ja",
    desk: str = "",
) -> bytes:
    """The slip for ``case`` as PDF bytes, with ``qr_digits`` as its QR code (numeric).

    ``layout`` is ``a4`` or ``receipt80``; ``lang`` is ``ja`` or ``en``; ``desk`` names the
    counter that issued it (printed after the city)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown slip layout {layout!r}; expected one of {sorted(LAYOUTS)}")
    paper = LAYOUTS[layout]
    content = slip_content(case, issued_at=issued_at, expires_at=expires_at, lang=lang, desk=desk)
    style = paper.style
    matrix = qr_matrix(qr_digits)
    if slip_sections.qr_side(matrix, style) > style.width:
        raise KakanaiError.of(ErrorCode.PRINT_QR_TOO_WIDE, digits=len(qr_digits), layout=layout)
    blocks = _a4_blocks(content, matrix, paper) if style.wide else _receipt_blocks(content, matrix)
    return _draw(paper, content, blocks)


def _a4_blocks(
    content: SlipContent, matrix: Sequence[Sequence[bool]], paper: Layout
) -> list[Block]:
    """Page 1 routes the resident on its own: the name, every department with its procedures
    as check boxes, and the QR code beside them. The details follow from page 2."""
    style = paper.style
    qr_width = slip_sections.qr_side(matrix, style)
    left = style.width - qr_width - 6 * MM
    qr = slip_sections.qr_with_notes(content, matrix, style, qr_width)
    heading = slip_sections.heading(content, style)
    brief = route_blocks.resident_brief(content, style, left)
    stops = route_blocks.route(content, style, left)
    follow = text_block(lines_of(content.labels.details_follow, left, style.small, color=GRAY))
    notices = route_blocks.notices(content, style, left)
    beside = stacked([brief, *notices, *stops, follow])
    room = (paper.height or 0) - paper.margin_top - paper.margin_bottom - heading.height
    if beside.height + _footer(content, paper, 1, 1).height <= room:
        first = [side_by_side(beside, qr, style.width - qr_width)]
    else:  # too many stops to sit beside the code: the route runs on, full width
        stops = route_blocks.route(content, style, style.width)
        notices = route_blocks.notices(content, style, style.width)
        first = [side_by_side(brief, qr, style.width - qr_width), *notices, *stops]
    return [
        heading,
        *first,
        page_break(),
        slip_sections.details_heading(content, style),
        slip_sections.household(content, style),
        *slip_sections.notice_details(content, style),
        *slip_sections.departments(content, style, boxes=False),
        slip_sections.closing(content, style),
    ]


def _receipt_blocks(content: SlipContent, matrix: Sequence[Sequence[bool]]) -> list[Block]:
    """The route and the code only, a short line per procedure: a receipt a resident keeps."""
    style = LAYOUTS["receipt80"].style
    note = lines_of(content.labels.details_at_counter, style.width, style.small, color=GRAY)
    return [
        slip_sections.heading(content, style),
        route_blocks.resident_brief(content, style, style.width),
        *route_blocks.notices(content, style, style.width),
        *route_blocks.route(content, style, style.width, hint=False),
        gap(2 * MM),
        slip_sections.qr_with_notes(content, matrix, style, style.width),
        gap(2 * MM),
        text_block(note),
        slip_sections.closing(content, style),
    ]


def _draw(paper: Layout, content: SlipContent, blocks: Sequence[Block]) -> bytes:
    running = _running_header(content, paper.style)
    pages = _pages(paper, blocks, running, _footer(content, paper, 1, 1).height)
    out = io.BytesIO()
    # The initial font is one we embed: reportlab would otherwise name Helvetica on every
    # page, a font the PDF does not carry.
    canvas = Canvas(
        out,
        pagesize=(paper.width, paper.height or _MAX_PAGE_SIDE),
        invariant=True,
        initialFontName=font_book().font_name(GOTHIC),
    )
    canvas.setTitle(f"{content.labels.title} {content.case_id}")
    canvas.setAuthor("kakanai")
    canvas.setCreator("kakanai")
    for number, page in enumerate(pages):
        body = [running, *page] if number else list(page)
        footer = _footer(content, paper, number + 1, len(pages))
        content_height = sum(b.height for b in body) + footer.height
        height = paper.height or paper.margin_top + content_height + paper.margin_bottom
        canvas.setPageSize((paper.width, height))
        top = height - paper.margin_top
        for block in body:
            block.draw(canvas, paper.margin_x, top)
            top -= block.height
        footer.draw(canvas, paper.margin_x, paper.margin_bottom + footer.height)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _pages(
    paper: Layout, blocks: Sequence[Block], running: Block, footer_height: float
) -> list[list[Block]]:
    """A4: pages of the paper's height. Receipt: one page as long as the content, unless it
    would pass the PDF's page size limit."""
    page_height = paper.height if paper.height is not None else _MAX_PAGE_SIDE
    usable = page_height - paper.margin_top - paper.margin_bottom - footer_height
    return paginate(blocks, lambda n: usable - (running.height if n else 0.0))


def paginate(blocks: Sequence[Block], capacity: Callable[[int], float]) -> list[list[Block]]:
    """Blocks onto pages of ``capacity(page_index)`` points. A run of blocks joined by
    ``keep_with_next`` starts a new page rather than split, unless it is taller than a page."""
    pages = _Pages(capacity)
    for chain in _chains(blocks):
        if chain[0].page_break:
            if not pages.fresh:
                pages.turn(None)
            continue
        repeat = next((b.repeat for b in chain if b.repeat is not None), None)
        height = sum(b.height for b in chain)
        alone = sum(b.height for b in chain if not b.skip_at_top)
        alone += repeat.height if repeat is not None else 0.0
        if height > pages.free and not pages.fresh and alone <= capacity(len(pages.pages)):
            pages.turn(repeat)
        for block in chain:
            if block.height > pages.free and not pages.fresh:
                pages.turn(repeat)
            if not (block.skip_at_top and pages.fresh):
                pages.add(block)
    return pages.pages


class _Pages:
    """The pages filled so far and the room left on the last one."""

    def __init__(self, capacity: Callable[[int], float]) -> None:
        self.capacity = capacity
        self.pages: list[list[Block]] = [[]]
        self.free = capacity(0)
        self.fresh = True  # nothing but a repeated heading on the last page yet

    def turn(self, repeat: Block | None) -> None:
        self.pages.append([])
        self.free = self.capacity(len(self.pages) - 1)
        self.fresh = True
        if repeat is not None:
            self.pages[-1].append(repeat)
            self.free -= repeat.height

    def add(self, block: Block) -> None:
        self.pages[-1].append(block)
        self.free -= block.height
        self.fresh = False


def _chains(blocks: Sequence[Block]) -> list[list[Block]]:
    chains: list[list[Block]] = []
    joined = False
    for block in blocks:
        if joined:
            chains[-1].append(block)
        else:
            chains.append([block])
        joined = block.keep_with_next
    return chains


def _running_header(content: SlipContent, style: Style) -> Block:
    """At the top of every page after the first: which slip this is and whose."""
    words = content.labels
    who = f"{words.case_number} {content.case_id}  {content.resident}"
    lines = lines_of(words.continued, style.width, style.body, bold=True)
    lines += lines_of(who, style.width, style.small, field="氏名")
    return stacked([text_block(lines), rule(style.width, space=1.5 * MM)])


def _footer(content: SlipContent, paper: Layout, page: int, pages: int) -> Block:
    """The case number, and the page number when there is more than one page."""
    words = content.labels
    text = f"{words.case_number} {content.case_id}"
    if pages > 1 or paper.height is not None:
        text += "   " + words.page.format(page=page, pages=pages)
    width = paper.style.width
    lines: list[Line] = lines_of(text, width, paper.style.small, color=GRAY)
    return stacked([rule(width, space=1 * MM), text_block(lines, align="right", width=width)])
