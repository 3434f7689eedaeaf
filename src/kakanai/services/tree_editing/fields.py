"""The fields of each item's form, read from the YAML and written back as in-place edits of
its text (adapters/yaml_editing): a value is replaced where it is, a key added after the
item's last key, an emptied optional key removed. Everything else keeps its lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from kakanai.adapters import yaml_editing
from kakanai.core.located import LMap, LNode, plain
from kakanai.core.trees.model import QuestionType
from kakanai.core.trees.review import TYPE_NAMES
from kakanai.services.tree_editing.places import Kind, Place, node_at


class FieldKind(Enum):
    TEXT = "text"
    WRAPPED_TEXT = "wrapped_text"  # one line in the YAML, long enough to wrap in the form
    LONG_TEXT = "long_text"
    CONDITION = "condition"  # a condition or expression, edited with live diagnostics
    OPTION = "option"  # one of fixed options
    DEPARTMENT = "department"  # one of the tree's departments
    FLAG = "flag"
    LIST = "list"  # texts, one a line
    IDS = "ids"  # question ids, separated by commas
    CHOICES = "choices"  # value and label pairs
    NUMBER = "number"
    DATE = "date"


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # with a mnemonic
    noun: str  # in a step's name: 「設問 move_date の<noun>を変更」
    kind: FieldKind
    required: bool = False
    default: object = None  # a flag's or option's value when the key is absent
    options: tuple[tuple[str, str], ...] = ()  # value, shown
    types: tuple[str, ...] = ()  # shown only for these question types
    per_member: bool = False  # shown only for per-member questions
    hint: str = ""


PER_OPTIONS = (("household", "世帯ごと"), ("member", "世帯員ごと"))
TYPE_OPTIONS = tuple((t.value, f"{TYPE_NAMES[t]} ({t.value})") for t in QuestionType)
Choice = tuple[str, str]

_QUESTION = (
    FieldSpec("text", "設問文(&T)", "設問文", FieldKind.WRAPPED_TEXT, required=True),
    FieldSpec("help", "補足(&B)", "補足", FieldKind.LONG_TEXT),
    FieldSpec("type", "種類(&Y)", "種類", FieldKind.OPTION, required=True, options=TYPE_OPTIONS),
    FieldSpec("choices", "選択肢(&I)", "選択肢", FieldKind.CHOICES, types=("choice", "multi")),
    FieldSpec("when", "聞く条件(&W)", "条件", FieldKind.CONDITION, hint="空欄なら必ず聞きます"),
    FieldSpec("required", "回答は必須(&D)", "必須", FieldKind.FLAG, default=True),
    FieldSpec("record_only", "記録のみ(&J)", "記録のみ", FieldKind.FLAG, default=False),
    FieldSpec(
        "per",
        "聞く相手(&P)",
        "聞く相手",
        FieldKind.OPTION,
        default="household",
        options=PER_OPTIONS,
    ),
    FieldSpec(
        "member_when",
        "聞く世帯員(&N)",
        "聞く世帯員の条件",
        FieldKind.CONDITION,
        per_member=True,
        hint="member.age >= 20 のように、member で世帯員を読みます",
    ),
    FieldSpec(
        "reask_on",
        "聞き直すきっかけ(&A)",
        "聞き直すきっかけ",
        FieldKind.IDS,
        hint="前の設問のID(カンマ区切り)。その回答が変わると、この設問を聞き直します",
    ),
    FieldSpec("min", "最小値", "最小値", FieldKind.NUMBER, types=("number",)),
    FieldSpec("max", "最大値", "最大値", FieldKind.NUMBER, types=("number",)),
)
_PROCEDURE = (
    FieldSpec("name", "手続き名(&N)", "名前", FieldKind.TEXT, required=True),
    FieldSpec("department", "課(&D)", "課", FieldKind.DEPARTMENT, required=True),
    FieldSpec(
        "when", "該当する条件(&W)", "条件", FieldKind.CONDITION, hint="空欄なら必ず案内します"
    ),
    FieldSpec(
        "because",
        "理由(&B)",
        "理由",
        FieldKind.LONG_TEXT,
        required=True,
        hint="世帯員ごとの手続きでは {member.name} が使えます",
    ),
    FieldSpec(
        "per",
        "案内の単位(&P)",
        "案内の単位",
        FieldKind.OPTION,
        default="household",
        options=PER_OPTIONS,
    ),
    FieldSpec("bring", "持ち物(&G)", "持ち物", FieldKind.LIST, hint="1行に1つ"),
    FieldSpec("forms", "様式(&Y)", "様式", FieldKind.LIST, hint="様式テンプレートのID、1行に1つ"),
    FieldSpec("deadline", "期限(&T)", "期限", FieldKind.TEXT),
    FieldSpec(
        "due",
        "期限日の式(&U)",
        "期限日の式",
        FieldKind.CONDITION,
        hint="例: juuki_deadline(move_date, 14)",
    ),
    FieldSpec("desk", "場所(&C)", "場所", FieldKind.TEXT),
    FieldSpec("fee", "手数料(円)", "手数料", FieldKind.NUMBER),
    FieldSpec("copies", "通数の式", "通数の式", FieldKind.CONDITION),
)
FIELDS: Mapping[Kind, tuple[FieldSpec, ...]] = {
    Kind.META: (
        FieldSpec("title", "題名(&T)", "題名", FieldKind.TEXT, required=True),
        FieldSpec("version", "版(&N)", "版", FieldKind.TEXT, required=True),
        FieldSpec("effective_from", "施行日(&D)", "施行日", FieldKind.DATE, hint="2026-12-01"),
        FieldSpec("city", "市区町村(&C)", "市区町村", FieldKind.TEXT),
        FieldSpec("description", "説明(&B)", "説明", FieldKind.LONG_TEXT),
    ),
    Kind.SECTION: (
        FieldSpec("title", "見出し(&T)", "見出し", FieldKind.TEXT, required=True),
        FieldSpec("when", "聞く条件(&W)", "条件", FieldKind.CONDITION),
    ),
    Kind.QUESTION: _QUESTION,
    Kind.COMPUTED: (
        FieldSpec("title", "意味(&T)", "意味", FieldKind.TEXT),
        FieldSpec("value", "計算式(&W)", "計算式", FieldKind.CONDITION, required=True),
    ),
    Kind.PROCEDURE: _PROCEDURE,
    Kind.DEPARTMENT: (
        FieldSpec("name", "課の名前(&N)", "名前", FieldKind.TEXT, required=True),
        FieldSpec("floor", "階(&G)", "階", FieldKind.TEXT),
        FieldSpec("counter", "窓口(&C)", "窓口", FieldKind.TEXT),
        FieldSpec("extension", "内線(&U)", "内線", FieldKind.TEXT),
        FieldSpec("external", "市役所の外(&X)", "市役所の外", FieldKind.FLAG, default=False),
    ),
}


TEXT_KINDS = (FieldKind.TEXT, FieldKind.WRAPPED_TEXT, FieldKind.LONG_TEXT)


def structured(root: LNode | None, place: Place, spec: FieldSpec) -> bool:
    """Whether a text field is written as a list of parts (a help with conditional
    sentences: ``- {text: …, when: …}``), which the form shows but only the YAML edits."""
    value = plain(node_at(root, [*place.path, spec.key]))
    return spec.kind in TEXT_KINDS and isinstance(value, list | Mapping)


def value_of(root: LNode | None, place: Place, spec: FieldSpec) -> object:
    """What the form shows for ``spec``: the value as written, in the field's kind."""
    node = node_at(root, [*place.path, spec.key])
    value = plain(node)
    kind = spec.kind
    if kind in TEXT_KINDS and isinstance(value, list | Mapping):
        return "\n".join(_part_line(part) for part in _listed(value) or [value])
    if kind is FieldKind.FLAG:
        return value if isinstance(value, bool) else spec.default
    if kind in (FieldKind.LIST, FieldKind.IDS):
        return [str(v) for v in value] if isinstance(value, list) else []
    if kind is FieldKind.CHOICES:
        return [_choice(v) for v in value] if isinstance(value, list) else []
    if kind is FieldKind.NUMBER:
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None
    if kind is FieldKind.DATE:
        return value if isinstance(value, dt.date) else None
    if kind is FieldKind.OPTION and value is None:
        return spec.default or ""
    return "" if value is None else str(value)


