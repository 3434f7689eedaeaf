"""Completion in the condition editor: ids shown with their Japanese text, a question's
options after a comparison, functions with what they do, member fields."""

from __future__ import annotations

import pytest

from kakanai.core.trees.completion import complete
from kakanai.services.trees.checking import load_runtime
from tests.conftest import QUESTIONNAIRES

TREE = load_runtime(QUESTIONNAIRES / "moving.yaml").tree


def inserts(before: str) -> list[str]:
    return [c.insert for c in complete(TREE, before)]


def test_a_prefix_offers_the_questions_and_values_it_starts_with_shown_with_their_text() -> None:
    found = complete(TREE, 'move_type == "転入" and kaigo')
    assert [c.insert for c in found] == ["kaigo_nintei"]
    assert found[0].label.startswith("kaigo_nintei — 介護保険の要介護")


def test_computed_values_are_shown_with_their_title() -> None:
    (found,) = [c for c in complete(TREE, "has_child") if c.kind == "computed"]
    assert found.label == "has_child_hs — 高校生年代までのお子さんがいる"


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ('move_type == "', ['"転入"', '"転居"', '"転出"']),
        ('move_type == "転', ['"転入"', '"転居"', '"転出"']),
        ('move_type in ["転入", ', ['"転入"', '"転居"', '"転出"']),
        ('disability_documents == "', ['"手帳"', '"自立支援医療"', '"両方"']),
    ],
)
def test_after_a_comparison_the_questions_options_are_offered(
    before: str, expected: list[str]
) -> None:
    assert inserts(before) == expected


def test_functions_are_offered_with_what_they_do() -> None:
    (found,) = [c for c in complete(TREE, "school_g") if c.kind == "function"]
    assert found.insert == "school_grade("
    assert "学年" in found.label


def test_member_fields_are_offered_after_member_dot() -> None:
    assert "birth_date" in inserts("any_member(member.bi")
    assert inserts("any_member(member.a") == ["age"]
