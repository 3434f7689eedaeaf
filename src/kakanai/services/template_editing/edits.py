"""Each edit of a template as a change to its text that touches only the field's own lines:
add a field, move or resize it, delete it, set its binding, its kind or its name."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kakanai.adapters import yaml_item_editing as items
from kakanai.adapters.yaml_editing import scalar
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.forms.elements import KEYS
from kakanai.core.forms.model import Box
from kakanai.services.template_editing.fields import FieldRef, Outline, box_text

_FLOW_UNSAFE = re.compile(r"[,\[\]{}]|^[\"']")
TABLE_COLUMNS = (
    "{title: No., width: 8, kind: number, align: center}",
    "{title: フリガナ／氏名, width: 50, kind: name, value: member.name, kana: member.kana}",
    "{title: 生年月日, width: 42, kind: date, value: member.birth_date}",
    "{title: 性別, width: 14, kind: choice, value: member.sex, choices: [男, 女], align: center}",
    "{title: 続柄, value: member.relationship, align: center}",
)


def flow_scalar(value: str) -> str:
    """A scalar that reads back as ``value`` inside ``{…}`` (bindings often hold quotes)."""
    written = scalar(value)
    if written == value and not _FLOW_UNSAFE.search(value):
        return value
    if "'" not in value and "\n" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


def _flow_list(values: Sequence[str] | Sequence[int]) -> str:
    return "[" + ", ".join(flow_scalar(str(v)) for v in values) + "]"


@dataclass(frozen=True)
class Spec:
    """What a field is: its kind, what it reads and (a choice) the choices it prints."""

    kind: str
    source: str = ""
    choices: Sequence[str] = ()
    name: str = ""  # its id (a new field: unique among the template's)


def added(text: str, outline: Outline, page: int, box: Box, spec: Spec) -> tuple[str, FieldRef]:
    """``text`` with a new field at the end of the page's elements, and where it is."""
    kind, source, choices, name = spec.kind, spec.source, spec.choices, spec.name
    existing = {f.name for f in outline.fields()}
    field_id = unique_name(name or "項目", existing)
    count = items.item_count(text, ["pages", page, "elements"])
    if kind == "table":
        lines = ["kind: table", f"id: {flow_scalar(field_id)}", f"box: {box_text(box)}"]
        lines += ["header_height: 8", "row_height: 10", "columns:"]
        lines += [f"  - {column}" for column in TABLE_COLUMNS]
        item = "\n".join(lines)
    else:
        pairs = [("kind", kind), ("id", flow_scalar(field_id)), ("box", box_text(box))]
        if source:
            pairs.append(("value", flow_scalar(source)))
        pairs.extend(_extras(kind, source, choices, set()))
        item = "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    return items.append_item(text, ["pages", page, "elements"], item), FieldRef(page, count)


def moved(text: str, ref: FieldRef, box: Box) -> str:
    """The field's ``box:`` replaced (moved or resized)."""
    return items.set_key(text, ref.path, "box", box_text(box))


def removed(text: str, ref: FieldRef) -> str:
    return items.remove_item(text, ref.path)


def renamed(text: str, ref: FieldRef, name: str) -> str:
    if not name.strip():
        return items.remove_key(text, ref.path, "id")
    return items.set_key(text, ref.path, "id", flow_scalar(name.strip()))


def rebound(text: str, ref: FieldRef, kind: str, source: str, choices: Sequence[str] = ()) -> str:
    """The field reads ``source`` ("" : nothing); a name's furigana and a choice's printed
    choices follow the new binding."""
    if kind == "table":
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_TABLE, field=f"{ref.page + 1}-{ref.index}")
    if not source.strip():
        return items.remove_key(text, ref.path, "value")
    text = items.set_key(text, ref.path, "value", flow_scalar(source.strip()))
    for key, value in _extras(kind, source.strip(), choices, set()):
        text = items.set_key(text, ref.path, key, value)
    return text


def rekinded(text: str, ref: FieldRef, old_kind: str, spec: Spec) -> str:
    """The field drawn as ``kind``: keys the new kind does not have are dropped (so a
    ``kana:`` never stays on a date), and what it needs is added."""
    kind, source, choices = spec.kind, spec.source, spec.choices
    if "table" in (old_kind, kind):
        raise KakanaiError.of(ErrorCode.TEMPLATE_EDIT_TABLE, field=f"{ref.page + 1}-{ref.index}")
    allowed = KEYS.get(kind, set())
    for key in sorted(KEYS.get(old_kind, set()) - allowed):
        text = items.remove_key(text, ref.path, key)
    text = items.set_key(text, ref.path, "kind", kind)
    for key, value in _extras(kind, source, choices, set()):
        text = items.set_key(text, ref.path, key, value)
    return text


def _extras(
    kind: str, source: str, choices: Sequence[str], present: set[str]
) -> list[tuple[str, str]]:
    """What a kind needs besides its value: a name's furigana, a postal code's 3+4 boxes,
    the choices to print."""
    extras: list[tuple[str, str]] = []
    if kind == "name" and source.endswith(".name"):
        extras.append(("kana", source.removesuffix(".name") + ".kana"))
    if kind == "digits" and source.endswith("postal_code"):
        extras.append(("groups", "[3, 4]"))
    if kind == "choice" and choices:
        extras.append(("choices", _flow_list(choices)))
    return [(k, v) for k, v in extras if k not in present]


def unique_name(name: str, existing: set[str]) -> str:
    """``name``, or ``name2``, ``name3``… when a field already has it."""
    if name not in existing:
        return name
    number = 2
    while f"{name}{number}" in existing:
        number += 1
    return f"{name}{number}"
