"""The pieces of the guidance slip as measured blocks: each knows its height at the width it
was built for and draws itself from its top-left corner. ``slip_pdf`` stacks blocks onto
pages; a block never draws outside its width."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from kakanai.adapters.pdf.text import BLACK, Color, draw_text, text_width, wrap
from kakanai.adapters.qr.matrix import dark_runs

MM = 72 / 25.4
LEADING = 1.45
_ASCENT = 0.88  # of the IPA fonts' em box, for placing a baseline inside a line box
GRAY: Color = (0.35, 0.35, 0.35)
RULE_GRAY = 0.7

Draw = Callable[[Canvas, float, float], None]
"""Draw at (canvas, left x, top y) in points."""


@dataclass(frozen=True)
class Block:
    """Something of known height. ``keep_with_next`` keeps it on the page of the next one;
    ``repeat`` is drawn first when this block's run has to start a new page (a department's
    heading); a ``skip_at_top`` block (a separator) is left out at the top of a page; a
    ``page_break`` block draws nothing and starts a new page (unless one has just begun)."""

    height: float
    draw: Draw
    keep_with_next: bool = False
    repeat: Block | None = None
    skip_at_top: bool = False
    page_break: bool = False


@dataclass(frozen=True)
class Line:
    """One wrapped line and how it looks."""

    text: str
    size: float
    bold: bool = False
    color: Color = BLACK


def baseline(top: float, size: float) -> float:
    """The baseline of a line whose line box starts at ``top``."""
    return top - size * (LEADING - 1) / 2 - size * _ASCENT


def lines_of(  # noqa: PLR0913 - the text, its width, and the look of its lines
    text: str,
    width: float,
    size: float,
    *,
    bold: bool = False,
    color: Color = BLACK,
    field: str = "",
) -> list[Line]:
    return [Line(t, size, bold, color) for t in wrap(text, width, size, field=field)]


def height_of(lines: Sequence[Line]) -> float:
    return sum(line.size * LEADING for line in lines)


def draw_lines(  # noqa: PLR0913 - where, what, and how to align it in which width
    canvas: Canvas,
    x: float,
    top: float,
    lines: Sequence[Line],
    *,
    align: str = "left",
    width: float = 0.0,
) -> None:
    """Draw ``lines`` downwards from ``top``, aligned ``left``, ``right`` or ``center``
    within ``width``."""
    share = {"left": 0.0, "center": 0.5, "right": 1.0}[align]
    for line in lines:
        left = x + share * (width - text_width(line.text, line.size)) if share else x
        origin = (left, baseline(top, line.size))
        draw_text(canvas, origin, line.text, size=line.size, bold=line.bold, color=line.color)
        top -= line.size * LEADING


def text_block(
    lines: Sequence[Line], *, space_after: float = 0.0, align: str = "left", width: float = 0.0
) -> Block:
    def draw(canvas: Canvas, x: float, top: float) -> None:
        draw_lines(canvas, x, top, lines, align=align, width=width)

    return Block(height_of(lines) + space_after, draw)


def stacked(blocks: Sequence[Block], *, keep_with_next: bool = False) -> Block:
    """Blocks one under the other, as one block."""

    def draw(canvas: Canvas, x: float, top: float) -> None:
        for block in blocks:
            block.draw(canvas, x, top)
            top -= block.height

    return Block(sum(b.height for b in blocks), draw, keep_with_next)


def side_by_side(left: Block, right: Block, right_x: float) -> Block:
    """``right`` drawn ``right_x`` points right of ``left``; as tall as the taller one."""

    def draw(canvas: Canvas, x: float, top: float) -> None:
        left.draw(canvas, x, top)
        right.draw(canvas, x + right_x, top)

    return Block(max(left.height, right.height), draw)


def rule(width: float, *, space: float = 2 * MM, gray: float = RULE_GRAY) -> Block:
    """A thin horizontal line with ``space`` above and below."""

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.setStrokeGray(gray)
        canvas.setLineWidth(0.6)
        canvas.line(x, top - space, x + width, top - space)

    return Block(2 * space, draw)


def gap(height: float) -> Block:
    return Block(height, lambda _canvas, _x, _top: None)


def page_break() -> Block:
    """What follows starts on a new page (the slip's details after its route)."""
    return Block(0.0, lambda _canvas, _x, _top: None, page_break=True)


def fitted_name(text: str, width: float, size: float, min_size: float) -> list[Line]:
    """A name in large type: shrunk (down to ``min_size``) to fit one line, then wrapped."""
    natural = text_width(text, size, field="氏名")
    if natural > width:
        size = max(min_size, size * width / natural)
    return lines_of(text, width, size, bold=True, field="氏名")


def labelled(  # noqa: PLR0913 - label, texts, the widths of the row and two looks
    label: str,
    texts: Sequence[str],
    *,
    size: float,
    label_width: float,
    width: float,
    bullets: bool = False,
    bold: bool = False,
) -> Block:
    """A row with a gray label on the left and text (or a bulleted list) beside it."""
    bullet = "・" if bullets else ""
    hang = text_width(bullet, size)
    value: list[tuple[float, Line]] = []
    for text in texts:
        for number, line in enumerate(lines_of(text, width - label_width - hang, size, bold=bold)):
            shown = Line(bullet + line.text, size, bold) if number == 0 else line
            value.append((0.0 if number == 0 else hang, shown))
    label_lines = lines_of(label, label_width - 1 * MM, size * 0.9, color=GRAY)
    height = max(height_of([v for _x, v in value]), height_of(label_lines))

    def draw(canvas: Canvas, x: float, top: float) -> None:
        draw_lines(canvas, x, top - size * 0.05, label_lines)
        line_top = top
        for indent, line in value:
            draw_lines(canvas, x + label_width + indent, line_top, [line])
            line_top -= line.size * LEADING

    return Block(height, draw)


def check_box(canvas: Canvas, x: float, top: float, side: float) -> None:
    """An empty square for the department to tick."""
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.9)
    canvas.rect(x, top - side, side, side, stroke=1, fill=0)