def shown(spec: FieldSpec, root: LNode | None, place: Place) -> bool:
    """Whether the form shows ``spec`` for this item (choices only for choice questions…)."""
    item = node_at(root, place.path)
    written = isinstance(item, LMap) and item.get(spec.key) is not None
    if spec.types and not written:
        return str(plain(node_at(root, [*place.path, "type"]))) in spec.types
    if spec.per_member and not written:
        return plain(node_at(root, [*place.path, "per"])) == "member"
    return True


def edit(text: str, root: LNode | None, place: Place, spec: FieldSpec, new: object) -> str | None:
    """``text`` with the field set to ``new`` (None when nothing changes; a structured text
    is never replaced by a form)."""
    if new == value_of(root, place, spec) or structured(root, place, spec):
        return None
    item = node_at(root, place.path)
    present = isinstance(item, LMap) and item.get(spec.key) is not None
    path = list(place.path)
    if _empty(new) and not spec.required:
        return yaml_editing.remove_key(text, path, spec.key) if present else None
    if spec.kind in (FieldKind.FLAG, FieldKind.OPTION) and new == spec.default and not present:
        return None
    if spec.kind in (FieldKind.LIST, FieldKind.IDS):
        return yaml_editing.set_list(text, path, spec.key, [str(v) for v in _listed(new)])
    if spec.kind is FieldKind.CHOICES:
        return yaml_editing.set_list(text, path, spec.key, _choice_items(_listed(new)))
    assert isinstance(new, str | bool | int | float | dt.date)
    return yaml_editing.set_key(text, path, spec.key, new)


def step_name(place: Place, spec: FieldSpec) -> str:
    """A named undo step: 「設問 move_date の条件を変更」."""
    return f"{place.named()} の{spec.noun}を変更"


def fields_of(kind: Kind) -> tuple[FieldSpec, ...]:
    return FIELDS[kind]


def parse_ids(text: str) -> list[str]:
    """Ids typed with commas or spaces (全角 too) between them."""
    for separator in ("、", ",", "，", "　"):
        text = text.replace(separator, " ")
    return text.split()


def _choice(value: object) -> Choice:
    if isinstance(value, Mapping):
        written = str(value.get("value", ""))
        return written, str(value.get("label", written))
    return str(value), str(value)


def _choice_items(choices: Sequence[object]) -> list[yaml_editing.Item]:
    """Choices as written: a plain value when its label is the same."""
    items: list[yaml_editing.Item] = []
    for choice in choices:
        value, label = choice if isinstance(choice, tuple) else (str(choice), str(choice))
        items.append(value if not label or label == value else {"value": value, "label": label})
    return items


def _part_line(part: object) -> str:
    """One part of a structured text: 「文(条件: when)」."""
    if not isinstance(part, Mapping):
        return str(part)
    when = part.get("when")
    return str(part.get("text", "")) + (f"(条件: {when})" if when else "")


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def _empty(value: object) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple) and not value)
