"""Completion in a condition: what is offered at the cursor, shown with its Japanese text,
and what choosing it replaces."""

from __future__ import annotations

import pytest

from kakanai.services.tree_editing.completing import applied, offers
from kakanai.services.tree_editing.draft import read_draft
from tests.conftest import QUESTIONNAIRES

TREE = read_draft((QUESTIONNAIRES / "moving.yaml").read_text(encoding="utf-8"), "m").tree


@pytest.mark.parametrize(
    ("typed", "shown", "result"),
    [
        ("kaigo", "kaigo_nintei — 介護保険の要介護", "kaigo_nintei"),
        ('move_type == "転', "転入 — 転入(市外から", 'move_type == "転入"'),
        ("move_type == ", "転入 — 転入(市外から", 'move_type == "転入"'),
        ("any_member(member.a", "member.age — 年齢", "any_member(member.age"),
        ("has_child", "has_child_hs — 高校生年代までのお子さんがいる(計算値)", "has_child_hs"),
        ("school_g", "school_grade(…) — ", "school_grade("),
    ],
)
def test_the_first_offer_is_shown_with_its_text_and_replaces_what_was_begun(
    typed: str, shown: str, result: str
) -> None:
    first = offers(TREE, typed, len(typed))[0]
    assert first.shown.startswith(shown)
    assert applied(typed, len(typed), first) == (result, len(result))


def test_text_after_the_cursor_stays() -> None:
    condition = "kaigo and has_dog"
    first = offers(TREE, condition, 5)[0]
    assert applied(condition, 5, first) == ("kaigo_nintei and has_dog", 12)
