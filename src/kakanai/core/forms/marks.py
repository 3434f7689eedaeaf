"""Laying out marks and blanks: check marks, ○ over printed choices, the choices
themselves, signature and seal boxes, and the case-number code."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from kakanai.core.errors import ErrorCode
from kakanai.core.forms.binding import display_text
from kakanai.core.forms.fields import CAPTION_FAMILY, Bound, FieldPainter, Sheet
from kakanai.core.forms.ink import (
    ASCENT,
    MM_PER_PT,
    CodeInk,
    EllipseInk,
    LineInk,
    Placed,
    RectInk,
)
from kakanai.core.forms.model import BlankField, Box, ChoiceField, CodeField, TextField, TextStyle


class MarkPainter(FieldPainter):
    """Every field kind: the text kinds of FieldPainter plus marks and blanks."""

    def check(self, field_: TextField, sheet: Sheet, bound: Bound) -> None:
        box = field_.box
        side = min(box.h, box.w, 4.2)
        square = Box(box.x, box.y + (box.h - side) / 2, side, side)
        if field_.square:
            sheet.inks.append(RectInk(square, 0.6))
        if field_.text:
            rest = Box(square.right + 1.0, box.y, max(box.w - side - 1.0, 0.1), box.h)
            style = replace(field_.style, family=CAPTION_FAMILY)
            fitted = self.setter.fit(rest, field_.text, style, field_.name)
            sheet.inks.extend(self.setter.place(rest, fitted, style, field_.name))
        if bound.value(field_.value) is True:
            x, y, s = square.x, square.y, square.w
            points = [
                (x + 0.18 * s, y + 0.5 * s),
                (x + 0.42 * s, y + 0.8 * s),
                (x + 0.85 * s, y + 0.15 * s),
            ]
            for (x1, y1), (x2, y2) in pairwise(points):
                sheet.inks.append(LineInk(x1, y1, x2, y2, 1.4))
            sheet.placed.append(Placed(sheet.index, field_.name, square, "", mark=True))

    def ring(self, field_: TextField, sheet: Sheet, bound: Bound) -> None:
        """A ○ filling the box when the value holds (over a choice printed on a background)."""
        if bound.value(field_.value) is True:
            box = field_.box
            sheet.inks.append(EllipseInk(box, 0.8))
            sheet.placed.append(Placed(sheet.index, field_.name, box, "", mark=True))

    def choice(self, field_: ChoiceField, sheet: Sheet, bound: Bound) -> None:
        area = self.frame_and_caption(field_, sheet)
        value = bound.value(field_.value)
        shown = display_text(value)
        chosen = [
            (bound.holds(item.when) if item.when is not None else item.value == shown)
            for item in field_.choices
        ]
        if shown and not any(chosen) and not any(i.when for i in field_.choices):
            choices = "・".join(i.label for i in field_.choices)
            sheet.note(
                ErrorCode.FORM_CHOICE_MISSING,
                field_,
                field=field_.name,
                value=shown,
                choices=choices,
            )
        labels = [i.label for i in field_.choices]
        if field_.direction == "vertical":
            self._choices_vertical(field_, sheet, area, labels, chosen)
        else:
            self._choices_across(field_, sheet, area, labels, chosen)

    def _choices_across(
        self, field_: ChoiceField, sheet: Sheet, area: Box, labels: list[str], chosen: list[bool]
    ) -> None:
        style = replace(field_.style, wrap=False)
        joined = field_.separator.join(labels)
        size = self.setter.fit(area.inset(0.8, 0), joined, style, field_.name).size
        inner = area.inset(0.8, 0)
        boxes = self.row_of_labels(
            sheet,
            field_,
            inner,
            labels,
            separator=field_.separator,
            size=size,
            family=style.family,
            centered=style.align == "center",
        )
        for label, box, circled in zip(labels, boxes, chosen, strict=True):
            if circled:
                self.circle(sheet, field_, box, label)

    def _choices_vertical(
        self, field_: ChoiceField, sheet: Sheet, area: Box, labels: list[str], chosen: list[bool]
    ) -> None:
        pitch = area.h / max(len(labels), 1)
        for index, label in enumerate(labels):
            row = Box(area.x + 0.8, area.y + index * pitch, area.w - 1.6, pitch)
            style = replace(field_.style, wrap=False)
            fitted = self.setter.fit(row, label, style, field_.name)
            inks = self.setter.place(row, fitted, style, field_.name)
            sheet.inks.extend(inks)
            if chosen[index] and inks:
                ink = inks[0]
                width = self.setter.width(ink.text, ink.size, ink.family, field_.name)
                top = ink.y - ASCENT * ink.size * MM_PER_PT
                self.circle(sheet, field_, Box(ink.x, top, width, ink.size * MM_PER_PT), label)

    def blank(self, field_: BlankField, sheet: Sheet) -> None:
        box = field_.box
        if field_.kind == "seal":
            side = min(box.w, box.h) * 0.8
            ring = Box(box.x + (box.w - side) / 2, box.y + (box.h - side) / 2, side, side)
            sheet.inks.append(EllipseInk(ring, 0.4, dash=True))
            style = TextStyle(
                size=min(9.0, side / MM_PER_PT * 0.4),
                family=CAPTION_FAMILY,
                align="center",
                color=(0.55, 0.55, 0.55),
            )
            if field_.label or field_.frame:
                self.frame_and_caption(field_, sheet)
            fitted = self.setter.fit(ring, field_.text, style, field_.name)
            sheet.inks.extend(self.setter.place(ring, fitted, style, field_.name))
            return
        area = self.frame_and_caption(field_, sheet)
        if field_.text:
            style = TextStyle(
                size=6.0,
                min_size=4.5,
                family=CAPTION_FAMILY,
                align="right",
                valign="bottom",
                color=(0.4, 0.4, 0.4),
            )
            fitted = self.setter.fit(area, field_.text, style, field_.name)
            sheet.inks.extend(self.setter.place(area, fitted, style, field_.name))

    def code(self, field_: CodeField, sheet: Sheet, bound: Bound) -> None:
        box = field_.box
        payload = display_text(bound.value(field_.value)) if field_.value else bound.view.case_id
        if not payload:
            return
        band = 2.6 if field_.caption else 0.0
        if field_.symbology == "qr":
            side = min(box.w, box.h - band)
            symbol = Box(box.x + (box.w - side) / 2, box.y, side, side)
        else:
            symbol = Box(box.x, box.y, box.w, box.h - band)
        sheet.inks.append(CodeInk(symbol, payload, field_.symbology))
        if field_.caption:
            caption = Box(box.x, symbol.bottom + 0.2, box.w, band - 0.2)
            style = TextStyle(
                size=6.0, min_size=3.5, family=CAPTION_FAMILY, align="center", wrap=False
            )
            self.text_in(sheet, caption, payload, style, field_)