def band(lines: Sequence[Line], width: float, *, pad: float = 1.6 * MM) -> Block:
    """Lines on a light gray band with a dark bar on the left: a department's heading."""
    bar = 1.4 * MM

    def draw(canvas: Canvas, x: float, top: float) -> None:
        height = height_of(lines) + 2 * pad
        canvas.setFillGray(0.88)
        canvas.rect(x, top - height, width, height, stroke=0, fill=1)
        canvas.setFillGray(0.15)
        canvas.rect(x, top - height, bar, height, stroke=0, fill=1)
        draw_lines(canvas, x + bar + pad, top - pad, lines)

    return Block(height_of(lines) + 2 * pad, draw, keep_with_next=True)


def qr_symbol(matrix: Sequence[Sequence[bool]], module: float, quiet: int) -> Block:
    """The QR symbol with its quiet zone, framed a millimetre outside the zone. The modules are
    vector squares in one filled path, so neighbours leave no hairline seams when rasterised."""
    count = len(matrix)
    frame = 1 * MM  # white between the quiet zone and the frame, for a rough cut or scan
    side = (count + 2 * quiet) * module + 2 * frame

    def draw(canvas: Canvas, x: float, top: float) -> None:
        canvas.setStrokeGray(RULE_GRAY)
        canvas.setLineWidth(0.5)
        canvas.roundRect(x, top - side, side, side, 1.5 * MM, stroke=1, fill=0)
        path = canvas.beginPath()
        origin_x, origin_y = x + frame + quiet * module, top - frame - quiet * module
        for row_number, row in enumerate(matrix):
            y = origin_y - (row_number + 1) * module
            for start, length in dark_runs(row):
                path.rect(origin_x + start * module, y, length * module, module)
        canvas.setFillGray(0)
        canvas.drawPath(path, stroke=0, fill=1)

    return Block(side, draw)
