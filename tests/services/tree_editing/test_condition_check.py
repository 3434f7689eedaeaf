"""A condition checked on its own as it is typed gives the marks the whole tree's check gives
it once the draft is re-read: the same words, codes and places, for every kind of field."""

from __future__ import annotations

import pytest

from kakanai.adapters.yaml_editing import replace_value
from kakanai.services.tree_editing import diagnostics
from kakanai.services.tree_editing.condition_check import ConditionChecker
from kakanai.services.tree_editing.draft import read_draft
from kakanai.services.tree_editing.places import Kind, Place, places
from kakanai.services.trees.checking import static_check
from tests.conftest import QUESTIONNAIRES

MOVING = (QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8")
READING = read_draft(MOVING, "moving.yaml")
CHECKER = ConditionChecker(READING.tree)


def place_of(kind: Kind, item_id: str) -> Place:
    return next(p for p in places(READING.root) if p.kind is kind and p.id == item_id)


def whole_tree_marks(place: Place, key: str, condition: str) -> list[tuple[int, int, str]]:
    """The marks after the condition is written into the YAML and the tree checked."""
    text = replace_value(MOVING, [*place.path, key], condition)
    reading = read_draft(text, "moving.yaml")
    problems, _ = static_check(reading.tree, reading.problems)
    path = [*place.path, key]
    found = diagnostics.marks(reading.root, path, condition, problems)
    return [(m.start, m.end, m.message) for m in found]


def own_marks(place: Place, key: str, condition: str) -> list[tuple[int, int, str]]:
    found = CHECKER.marks(READING.root, place, key, condition)
    return [(m.start, m.end, m.message) for m in found]


CASES = [
    pytest.param(Kind.PROCEDURE, "kaigo_jukyu_shikaku_teishutsu", "when",
                 'move_type == "転入" and kaigo_nintie', "TREE_REF_001", id="unknown-name"),
    pytest.param(Kind.PROCEDURE, "kaigo_jukyu_shikaku_teishutsu", "when",
                 'move_type == "転入x"', "TREE_", id="unknown-option"),
    pytest.param(Kind.PROCEDURE, "kaigo_jukyu_shikaku_teishutsu", "when",
                 'move_type == "転入" and', "TREE_EXPR_001", id="cut-short"),
    pytest.param(Kind.PROCEDURE, "kaigo_jukyu_shikaku_teishutsu", "when",
                 "move_date", "TREE_TYPE", id="not-a-truth-value"),
    pytest.param(Kind.PROCEDURE, "kaigo_jukyu_shikaku_teishutsu", "when",
                 "member.age >= 65", "TREE_", id="member-in-a-household-procedure"),
    pytest.param(Kind.PROCEDURE, "kokumin_nenkin", "when",
                 "member.age >= 20 and kokuhu", "TREE_REF_001", id="per-member-procedure"),
    pytest.param(Kind.PROCEDURE, "tennyu_todoke", "due",
                 "move_type == \"転入\"", "TREE_TYPE", id="due-not-a-date"),
    pytest.param(Kind.QUESTION, "previous_head", "when",
                 'move_type == "転入" and kokuho', "TREE_FLOW", id="reads-a-later-question"),
    pytest.param(Kind.QUESTION, "same_prefecture", "when",
                 'move_type in ["転入", "転出"] and any_member(member.agee >= 75)', "TREE_",
                 id="quoted-in-the-yaml"),
    pytest.param(Kind.SECTION, "shimin_cards", "when",
                 'move_type in ["転入", "転居"] and kokuho', "TREE_FLOW", id="section"),
    pytest.param(Kind.COMPUTED, "has_child_hs", "value",
                 "any_member(today() <= school_year_end(attains(member.birth_dat, 18)))", "TREE_",
                 id="computed-value"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "item_id", "key", "condition", "code"), CASES)
def test_a_condition_alone_is_marked_as_the_whole_tree_marks_it(
    kind: Kind, item_id: str, key: str, condition: str, code: str
) -> None:
    place = place_of(kind, item_id)
    expected = whole_tree_marks(place, key, condition)
    assert expected, "the case must have a problem inside the condition"
    assert any(code in message for _, _, message in expected)
    assert own_marks(place, key, condition) == expected


def test_a_correct_condition_has_no_marks() -> None:
    place = place_of(Kind.PROCEDURE, "kaigo_jukyu_shikaku_teishutsu")
    assert own_marks(place, "when", 'move_type == "転入" and kaigo_nintei') == []


def test_spaces_typed_before_the_condition_move_its_marks() -> None:
    place = place_of(Kind.PROCEDURE, "kaigo_jukyu_shikaku_teishutsu")
    condition = '  move_type == "転入" and kaigo_nintie'
    ((start, end, _),) = own_marks(place, "when", condition)
    assert condition[start:end] == "kaigo_nintie"
