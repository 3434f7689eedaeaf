"""Questions asked of each household member (``per: member``): what a condition may read of
them (``member.<id>``), and the rules for writing them — after the household, of a type one
member can answer, read through ``member.`` and never by their bare id."""

from __future__ import annotations

from collections.abc import Mapping

from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.expressions.type_checks import Vocabulary
from kakanai.core.trees.model import Question, QuestionTree, QuestionType
from kakanai.core.value_types import MEMBER_FIELDS, Kind, ValueType

MEMBER_TYPES = frozenset(
    {QuestionType.YESNO, QuestionType.CHOICE, QuestionType.NUMBER, QuestionType.DATE}
)


def member_vocabulary(tree: QuestionTree, types: Mapping[str, ValueType]) -> Vocabulary:
    """The language's vocabulary with each member's answers as fields of ``member``."""
    fields = {**MEMBER_FIELDS, **{q.id: types[q.id] for q in tree.member_questions}}

    def member_fields(parent: ValueType) -> Mapping[str, ValueType]:
        return fields if parent.kind is Kind.MEMBER else {}

    return Vocabulary(fields=member_fields)


def member_question_problems(tree: QuestionTree, names: Mapping[str, set[str]]) -> list[Problem]:
    """Per-member questions placed or used where they cannot work. ``names``: for each
    place a condition is written (its id in the tree), the bare names it reads."""
    problems: list[Problem] = []
    household = tree.household_question
    member_ids = {q.id for q in tree.member_questions}
    for question in tree.member_questions:
        problems.extend(_placement(question, household))
    for where, read in names.items():
        for name in sorted(read & member_ids):
            asked = tree.question(name)
            assert asked is not None
            problems.append(
                Problem.at(asked.loc, ErrorCode.MEMBER_QUESTION_NAME, name=name, where=where)
            )
    return problems


def _placement(question: Question, household: Question | None) -> list[Problem]:
    if question.type not in MEMBER_TYPES:
        kinds = " / ".join(sorted(t.value for t in MEMBER_TYPES))
        return [Problem.at(question.loc, ErrorCode.MEMBER_QUESTION_TYPE, kinds=kinds)]
    if household is None or household.order > question.order:
        return [Problem.at(question.loc, ErrorCode.MEMBER_QUESTION_ORDER, name=question.id)]
    return []
