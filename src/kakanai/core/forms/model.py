"""A form template (様式テンプレート) as typed data: metadata, pages and their elements, each
with a box in millimetres from the top-left corner of the paper (docs/form-template-format.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from kakanai.core.expressions.language import Expression
from kakanai.core.located import Loc, LScalar

GOTHIC = "gothic"
MINCHO = "mincho"
FAMILIES = (GOTHIC, MINCHO)

# Paper sizes in millimetres, portrait (width, height).
PAPERS: dict[str, tuple[float, float]] = {
    "A3": (297.0, 420.0),
    "A4": (210.0, 297.0),
    "A5": (148.0, 210.0),
    "B4": (257.0, 364.0),
    "B5": (182.0, 257.0),
}


class Per(Enum):
    """Whether a form is printed once for the household or once per member concerned."""

    HOUSEHOLD = "household"
    MEMBER = "member"


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres; ``x``, ``y`` is its top-left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Box) -> bool:
        """True when the two share some area (touching edges is not overlapping)."""
        eps = 0.01
        return (
            self.x < other.right - eps
            and other.x < self.right - eps
            and self.y < other.bottom - eps
            and other.y < self.bottom - eps
        )

    def inset(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, max(self.w - 2 * dx, 0.0), max(self.h - 2 * dy, 0.0))

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.w, self.h)


@dataclass
class Binding:
    """A parsed expression bound to the case, and the scalar it was written in."""

    expression: Expression
    scalar: LScalar

    @property
    def source(self) -> str:
        return self.expression.source


@dataclass(frozen=True)
class TextStyle:
    """How text is set: size in points, shrinking down to ``min_size``, then wrapping."""

    size: float = 10.5
    min_size: float = 7.0
    family: str = MINCHO
    align: str = "left"  # left | center | right
    valign: str = "middle"  # top | middle | bottom
    wrap: bool = True
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class ChoiceItem:
    """One printed choice; circled when the field's value equals ``value`` or ``when`` holds."""

    value: str
    label: str
    when: Binding | None = None


@dataclass(kw_only=True)
class Element:
    """Anything drawn on a page. ``name`` identifies it in messages."""

    kind: str
    box: Box
    loc: Loc
    name: str
    when: Binding | None = None
    label: str = ""  # a small caption in the box's top-left corner
    label_size: float = 6.5
    frame: bool = False
    line: float = 0.5  # frame and rule width in points

    @property
    def is_field(self) -> bool:
        """Fields are filled from the case (or left blank for the resident); they must not
        overlap each other. Labels, boxes, lines and notes are the printed form itself."""
        return self.kind not in STATIC_KINDS


@dataclass(kw_only=True)
class Label(Element):
    """Fixed text (kinds ``label`` and ``note``)."""

    text: str
    style: TextStyle
    fill: float | None = None  # grey level 0 (black) to 1 (white)


@dataclass(kw_only=True)
class Rule(Element):
    """A ruled box, a line (``box`` is then the line's bounding box) or a grid."""

    fill: float | None = None
    dash: bool = False
    start: tuple[float, float] = (0.0, 0.0)
    end: tuple[float, float] = (0.0, 0.0)
    cols: tuple[float, ...] = ()  # grid: column widths in mm
    rows: tuple[float, ...] = ()  # grid: row heights in mm
    color: tuple[float, float, float] = (0.0, 0.0, 0.0)


@dataclass(kw_only=True)
class TextField(Element):
    """A value printed as text (kinds ``text`` and ``date``), a name with furigana
    (``name``), digit boxes (``digits``), a check mark (``check``) or a ○ over a choice
    printed on the background (``circle``)."""

    value: Binding | None
    style: TextStyle
    prefix: str = ""
    suffix: str = ""
    empty: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # text: a choice value → what to print
    date_style: str = "wareki"  # wareki | seireki | era | short
    eras: tuple[str, ...] = ("昭和", "平成", "令和")  # or one letter each: 明 大 昭 平 令
    era_width: float = 0.0  # mm given to the printed eras; 0 = 42% of the box
    gannen: bool = True
    kana: Binding | None = None
    kana_size: float = 7.0
    kana_height: float = 0.0  # mm; 0 = a third of the box
    groups: tuple[int, ...] = ()
    text: str = ""  # the check box's printed label
    square: bool = True  # check: draw the square (False over a background that has one)


@dataclass(kw_only=True)
class ChoiceField(Element):
    """Printed choices with the matching one circled (○)."""

    value: Binding | None
    choices: tuple[ChoiceItem, ...]
    style: TextStyle
    direction: str = "horizontal"  # horizontal | vertical
    separator: str = "・"


@dataclass(kw_only=True)
class BlankField(Element):
    """A box left for the resident or the office: ``signature``, ``seal``, or a table's
    ``blank`` write-in column (個人番号, 手帳番号)."""

    text: str = ""  # a printed hint (signature) or the mark in the circle (seal: 印)


@dataclass(kw_only=True)
class CodeField(Element):
    """The case number as a QR code or a Code 128 barcode."""

    value: Binding | None
    symbology: str = "qr"  # qr | code128
    caption: bool = True


@dataclass
class Column:
    """One column of a table: a title and the field drawn in each row's cell; ``width``
    None shares what the other columns leave."""

    title: str
    width: float | None
    cell: Element


@dataclass(kw_only=True)
class TableField(Element):
    """The household members, one row each; rows that do not fit go to a continuation
    sheet (続紙)."""

    where: Binding | None
    columns: list[Column]
    header_height: float = 8.0
    row_height: float = 10.0
    header_size: float = 8.0
    continuation_box: Box | None = None
    continuation_elements: list[Element] = field(default_factory=list)

    def column_widths(self) -> list[float]:
        """Widths in mm: columns without one share what the others leave; when all have
        one, the last column takes what is left, so the rules meet the table's frame."""
        given = sum(c.width for c in self.columns if c.width is not None)
        free = [c for c in self.columns if c.width is None]
        rest = self.box.w - given
        share = rest / len(free) if free else 0.0
        widths = [share if c.width is None else c.width for c in self.columns]
        if widths and not free and rest > 0:
            widths[-1] += rest
        return widths


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)
    loc: Loc | None = None


@dataclass
class FormTemplate:
    """One form: metadata, pages, and where it came from."""

    path: str
    id: str
    title: str
    department: str
    version: str
    per: Per
    paper: str
    landscape: bool
    pages: list[Page] = field(default_factory=list)
    background: str = ""
    background_loc: Loc | None = None
    person: Binding | None = None  # whom a household form is about (default: the head)
    loc: Loc | None = None
    department_loc: Loc | None = None
    id_loc: Loc | None = None

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in millimetres."""
        width, height = PAPERS.get(self.paper, PAPERS["A4"])
        return (height, width) if self.landscape else (width, height)

    def elements(self) -> list[tuple[int, Element]]:
        """Every element with its page index, in file order."""
        return [(index, e) for index, page in enumerate(self.pages) for e in page.elements]


STATIC_KINDS = frozenset({"label", "note", "box", "line", "grid"})
FIELD_KINDS = ("text", "name", "date", "digits", "check", "circle", "choice", "table")
BLANK_KINDS = ("signature", "seal", "code")
ALL_KINDS = (*sorted(STATIC_KINDS), *FIELD_KINDS, *BLANK_KINDS)
CELL_KINDS = ("text", "name", "date", "digits", "check", "circle", "choice", "number", "blank")
