"""The route on the guidance slip: every department in visiting order with its floor and
counter, and under it a check box and one short line per procedure there (with the member
it concerns). The resident can go round with this alone; the details come after it."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.text import text_width
from kakanai.adapters.slip.blocks import (
    GRAY,
    LEADING,
    MM,
    Block,
    Line,
    band,
    check_box,
    draw_lines,
    fitted_name,
    gap,
    height_of,
    labelled,
    lines_of,
    stacked,
    text_block,
)
from kakanai.adapters.slip.sections import Style
from kakanai.core.slip.content import SlipContent, SlipDepartment, SlipProcedure


def resident_brief(content: SlipContent, style: Style, width: float) -> Block:
    """Whose slip it is: the furigana, the name in large type and the new address."""
    kana = lines_of(content.resident_kana, width, style.small, color=GRAY, field="フリガナ")
    name = fitted_name(content.resident, width, style.name, style.name_min)
    person = text_block(kana + name, space_after=1.5 * MM)
    if not content.address:
        return person
    label = content.address_label
    label_width = text_width(label, style.body * 0.9) + 2.5 * MM
    address = labelled(
        label, [content.address], size=style.body, label_width=label_width, width=width
    )
    return stacked([person, address, gap(2 * MM)])


def notices(content: SlipContent, style: Style, width: float) -> list[Block]:
    """The notices that are no procedure (a check of the input, a refusal): in a frame,
    each line marked ※ and without a check box, so no department is sent to tick them."""
    if not content.notices:
        return []
    pad = 1.5 * MM
    inner = width - 2 * pad
    lines = lines_of(content.labels.notices, inner, style.body, bold=True)
    for notice in content.notices:
        text = "※ " + notice.name + (f"({notice.member})" if notice.member else "")
        lines += lines_of(text, inner, style.body, field="案内")
    height = height_of(lines) + 2 * pad

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.setStrokeGray(0)
        canvas.setLineWidth(0.9)
        canvas.rect(x, top - height, width, height, stroke=1, fill=0)
        draw_lines(canvas, x + pad, top - pad, lines)

    return [Block(height, draw, keep_with_next=True), gap(2 * MM)]


def route(content: SlipContent, style: Style, width: float, *, hint: bool = True) -> list[Block]:
    """The route's title and one run of blocks per department (kept together on a page);
    ``hint`` adds how the check boxes and the code are used."""
    title = lines_of(content.summary, width, style.body, bold=True)
    if hint:
        title += lines_of(content.labels.route_hint, width, style.small, color=GRAY)
    blocks = [text_block(title, space_after=1.5 * MM)]
    for number, department in enumerate(content.departments, start=1):
        blocks.extend(_stop(number, department, style, width))
    return blocks


def _stop(number: int, department: SlipDepartment, style: Style, width: float) -> list[Block]:
    inner = width - 5 * MM
    one_line = f"{number}  {department.name}  {department.where}".strip()
    if text_width(one_line, style.heading) <= inner:
        lines = lines_of(one_line, inner, style.heading, bold=True)
    else:
        lines = lines_of(f"{number}  {department.name}", inner, style.heading, bold=True)
        lines += lines_of(department.where, inner, style.body, bold=True)
    if department.guide:
        lines += lines_of(department.guide, inner, style.small)
    heading = band(lines, width, pad=1.2 * MM)
    blocks = [Block(heading.height + 0.8 * MM, heading.draw, keep_with_next=True)]
    for index, procedure in enumerate(department.procedures):
        last = index == len(department.procedures) - 1
        blocks.append(_line(procedure, style, width, keep_with_next=not last))
    blocks.append(gap(2 * MM))
    return blocks


def _line(procedure: SlipProcedure, style: Style, width: float, *, keep_with_next: bool) -> Block:
    """□ 手続き名(山田 一郎 様): one short line, wrapped only if it must."""
    indent = style.box + 2 * MM
    size = style.body if not style.wide else style.procedure  # the narrow receipt: smaller
    text = procedure.name + (f"({procedure.member})" if procedure.member else "")
    lines: list[Line] = lines_of(text, width - indent - 1 * MM, size, field="手続き名")
    box_top = size * (LEADING - 1) / 2 + (size - style.box) / 2  # centred on the first line

    def draw(canvas: Canvas, x: float, top: float) -> None:
        check_box(canvas, x + 1 * MM, top - box_top, style.box)
        draw_lines(canvas, x + indent + 1 * MM, top, lines)

    return Block(height_of(lines) + 0.6 * MM, draw, keep_with_next=keep_with_next)


def route_height(blocks: list[Block]) -> float:
    return sum(block.height for block in blocks)
