"""The guidance slip's sections as blocks for one layout's sizes: the heading, the resident
with the household and the QR code, the summary, one group per department and the closing
note. ``slip_pdf`` decides how they go onto pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.text import text_width
from kakanai.adapters.qr.matrix import QUIET_ZONE_MODULES
from kakanai.adapters.slip.blocks import (
    GRAY,
    LEADING,
    MM,
    Block,
    Line,
    band,
    check_box,
    draw_lines,
    gap,
    height_of,
    labelled,
    lines_of,
    qr_symbol,
    rule,
    side_by_side,
    stacked,
    text_block,
)
from kakanai.core.slip.content import SlipContent, SlipDepartment, SlipMember, SlipProcedure

MIN_MODULE = 0.5 * MM
MAX_MODULE = 1.0 * MM
_CELL_GAP = 2 * MM  # between the columns of the household table


@dataclass(frozen=True)
class Style:
    """The sizes of one layout, in points."""

    width: float  # of the content, between the side margins
    body: float
    small: float
    title: float
    heading: float  # a department's name
    procedure: float  # a procedure's name
    name: float  # the resident's name
    name_min: float
    box: float  # the check box's side
    qr_symbol: float  # the wanted width of the QR symbol without its quiet zone
    wide: bool  # A4: heading in two columns, QR right of the resident; receipt: one column


def module_size(count: int, style: Style) -> float:
    """The side of one QR module: the wanted symbol width, kept within 0.5–1.0 mm."""
    return min(MAX_MODULE, max(MIN_MODULE, style.qr_symbol / count))


def heading(content: SlipContent, style: Style) -> Block:
    """Title and questionnaire on the left; office, issue time and case number on the
    right (A4), or everything stacked (receipt)."""
    office = [content.office, content.issued, f"{content.labels.case_number} {content.case_id}"]
    if not style.wide:
        title = lines_of(content.title, style.width, style.title, bold=True)
        rest = [line for text in office for line in lines_of(text, style.width, style.body)]
        subtitle = lines_of(content.subtitle, style.width, style.small, color=GRAY)
        return stacked([text_block(title + subtitle + rest), rule(style.width)])
    right_width = style.width * 0.45
    left_width = style.width - right_width - 4 * MM
    title = lines_of(content.title, left_width, style.title, bold=True)
    title += lines_of(content.subtitle, left_width, style.small, color=GRAY)
    right = [line for text in office for line in lines_of(text, right_width, style.body)]
    together = side_by_side(
        text_block(title),
        text_block(right, align="right", width=right_width),
        style.width - right_width,
    )
    return stacked([together, rule(style.width)])


def household(content: SlipContent, style: Style) -> Block:
    """Everyone moving: name (with furigana), relationship and date of birth."""
    heading_text = content.labels.members.format(count=len(content.members))
    title = lines_of(heading_text, style.width, style.small, bold=True)
    return stacked([text_block(title), members_table(content, style.width, style), gap(3 * MM)])


def details_heading(content: SlipContent, style: Style) -> Block:
    """Where the details start: after the route, on a page of their own."""
    return stacked(
        [
            band(
                lines_of(content.labels.details, style.width - 5 * MM, style.heading, bold=True),
                style.width,
            ),
            gap(2 * MM),
        ]
    )


def members_table(content: SlipContent, width: float, style: Style) -> Block:
    """Name (with furigana), relationship and date of birth of every member. The last two
    columns are as wide as their widest entry (within limits); the name gets the rest."""
    words = content.labels
    header_size = style.small * 0.9
    relationship = _column_width(
        [(words.relationship, header_size)]
        + [(m.relationship, style.small) for m in content.members],
        (width * 0.16, width * 0.3),
    )
    birth = _column_width(
        [(words.birth_date, header_size)] + [(m.birth, style.small) for m in content.members],
        (width * 0.26, width * 0.4),
    )
    columns = (width - relationship - birth, relationship, birth)
    titles = (words.name, words.relationship, words.birth_date)
    header = [[Line(title, header_size, color=GRAY)] for title in titles]
    rows = [_table_row(header, columns)]
    rows += [_table_row(_member_cells(m, columns, style), columns) for m in content.members]
    return stacked(rows)


def _column_width(texts: Sequence[tuple[str, float]], limits: tuple[float, float]) -> float:
    """The width of the widest (text, size) plus the gap to the next column, within limits."""
    widest = max(text_width(text, size) for text, size in texts) + _CELL_GAP
    return min(limits[1], max(limits[0], widest))


def _member_cells(member: SlipMember, columns: Sequence[float], style: Style) -> list[list[Line]]:
    inner = [column - _CELL_GAP for column in columns]
    name = lines_of(member.kana, inner[0], style.small * 0.85, color=GRAY, field="フリガナ")
    name += lines_of(member.name, inner[0], style.body, field="氏名")
    relationship = lines_of(member.relationship, inner[1], style.small)
    birth = lines_of(member.birth, inner[2], style.small)
    return [name, relationship, birth]


def _table_row(cells: Sequence[Sequence[Line]], columns: Sequence[float]) -> Block:
    pad = 0.8 * MM
    height = max(height_of(cell) for cell in cells) + 2 * pad

    def draw(canvas: Canvas, x: float, top: float) -> None:
        left = x
        for cell, column in zip(cells, columns, strict=True):
            # A short cell sits at the bottom of the row, level with the member's name.
            draw_lines(canvas, left, top - height + pad + height_of(cell), cell)
            left += column
        canvas.setStrokeGray(0.8)
        canvas.setLineWidth(0.4)
        canvas.line(x, top - height, x + sum(columns), top - height)

    return Block(height, draw)


def qr_with_notes(
    content: SlipContent, matrix: Sequence[Sequence[bool]], style: Style, width: float
) -> Block:
    """The QR symbol with how to use it and until when, centred in ``width``."""
    symbol = qr_symbol(matrix, module_size(len(matrix), style), QUIET_ZONE_MODULES)
    words = content.labels
    notes = lines_of(words.qr_note, width, style.small)
    notes += lines_of(content.validity, width, style.small, bold=True)
    notes += lines_of(words.reissue, width, style.small, color=GRAY)
    offset = (width - symbol.height) / 2

    def draw(canvas: Canvas, x: float, top: float) -> None:
        symbol.draw(canvas, x + offset, top)
        draw_lines(canvas, x, top - symbol.height - 1.5 * MM, notes, align="center", width=width)

    return Block(symbol.height + 1.5 * MM + height_of(notes), draw)


def qr_side(matrix: Sequence[Sequence[bool]], style: Style) -> float:
    """The width of the framed QR symbol with its quiet zone."""
    return qr_symbol(matrix, module_size(len(matrix), style), QUIET_ZONE_MODULES).height


def departments(content: SlipContent, style: Style, *, boxes: bool = True) -> list[Block]:
    """Each department's heading, then its procedures; a heading stays with the first, and
    comes again, marked as continued, above a procedure that starts a new page. ``boxes``:
    a check box before each procedure (the details after a route need none)."""
    blocks: list[Block] = []
    label_width = _label_width(_row_labels(content), style)
    for department in content.departments:
        blocks.append(_department_heading(department, department.name, style))
        continued_name = content.labels.continued_department.format(name=department.name)
        continued = _department_heading(department, continued_name, style)
        for number, procedure in enumerate(department.procedures):
            if number:
                blocks.append(_separator(style.width))
            repeat = continued if number else None
            blocks.extend(_procedure(procedure, style, label_width, repeat, boxes=boxes))
        blocks.append(gap(3 * MM))
    return blocks


def notice_details(content: SlipContent, style: Style) -> list[Block]:
    """The notices in full (why, what to bring, by when) under their own heading, before the
    departments, with no check box."""
    if not content.notices:
        return []
    inner = style.width - 5 * MM
    blocks = [band(lines_of(content.labels.notices, inner, style.heading, bold=True), style.width)]
    label_width = _label_width(_row_labels(content), style)
    for number, notice in enumerate(content.notices):
        if number:
            blocks.append(_separator(style.width))
        blocks.extend(_procedure(notice, style, label_width, None, boxes=False))
    return [*blocks, gap(3 * MM)]


def _department_heading(department: SlipDepartment, name: str, style: Style) -> Block:
    inner = style.width - 5 * MM
    title = f"{name}  {department.where}"
    if text_width(title, style.heading) <= inner:
        lines = lines_of(title, inner, style.heading, bold=True)
    else:
        lines = lines_of(name, inner, style.heading, bold=True)
        lines += lines_of(department.where, inner, style.body, bold=True)
    if department.guide:
        lines += lines_of(department.guide, inner, style.body)
    return band(lines, style.width)


def _separator(width: float) -> Block:
    """A dotted line between two procedures of one department."""

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.setStrokeGray(0.75)
        canvas.setLineWidth(0.4)
        canvas.setDash(1, 2)
        canvas.line(x, top - 1.5 * MM, x + width, top - 1.5 * MM)
        canvas.setDash()

    return Block(3 * MM, draw, keep_with_next=True, skip_at_top=True)


def _procedure(
    procedure: SlipProcedure,
    style: Style,
    label_width: float,
    repeat: Block | None,
    *,
    boxes: bool,
) -> list[Block]:
    """The check box and name, then one labelled row per field; kept on one page."""
    indent = style.box + 2 * MM
    name = lines_of(
        procedure.name, style.width - indent, style.procedure, bold=True, field="手続き名"
    )
    # A4 indents the rows under the name; the narrow receipt keeps the width for the text.
    row_indent = indent if style.wide else 1 * MM
    above = 1.5 * MM
    box_top = above + style.procedure * (LEADING - 1) / 2

    def draw_name(canvas: Canvas, x: float, top: float) -> None:
        if boxes:
            check_box(canvas, x + 0.5 * MM, top - box_top, style.box)
        draw_lines(canvas, x + indent, top - above, name)

    head_height = above + height_of(name) + 0.8 * MM
    blocks = [Block(head_height, draw_name, keep_with_next=True, repeat=repeat)]
    for row in procedure.rows:
        inner = labelled(
            row.label,
            row.texts,
            size=style.body,
            label_width=label_width,
            width=style.width - row_indent,
            bullets=row.bullets,
            bold=row.emphasis,
        )
        blocks.append(_indented(inner, row_indent, keep_with_next=True))
    last = blocks[-1]
    blocks[-1] = Block(last.height + 1 * MM, last.draw, repeat=last.repeat)
    return blocks


def _indented(block: Block, indent: float, *, keep_with_next: bool) -> Block:
    def draw(canvas: Canvas, x: float, top: float) -> None:
        block.draw(canvas, x + indent, top)

    return Block(block.height + 0.4 * MM, draw, keep_with_next)


def _row_labels(content: SlipContent) -> list[str]:
    procedures = [*(p for d in content.departments for p in d.procedures), *content.notices]
    return [row.label for p in procedures for row in p.rows]


def _label_width(labels: Sequence[str], style: Style) -> float:
    widest = max((text_width(label, style.body * 0.9) for label in labels), default=0.0)
    return widest + 2.5 * MM


def closing(content: SlipContent, style: Style) -> Block:
    lines = lines_of(content.labels.based_on, style.width, style.small, color=GRAY)
    return stacked([rule(style.width, space=1.5 * MM), text_block(lines)])
