"""Every question and procedure explains itself: the parts of its condition that decided it,
with the answers they read, in three-valued logic."""

from __future__ import annotations

import datetime as dt

from kakanai.core.trees import explain
from kakanai.services.trees.checking import load_runtime
from tests.conftest import QUESTIONNAIRES

AS_OF = dt.date(2026, 11, 23)
FAMILY = [
    {"name": "父", "kana": "チチ", "birth_date": dt.date(1982, 5, 10), "sex": "男",
     "relationship": "世帯主", "is_head": True},
    {"name": "子", "kana": "コ", "birth_date": dt.date(2020, 6, 1), "sex": "男",
     "relationship": "子", "is_head": False},
]  # fmt: skip


def values(**answers: object):  # type: ignore[no-untyped-def]
    runtime = load_runtime(QUESTIONNAIRES / "moving.yaml")
    return runtime, runtime.values({"household": FAMILY, **answers}, AS_OF)


def test_a_procedure_applies_because_of_every_part_with_the_answers_read() -> None:
    insured = ["国保", "健保家族"]  # the father in 国保, the child a dependant elsewhere
    runtime, answered = values(move_type="転入", health_insurance=insured, shisetsu_nyusho=False)
    reason = explain.procedure(answered, runtime.tree.procedure("kokuho_kanyu"))
    assert reason.holds is True
    assert reason.text() == (
        '「move_type == "転入"」が成り立つ(move_type=転入)、'
        '「any_member(member.health_insurance == "国保")」が成り立つ、'
        "「not shisetsu_nyusho」が成り立つ(shisetsu_nyusho=いいえ)"
    )


def test_a_procedure_does_not_apply_because_of_the_part_that_failed() -> None:
    runtime, answered = values(move_type="転居", health_insurance=["国保", "国保"])
    reason = explain.procedure(answered, runtime.tree.procedure("kokuho_kanyu"))
    assert reason.holds is False
    assert reason.text() == '「move_type == "転入"」が成り立たない(move_type=転居)'


def test_an_unanswered_question_is_named_as_what_left_it_undecided() -> None:
    runtime, answered = values(move_type="転入")
    reason = explain.procedure(answered, runtime.tree.procedure("kokuho_kanyu"))
    assert reason.holds is not True
    assert '「any_member(member.health_insurance == "国保")」が決まらない' in reason.text()


def test_a_per_member_procedure_explains_itself_for_one_member() -> None:
    runtime, answered = values(move_type="転入")
    child = answered.members[1]
    reason = explain.procedure(answered, runtime.tree.procedure("kodomo_iryou_nyuyouji"), child)
    assert reason.holds is True
    assert "school_grade(member.birth_date) <= 0" in reason.text()


def test_a_question_is_asked_because_of_its_sections_condition() -> None:
    runtime, answered = values(move_type="転入")
    reason = explain.question(answered, runtime.tree.question("single_parent"))
    assert reason.holds is True
    assert "has_child_hs(高校生年代までのお子さんがいる)=はい" in reason.text()
