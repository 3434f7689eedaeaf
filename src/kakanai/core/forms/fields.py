"""Laying out the text fields: text, names with furigana, dates (和暦, 西暦 or with the era
circled on a printed 昭和・平成・令和 line) and digit boxes. Each adds inks to its sheet and
records what it placed and what did not fit."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from kakanai.core.errors import ErrorCode
from kakanai.core.expressions.language import UNKNOWN
from kakanai.core.forms.binding import CaseView, context, display_text, format_date
from kakanai.core.forms.ink import (
    ASCENT,
    MM_PER_PT,
    EllipseInk,
    Ink,
    LineInk,
    Note,
    Placed,
    RectInk,
    TextInk,
    Typesetter,
)
from kakanai.core.forms.model import (
    GOTHIC,
    Binding,
    Box,
    Element,
    TextField,
    TextStyle,
)
from kakanai.core.japanese import values as jv

_GROUPS = re.compile(r"[0-9A-Za-z]+")
CAPTION_FAMILY = GOTHIC


@dataclass(frozen=True)
class Bound:
    """The case as one field reads it: the member bound (per-member forms, table rows).
    ``blank`` is a table row beyond the household: every value is unknown, so only the
    printed parts of its cells (choices, eras, 年 月 日, digit boxes) are drawn."""

    view: CaseView
    member: Mapping[str, object] | None = None
    row: int = 0
    blank: bool = False

    def value(self, binding: Binding | None) -> object:
        if binding is None or self.blank:
            return UNKNOWN
        try:
            return binding.expression.evaluate(context(self.view, self.member))
        except TypeError:  # a case value of an unexpected shape: print nothing rather than fail
            return UNKNOWN

    def holds(self, binding: Binding | None) -> bool:
        return binding is None or self.value(binding) is True


@dataclass
class Sheet:
    """One page being laid out, and what was placed or noted on it."""

    index: int
    inks: list[Ink] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def note(self, code: ErrorCode, element: Element, /, **fields: object) -> None:
        """Note ``code`` at ``element``, its template filled from ``fields``."""
        self.notes.append(Note(code, code.format(**fields), element.loc))


class FieldPainter:
    """Lays out fields with one typesetter."""

    def __init__(self, setter: Typesetter) -> None:
        self.setter = setter

    # -- shared pieces -------------------------------------------------------------------

    def frame_and_caption(self, element: Element, sheet: Sheet) -> Box:
        """Draw the frame and caption; return the area left for the value."""
        box = element.box
        if element.frame:
            sheet.inks.append(RectInk(box, element.line))
        if not element.label:
            return box.inset(min(1.0, box.w * 0.08), min(0.4, box.h * 0.08))
        caption = TextStyle(size=element.label_size, min_size=4.0, family=CAPTION_FAMILY)
        band = element.label_size * 1.15 * MM_PER_PT + 0.5
        caption_area = Box(box.x + 0.8, box.y + 0.4, box.w - 1.6, band)
        fitted = self.setter.fit(caption_area, element.label, caption, element.name)
        sheet.inks.extend(self.setter.place(caption_area, fitted, caption, element.name))
        return Box(box.x + 1.0, box.y + band + 0.4, box.w - 2.0, max(box.h - band - 0.8, 0.1))

    def text_in(  # noqa: PLR0913 - where, what, how, for which element, and whether it is a value
        self,
        sheet: Sheet,
        area: Box,
        text: str,
        style: TextStyle,
        element: Element,
        *,
        value: bool = True,
    ) -> None:
        """Fit ``text`` into ``area`` and note when part had to be cut; a value (not printed
        text such as 年 or a label) is also recorded where it was placed."""
        if not text:
            return
        fitted = self.setter.fit(area, text, style, element.name)
        sheet.inks.extend(self.setter.place(area, fitted, style, element.name))
        if value:
            sheet.placed.append(Placed(sheet.index, element.name, area, "".join(fitted.lines)))
        if fitted.rest:
            sheet.note(
                ErrorCode.FORM_TEXT_CUT, element, field=element.name, text=text, rest=fitted.rest
            )

    # -- kinds ---------------------------------------------------------------------------

    def text(self, field_: TextField, sheet: Sheet, bound: Bound) -> None:
        area = self.frame_and_caption(field_, sheet)
        if field_.kind == "number":
            text = str(bound.row) if bound.row else ""
        else:
            value = bound.value(field_.value)
            if isinstance(value, str) and value in field_.texts:
                value = field_.texts[value]
            shown = display_text(value, gannen=field_.gannen)
            text = f"{field_.prefix}{shown}{field_.suffix}" if shown else field_.empty
        self.text_in(sheet, area, text, field_.style, field_)

    def name(self, field_: TextField, sheet: Sheet, bound: Bound) -> None:
        area = self.frame_and_caption(field_, sheet)
        band = min(field_.kana_height, area.h * 0.6)
        kana_area = Box(area.x, area.y, area.w, band)
        name_area = Box(area.x, area.y + band, area.w, area.h - band)
        if field_.frame:
            y = area.y + band
            sheet.inks.append(LineInk(field_.box.x, y, field_.box.right, y, 0.3, dash=True))
        kana_style = replace(
            field_.style, size=field_.kana_size, min_size=min(4.5, field_.kana_size)
        )
        kana = display_text(bound.value(field_.kana))
        self.text_in(sheet, kana_area.inset(0, 0.2), kana, kana_style, field_)
        name = display_text(bound.value(field_.value))
        self.text_in(sheet, name_area, name, field_.style, field_)

    def date(self, field_: TextField, sheet: Sheet, bound: Bound) -> None:
        value = bound.value(field_.value)
        day = value if isinstance(value, dt.date) else None
        if field_.date_style != "era":
            area = self.frame_and_caption(field_, sheet)
            text = format_date(day, field_.date_style, gannen=field_.gannen) if day else ""
            self.text_in(sheet, area, text or field_.empty, field_.style, field_)
            return
        self.era_date(field_, sheet, day)

    def era_date(self, field_: TextField, sheet: Sheet, day: dt.date | None) -> None:
        """昭和・平成・令和 printed, the date's era circled, then 年 月 日 with the numbers."""
        area = self.frame_and_caption(field_, sheet)
        era, year = jv.era_of(day) if day else ("", 0)
        width = min(field_.era_width or area.w * 0.42, area.w * 0.8)
        era_area = Box(area.x, area.y, width, area.h)
        style = replace(field_.style, size=field_.style.size * 0.85, wrap=False)
        size = self.setter.fit(era_area, "・".join(field_.eras), style, field_.name).size
        placed = self.row_of_labels(
            sheet, field_, era_area, list(field_.eras), separator="・", size=size
        )
        for label, box in zip(field_.eras, placed, strict=True):
            if era and label in (era, era[0]):
                self.circle(sheet, field_, box, label)
        year_text = ("元" if year == 1 and field_.gannen else str(year)) if day else ""
        if day and era not in field_.eras and era[0] not in field_.eras:
            year_text = f"{era}{year_text}"
            eras = "・".join(field_.eras)
            sheet.note(ErrorCode.FORM_ERA_MISSING, field_, field=field_.name, era=era, eras=eras)
        numbers = (year_text, str(day.month) if day else "", str(day.day) if day else "")
        # The numbers start after the eras as printed (at their smallest size they may run
        # past era_width), so the two never overlap; a box too narrow for that is noted.
        start = max(era_area.right, placed[-1].right if placed else 0.0) + 1.0
        rest = Box(start, area.y, max(area.right - start, 0.1), area.h)
        self.check_year_room(field_, sheet, rest)
        self.units(sheet, field_, rest, numbers, ("年", "月", "日"))

    def check_year_room(self, field_: TextField, sheet: Sheet, rest: Box) -> None:
        """Note FORM_030 when the year's slot cannot hold two digits at the smallest size."""
        style = field_.style
        unit = self.setter.width("年", style.size, style.family, field_.name)
        digits = self.setter.width("88", style.min_size, style.family, field_.name)
        if rest.w / 3 - unit - 0.8 < digits:
            eras = "・".join(field_.eras)
            sheet.note(ErrorCode.FORM_ERA_CROWDED, field_, field=field_.name, eras=eras)

    def row_of_labels(  # noqa: PLR0913 - where, which labels, how they are separated and set
        self,
        sheet: Sheet,
        element: Element,
        area: Box,
        labels: list[str],
        *,
        separator: str,
        size: float,
        family: str = "",
        centered: bool = False,
    ) -> list[Box]:
        """Print labels in a row with separators, vertically centred; return each label's
        box (to circle the chosen one)."""
        family = family or (
            element.style.family if isinstance(element, TextField) else CAPTION_FAMILY
        )
        total = self.setter.width(separator.join(labels), size, family, element.name)
        x = area.x + (area.w - total) / 2 if centered else area.x
        height = size * MM_PER_PT
        top = area.y + (area.h - height) / 2
        boxes = []
        for index, label in enumerate(labels):
            width = self.setter.width(label, size, family, element.name)
            sheet.inks.append(TextInk(x, top + ASCENT * height, label, size, family, element.name))
            boxes.append(Box(x, top, width, height))
            x += width
            if index < len(labels) - 1 and separator:
                sheet.inks.append(
                    TextInk(x, top + ASCENT * height, separator, size, family, element.name)
                )
                x += self.setter.width(separator, size, family, element.name)
        return boxes

    def units(
        self,
        sheet: Sheet,
        field_: TextField,
        area: Box,
        numbers: tuple[str, ...],
        units: tuple[str, ...],
    ) -> None:
        slot = area.w / len(units)
        style = replace(field_.style, wrap=False, align="right")
        for index, (number, unit) in enumerate(zip(numbers, units, strict=True)):
            left = area.x + index * slot
            unit_width = self.setter.width(unit, style.size, style.family, field_.name)
            unit_area = Box(left + slot - unit_width, area.y, unit_width, area.h)
            self.text_in(sheet, unit_area, unit, style, field_, value=False)
            number_area = Box(left, area.y, max(slot - unit_width - 0.8, 0.1), area.h)
            self.text_in(sheet, number_area, number, style, field_)

    def circle(self, sheet: Sheet, element: Element, around: Box, label: str) -> None:
        """A ○ around ``around``, kept inside the element's box."""
        pad_x, pad_y = 1.0, 0.6
        box = element.box
        left = max(around.x - pad_x, box.x + 0.1)
        top = max(around.y - pad_y, box.y + 0.1)
        right = min(around.right + pad_x, box.right - 0.1)
        bottom = min(around.bottom + pad_y, box.bottom - 0.1)
        ring = Box(left, top, right - left, bottom - top)
        sheet.inks.append(EllipseInk(ring, 0.8))
        sheet.placed.append(Placed(sheet.index, element.name, ring, label, mark=True))

    def digits(self, field_: TextField, sheet: Sheet, bound: Bound) -> None:
        area = self.frame_and_caption(field_, sheet) if field_.label else field_.box
        groups = field_.groups
        gaps = len(groups) - 1
        cell = area.w / (sum(groups) + 0.7 * gaps)
        text = display_text(bound.value(field_.value))
        chars = self.digit_layout(field_, sheet, text)
        size = min(field_.style.size, area.h / MM_PER_PT * 0.72, cell / MM_PER_PT * 0.95)
        style = replace(field_.style, size=size, min_size=size, align="center", wrap=False)
        x, index = area.x, 0
        for number, count in enumerate(groups):
            for _ in range(count):
                box = Box(x, area.y, cell, area.h)
                sheet.inks.append(RectInk(box, 0.4))
                self.text_in(sheet, box, chars[index], style, field_)
                x += cell
                index += 1
            if number < gaps:
                dash = Box(x, area.y, cell * 0.7, area.h)
                separator = replace(style, family=CAPTION_FAMILY)
                self.text_in(sheet, dash, "-", separator, field_, value=False)
                x += cell * 0.7

    def digit_layout(self, field_: TextField, sheet: Sheet, text: str) -> list[str]:
        """One character (or blank) per box: typed groups right-aligned in their groups of
        boxes when they match, else the characters from the left."""
        total = sum(field_.groups)
        parts = _GROUPS.findall(text)
        if len(parts) == len(field_.groups) and all(
            len(p) <= n for p, n in zip(parts, field_.groups, strict=True)
        ):
            cells: list[str] = []
            for part, count in zip(parts, field_.groups, strict=True):
                cells.extend([""] * (count - len(part)) + list(part))
            return cells
        chars = list("".join(parts))
        if len(chars) > total:
            boxes = "-".join(str(n) for n in field_.groups)
            sheet.note(ErrorCode.FORM_DIGITS_CUT, field_, field=field_.name, text=text, boxes=boxes)
            return [""] * total
        return chars + [""] * (total - len(chars))
