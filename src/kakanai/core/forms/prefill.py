"""How much of a form kakanai filled in for the resident: the fields it printed a value in, and
among them how often the resident's name, address and birth date (千葉市's measure of the
writing a 書かない窓口 saves). Counts only; no value leaves this module."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from kakanai.core.forms.binding import CaseView, display_text
from kakanai.core.forms.fields import Bound
from kakanai.core.forms.model import (
    Binding,
    ChoiceField,
    Element,
    FormTemplate,
    TableField,
    TextField,
)

# Text kinds whose value is written out; check and circle are marks that hold or not.
_WRITTEN = frozenset({"text", "name", "date", "digits"})
_MARKS = frozenset({"check", "circle"})
# The parts an address value has (core/forms/binding.address_text prints them).
_ADDRESS_PARTS = frozenset({"postal_code", "prefecture", "municipality", "town", "block"})


@dataclass(frozen=True)
class Prefill:
    """Fields printed with a value, and how many of them were a name, an address or a birth
    date the resident would otherwise have written by hand."""

    fields: int = 0
    names: int = 0
    addresses: int = 0
    birth_dates: int = 0

    def __add__(self, other: Prefill) -> Prefill:
        return Prefill(
            self.fields + other.fields,
            self.names + other.names,
            self.addresses + other.addresses,
            self.birth_dates + other.birth_dates,
        )

    @property
    def writings(self) -> int:
        """Names, addresses and birth dates together (what 千葉市 counted: 35 → 6)."""
        return self.names + self.addresses + self.birth_dates


@dataclass(frozen=True)
class FormFill:
    """One prefilled form as statistics keep it: which form, for which procedure and
    member (None: the household's form), and what it filled in."""

    form_id: str
    department: str
    procedure_id: str
    member: int | None
    prefill: Prefill


def count_prefill(
    template: FormTemplate, view: CaseView, member: Mapping[str, object] | None = None
) -> Prefill:
    """What the form prints for the case: ``view`` as the layout binds it (person,
    procedure and department), ``member`` for a per-member form. Every row of a table
    counts (the continuation sheets included); codes, row numbers and blanks do not."""
    bound = Bound(view, member)
    total = Prefill()
    for _page, element in template.elements():
        if not bound.holds(element.when):
            continue
        if isinstance(element, TableField):
            total += _table(element, bound)
        else:
            total += _field(element, bound)
    return total


def _table(table: TableField, bound: Bound) -> Prefill:
    total = Prefill()
    rows = [m for m in bound.view.members if Bound(bound.view, m).holds(table.where)]
    for number, member in enumerate(rows, start=1):
        row = Bound(bound.view, member, number)
        for column in table.columns:
            if row.holds(column.cell.when):
                total += _field(column.cell, row)
    return total


def _field(element: Element, bound: Bound) -> Prefill:
    if isinstance(element, ChoiceField):
        return Prefill(fields=1) if _chosen(element, bound) else Prefill()
    if not isinstance(element, TextField):
        return Prefill()
    if element.kind in _MARKS:
        return Prefill(fields=1) if bound.value(element.value) is True else Prefill()
    if element.kind not in _WRITTEN:
        return Prefill()
    value = bound.value(element.value)
    kana = bound.value(element.kana) if element.kind == "name" else None
    if not display_text(value) and not display_text(kana):  # a name without kana: UNKNOWN
        return Prefill()
    last = _last_name(element.value)
    return Prefill(
        fields=1,
        names=int(element.kind == "name" or last == "name"),
        addresses=int(_is_address(value)),
        birth_dates=int(last == "birth_date" and isinstance(value, dt.date)),
    )


def _chosen(element: ChoiceField, bound: Bound) -> bool:
    """Whether one of the printed choices gets its ○ (as marks.MarkPainter.choice decides)."""
    shown = display_text(bound.value(element.value))
    return any(
        bound.holds(item.when) if item.when is not None else item.value == shown
        for item in element.choices
    )


def _last_name(binding: Binding | None) -> str:
    """The field a plain path binding ends in (``household.head.name`` → ``name``);
    empty for anything computed (``school_grade(member.birth_date)`` is a grade)."""
    if binding is None:
        return ""
    node = binding.expression.syntax
    return node.attr if isinstance(node, ast.Attribute) else ""


def _is_address(value: object) -> bool:
    """A whole address (an ``address`` answer); its postal code or prefecture alone is
    part of one and not counted as an address written."""
    return isinstance(value, Mapping) and bool(_ADDRESS_PARTS & set(value))
