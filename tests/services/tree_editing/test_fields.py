"""The forms' fields read the YAML as written and write each change as an edit of its own
lines: a value replaced, a key added or removed, a list rewritten; flags and options at
their default are not written."""

from __future__ import annotations

import difflib

import pytest

from kakanai.adapters.yaml_loading import load_text
from kakanai.core.located import LNode, plain
from kakanai.services.tree_editing import fields
from kakanai.services.tree_editing.draft import read_draft
from kakanai.services.tree_editing.places import Kind, Place, node_at, places
from tests.conftest import QUESTIONNAIRES

MOVING = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
ROOT = read_draft(MOVING, "moving.yaml").root


def place(kind: Kind, item_id: str) -> Place:
    return next(p for p in places(ROOT) if p.kind is kind and p.id == item_id)


def spec(kind: Kind, key: str) -> fields.FieldSpec:
    return next(s for s in fields.fields_of(kind) if s.key == key)


def edited(kind: Kind, item_id: str, key: str, value: object) -> str:
    after = fields.edit(MOVING, ROOT, place(kind, item_id), spec(kind, key), value)
    assert after is not None
    return after


def changed(after: str) -> list[str]:
    diff = difflib.unified_diff(MOVING.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def written(text: str, item: Place, key: str) -> object:
    root: LNode | None = load_text(text, "edited.yaml")
    return plain(node_at(root, [*item.path, key]))


def test_the_outline_lists_every_item_with_its_id_and_japanese_text() -> None:
    found = places(ROOT)
    kinds = {p.kind for p in found}
    assert kinds == set(Kind)
    assert place(Kind.QUESTION, "kaigo_nintei").label.startswith("kaigo_nintei — 介護保険の")
    assert place(Kind.QUESTION, "kaigo_nintei").parent == "insurance"
    assert place(Kind.PROCEDURE, "kokuho_kanyu").parent == "hoken_nenkin"


def test_a_field_shows_the_value_as_written() -> None:
    move_type = place(Kind.QUESTION, "move_type")
    assert fields.value_of(ROOT, move_type, spec(Kind.QUESTION, "type")) == "choice"
    assert fields.value_of(ROOT, move_type, spec(Kind.QUESTION, "required")) is True
    choices = fields.value_of(ROOT, move_type, spec(Kind.QUESTION, "choices"))
    assert choices[0] == ("転入", "転入(市外からサンプル市へ引っ越してきた)")  # type: ignore[index]


@pytest.mark.parametrize(
    ("kind", "item_id", "key", "value", "lines"),
    [
        (Kind.QUESTION, "kaigo_nintei", "when", 'move_type == "転入"', 2),
        (Kind.QUESTION, "hittousha", "help", "筆頭者のお名前です。", 2),
        (Kind.QUESTION, "previous_address", "record_only", False, 2),  # written: replaced in place
        (Kind.QUESTION, "has_dog", "required", False, 1),  # added after the last key
        (Kind.QUESTION, "kaigo_nintei", "reask_on", ["move_type"], 1),
        (Kind.PROCEDURE, "inkan_touroku", "deadline", "即日", 1),
        (Kind.PROCEDURE, "inkan_touroku", "fee", 300, 1),
        (Kind.PROCEDURE, "inkan_touroku", "forms", [], 1),
        (Kind.META, "", "effective_from", None, 1),
    ],
)
def test_each_edit_changes_only_its_own_lines_and_reads_back(
    kind: Kind, item_id: str, key: str, value: object, lines: int
) -> None:
    after = edited(kind, item_id, key, value)
    assert len(changed(after)) == lines, changed(after)
    shown = fields.value_of(read_draft(after, "x").root, place(kind, item_id), spec(kind, key))
    assert shown == (value if value is not None else None)


def test_a_flag_at_its_default_is_not_written() -> None:
    has_dog = place(Kind.QUESTION, "has_dog")
    assert fields.edit(MOVING, ROOT, has_dog, spec(Kind.QUESTION, "required"), True) is None
    assert fields.edit(MOVING, ROOT, has_dog, spec(Kind.QUESTION, "per"), "household") is None


def test_choices_with_the_same_label_are_written_as_plain_values() -> None:
    after = edited(Kind.QUESTION, "move_type", "choices", [("転入", "転入"), ("転居", "市内")])
    assert written(after, place(Kind.QUESTION, "move_type"), "choices") == [
        "転入",
        {"value": "転居", "label": "市内"},
    ]


def test_fields_for_other_types_are_shown_only_where_they_apply() -> None:
    move_date, move_type = place(Kind.QUESTION, "move_date"), place(Kind.QUESTION, "move_type")
    choices = spec(Kind.QUESTION, "choices")
    assert not fields.shown(choices, ROOT, move_date)
    assert fields.shown(choices, ROOT, move_type)
    assert not fields.shown(spec(Kind.QUESTION, "member_when"), ROOT, move_type)


def test_a_step_is_named_after_the_item_and_the_field() -> None:
    step = fields.step_name(place(Kind.QUESTION, "move_date"), spec(Kind.QUESTION, "when"))
    assert step == "設問 move_date の条件を変更"


def test_ids_may_be_typed_with_japanese_commas() -> None:
    assert fields.parse_ids("move_type、 kokuho,has_dog") == ["move_type", "kokuho", "has_dog"]
