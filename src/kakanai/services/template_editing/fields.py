"""The fields of a template as the editor shows them: each element filled from the case (or
left for the resident), its box in millimetres, its binding and where it is in the YAML;
and the kinds a supervisor can choose, with their Japanese names."""

from __future__ import annotations

from dataclasses import dataclass

from kakanai.adapters.yaml_loading import YamlLoadError, load_text
from kakanai.core.forms.model import STATIC_KINDS, Box
from kakanai.core.located import LList, LMap, LNode, LScalar


@dataclass(frozen=True)
class Kind:
    """A kind of field the editor offers: its YAML ``kind`` and its name on screen."""

    kind: str
    label: str
    reads: str  # what its value must be: "text", "date", "bool" or "choice"


# The kinds of the list (text, date in 和暦, digit boxes, ○ choice, check, member
# table) and the two a background form needs (a name with furigana, a ○ over a printed
# choice); see docs/form-template-format.md "Fields".
KINDS: tuple[Kind, ...] = (
    Kind("text", "文字", "text"),
    Kind("name", "氏名(フリガナ付き)", "text"),
    Kind("date", "日付(和暦)", "date"),
    Kind("digits", "数字の枠(郵便番号など)", "text"),
    Kind("choice", "選択肢を○で囲む", "choice"),
    Kind("circle", "○(背景の選択肢の上に)", "bool"),
    Kind("check", "チェック(レ点)", "bool"),
    Kind("table", "世帯員の表", "member"),
)
KIND_LABELS = {k.kind: k.label for k in KINDS}
OTHER_KIND_LABELS = {"signature": "署名欄", "seal": "印", "code": "受付番号のQRコード"}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind) or OTHER_KIND_LABELS.get(kind) or kind


@dataclass(frozen=True)
class FieldRef:
    """Where a field is: its page and its position in the page's ``elements:``."""

    page: int
    index: int

    @property
    def path(self) -> list[str | int]:
        return ["pages", self.page, "elements", self.index]


@dataclass(frozen=True)
class TemplateField:
    """One field of the template, read from its YAML."""

    ref: FieldRef
    name: str  # its id, or its kind when it has none
    kind: str
    box: Box | None  # None: no readable box yet
    value: str  # the binding as written ("" when none)
    first_line: int  # 1-based lines of the element in the file
    last_line: int

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


@dataclass(frozen=True)
class Outline:
    """The fields of each page, and the element line ranges problems are matched against."""

    pages: list[list[TemplateField]]
    page_count: int

    def fields(self) -> list[TemplateField]:
        return [f for page in self.pages for f in page]

    def get(self, ref: FieldRef) -> TemplateField | None:
        return next((f for f in self.fields() if f.ref == ref), None)

    def at_line(self, line: int) -> TemplateField | None:
        """The field whose element holds ``line`` (problems are located at lines)."""
        return next((f for f in self.fields() if f.first_line <= line <= f.last_line), None)


def outline(text: str, path: str) -> Outline:
    """The fields of the template ``text`` (an empty outline when the YAML is unreadable)."""
    try:
        root = load_text(text, path)
    except YamlLoadError:
        return Outline([], 0)
    pages = root.get("pages") if isinstance(root, LMap) else None
    if not isinstance(pages, LList):
        return Outline([], 0)
    starts = _element_starts(pages)
    ends = [line - 1 for line in starts[1:]] + [text.count("\n") + 1]
    by_line = dict(zip(starts, ends, strict=True))
    result: list[list[TemplateField]] = []
    for page_index, page in enumerate(pages.items):
        elements = page.get("elements") if isinstance(page, LMap) else None
        items = elements.items if isinstance(elements, LList) else []
        fields = []
        for index, node in enumerate(items):
            if isinstance(node, LMap) and _kind(node) not in STATIC_KINDS:
                ref = FieldRef(page_index, index)
                fields.append(_field(ref, node, by_line.get(node.loc.line, node.loc.line)))
        result.append(fields)
    return Outline(result, len(pages.items))


def _element_starts(pages: LList) -> list[int]:
    starts: list[int] = []
    for page in pages.items:
        elements = page.get("elements") if isinstance(page, LMap) else None
        starts.extend(node.loc.line for node in getattr(elements, "items", []))
    return sorted(set(starts))


def _field(ref: FieldRef, node: LMap, last_line: int) -> TemplateField:
    kind = _kind(node)
    name = _text(node.get("id")) or kind_label(kind)
    return TemplateField(
        ref, name, kind, box_of(node.get("box")), _text(node.get("value")), node.loc.line, last_line
    )


def _kind(node: LMap) -> str:
    return _text(node.get("kind"))


def _text(node: LNode | None) -> str:
    if isinstance(node, LScalar) and node.value is not None:
        return str(node.value)
    return ""


def box_of(node: LNode | None) -> Box | None:
    """A ``box: [x, y, w, h]`` as written, or None when it is not four numbers."""
    if not isinstance(node, LList) or len(node.items) != 4:
        return None
    numbers = [n.value for n in node.items if isinstance(n, LScalar)]
    if len(numbers) != 4 or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in numbers
    ):
        return None
    x, y, w, h = (float(v) for v in numbers)  # type: ignore[arg-type]
    return Box(x, y, w, h)


def box_text(box: Box) -> str:
    """A box as YAML, in tenths of a millimetre (``[60, 61.5, 135, 8]``)."""
    return "[" + ", ".join(_mm(v) for v in (box.x, box.y, box.w, box.h)) + "]"


def _mm(value: float) -> str:
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}"
