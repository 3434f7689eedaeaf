"""Lays out a whole form for one case (and member): the printed parts, every field, the
household table and, when the household does not fit, continuation sheets (続紙)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from kakanai.core.forms.binding import CaseView, person_named, with_form, with_person
from kakanai.core.forms.fields import CAPTION_FAMILY, Bound, Sheet
from kakanai.core.forms.ink import FormPlan, LineInk, Metrics, PagePlan, RectInk, Typesetter
from kakanai.core.forms.marks import MarkPainter
from kakanai.core.forms.model import (
    BlankField,
    Box,
    ChoiceField,
    CodeField,
    Element,
    FormTemplate,
    Label,
    Rule,
    TableField,
    TextField,
    TextStyle,
)

CONTINUATION_TOP = 38.0  # mm: where the table starts on a continuation sheet
CONTINUATION_BOTTOM = 15.0


@dataclass
class Overflow:
    """Rows of a table that did not fit on its page, waiting for continuation sheets."""

    table: TableField
    rows: list[tuple[int, Mapping[str, object]]]


class FormLayout:
    """Lays out one template; reusable for many cases (character widths stay cached)."""

    def __init__(self, template: FormTemplate, metrics: Metrics) -> None:
        self.template = template
        self.setter = Typesetter(metrics)
        self.painter = MarkPainter(self.setter)
        self._printed: dict[int, Sheet] = {}  # static elements: the same inks for every case
        self._titles: dict[tuple[int, str, Box], Label] = {}

    def plan(
        self,
        view: CaseView,
        member: Mapping[str, object] | None = None,
        *,
        person: Mapping[str, object] | None = None,
    ) -> FormPlan:
        """Lay the form out for a case; ``member`` for a per-member form, ``person`` for a
        household form printed for one member (``person`` defaults to the member, else the
        one the template's ``person:`` names, else the head of household)."""
        width, height = self.template.size
        view = self.person_view(view, member, person)
        bound = Bound(view, member)
        plan = FormPlan()
        overflows: list[Overflow] = []
        codes: list[CodeField] = []
        for index, page in enumerate(self.template.pages):
            sheet = Sheet(index)
            for element in page.elements:
                if isinstance(element, CodeField):
                    codes.append(element)
                overflow = self.element(element, sheet, bound)
                if overflow is not None:
                    overflows.append(overflow)
            background = index if self.template.background else None
            plan.pages.append(PagePlan(width, height, sheet.inks, background))
            plan.placed.extend(sheet.placed)
            plan.notes.extend(sheet.notes)
        for overflow in overflows:
            self.continuation(plan, overflow, bound, codes[:1])
        return plan

    def person_view(
        self,
        view: CaseView,
        member: Mapping[str, object] | None = None,
        person: Mapping[str, object] | None = None,
    ) -> CaseView:
        """The view with the person the form is about bound (see ``plan``)."""
        bound = with_form(view, self.template.id)
        return with_person(bound, person or member or self.named_person(bound))

    def named_person(self, view: CaseView) -> object:
        named = person_named(view, Bound(view).value(self.template.person))
        household = view.values.get("household")
        head = household.get("head") if isinstance(household, Mapping) else None
        return named if named is not None else head

    def element(self, element: Element, sheet: Sheet, bound: Bound) -> Overflow | None:
        """Lay out one element; a table returns the rows it could not hold."""
        if not bound.holds(element.when):
            return None
        painter = self.painter
        if isinstance(element, Label | Rule):
            self.printed(element, sheet)
        elif isinstance(element, TableField):
            return self.table(element, sheet, bound, _rows(element, bound))
        elif isinstance(element, ChoiceField):
            painter.choice(element, sheet, bound)
        elif isinstance(element, BlankField):
            painter.blank(element, sheet)
        elif isinstance(element, CodeField):
            painter.code(element, sheet, bound)
        elif isinstance(element, TextField):
            draw = {
                "name": painter.name,
                "date": painter.date,
                "digits": painter.digits,
                "check": painter.check,
                "circle": painter.ring,
            }.get(element.kind, painter.text)
            draw(element, sheet, bound)
        return None

    def printed(self, element: Label | Rule, sheet: Sheet) -> None:
        """Labels and rules do not depend on the case: lay each out once per template."""
        done = self._printed.get(id(element))
        if done is None:
            done = Sheet(sheet.index)
            if isinstance(element, Label):
                self.label(element, done)
            else:
                rule(element, done)
            self._printed[id(element)] = done
        sheet.inks.extend(done.inks)
        sheet.notes.extend(done.notes)

    def label(self, label: Label, sheet: Sheet) -> None:
        if label.frame or label.fill is not None:
            line = label.line if label.frame else 0.0
            sheet.inks.append(RectInk(label.box, line, label.fill))
        pad = 1.2 if label.kind == "note" else 0.8
        area = label.box.inset(min(pad, label.box.w * 0.1), min(0.6, label.box.h * 0.1))
        self.painter.text_in(sheet, area, label.text, label.style, label, value=False)

    def table(
        self,
        table: TableField,
        sheet: Sheet,
        bound: Bound,
        rows: list[tuple[int, Mapping[str, object]]],
    ) -> Overflow | None:
        capacity = max(int((table.box.h - table.header_height + 1e-6) // table.row_height), 0)
        widths = table.column_widths()
        self.grid(table, sheet, widths, capacity)
        for slot in range(capacity):
            top = table.box.y + table.header_height + slot * table.row_height
            if slot < len(rows):
                number, member = rows[slot]
                row = Bound(bound.view, member, number)
            else:  # a row for the resident to fill in: its cells' printed parts only
                row = Bound(bound.view, {}, blank=True)
            x = table.box.x
            for column, width in zip(table.columns, widths, strict=True):
                cell = replace(column.cell, box=Box(x, top, width, table.row_height))
                self.element(cell, sheet, row)
                x += width
        rest = rows[capacity:]
        return Overflow(table, rest) if rest else None

    def grid(self, table: TableField, sheet: Sheet, widths: list[float], capacity: int) -> None:
        box = table.box
        height = table.header_height + capacity * table.row_height
        header = Box(box.x, box.y, box.w, table.header_height)
        sheet.inks.append(RectInk(header, 0.0, 0.9))
        sheet.inks.append(RectInk(Box(box.x, box.y, box.w, height), table.line + 0.3))
        for row in range(capacity):
            y = box.y + table.header_height + row * table.row_height
            sheet.inks.append(LineInk(box.x, y, box.right, y, table.line))
        x = box.x
        style = TextStyle(
            size=table.header_size, min_size=5.0, family=CAPTION_FAMILY, align="center"
        )
        for column, width in zip(table.columns, widths, strict=True):
            if x > box.x:
                sheet.inks.append(LineInk(x, box.y, x, box.y + height, table.line))
            self.printed(
                self.title(table, column.title, Box(x, box.y, width, table.header_height), style),
                sheet,
            )
            x += width

    def title(self, table: TableField, text: str, box: Box, style: TextStyle) -> Label:
        """The header label of a column (kept, so it is laid out once)."""
        key = (id(table), text, box)
        found = self._titles.get(key)
        if found is None:
            found = Label(
                kind="label", box=box, loc=table.loc, name=table.name, text=text, style=style
            )
            self._titles[key] = found
        return found

    def continuation(
        self, plan: FormPlan, overflow: Overflow, bound: Bound, codes: list[CodeField]
    ) -> None:
        """Continuation sheets (続紙) for the rows a table could not hold."""
        width, height = self.template.size
        table = overflow.table
        box = table.continuation_box or Box(
            table.box.x,
            CONTINUATION_TOP,
            table.box.w,
            height - CONTINUATION_TOP - CONTINUATION_BOTTOM,
        )
        moved = replace(table, box=box, when=None)
        capacity = max(int((box.h - table.header_height + 1e-6) // table.row_height), 1)
        count = math.ceil(len(overflow.rows) / capacity)
        for number in range(count):
            sheet = Sheet(len(plan.pages))
            self.heading(sheet, number + 1, count, bound.view.case_id)
            for element in table.continuation_elements:
                self.element(element, sheet, bound)
            chunk = overflow.rows[number * capacity : (number + 1) * capacity]
            self.table(moved, sheet, bound, chunk)
            for code in codes:
                self.painter.code(code, sheet, bound)
            plan.pages.append(PagePlan(width, height, sheet.inks, None))
            plan.placed.extend(sheet.placed)
            plan.notes.extend(sheet.notes)

    def heading(self, sheet: Sheet, number: int, count: int, case_id: str) -> None:
        template = self.template
        width, _ = template.size
        left = 15.0
        texts = [
            (Box(left, 12.0, width - 70.0, 10.0), f"{template.title}(続紙)", 15.0, "left"),
            (
                Box(left, 23.0, width - 70.0, 6.0),
                f"続紙 {number}/{count}  受付番号 {case_id}",
                9.0,
                "left",
            ),
            (
                Box(left, 29.0, width - 70.0, 6.0),
                "この続紙は本紙とあわせて1つの届出です。本紙と一緒に提出してください。",
                8.0,
                "left",
            ),
        ]
        for area, text, size, align in texts:
            style = TextStyle(size=size, min_size=5.0, family=CAPTION_FAMILY, align=align)
            fitted = self.setter.fit(area, text, style, template.title)
            sheet.inks.extend(self.setter.place(area, fitted, style, template.title))


def rule(element: Rule, sheet: Sheet) -> None:
    box = element.box
    if element.kind == "line":
        (x1, y1), (x2, y2) = element.start, element.end
        sheet.inks.append(LineInk(x1, y1, x2, y2, element.line, element.dash, element.color))
        return
    sheet.inks.append(RectInk(box, element.line, element.fill, element.dash, element.color))
    if element.kind != "grid":
        return
    x = box.x
    for width in element.cols[:-1]:
        x += width
        sheet.inks.append(LineInk(x, box.y, x, box.bottom, element.line, color=element.color))
    y = box.y
    for height in element.rows[:-1]:
        y += height
        sheet.inks.append(LineInk(box.x, y, box.right, y, element.line, color=element.color))


def _rows(table: TableField, bound: Bound) -> list[tuple[int, Mapping[str, object]]]:
    members = [m for m in bound.view.members if Bound(bound.view, m).holds(table.where)]
    return [(number, member) for number, member in enumerate(members, start=1)]
