"""From a diagram's assignment to a real interview: the resident it describes answers the
questions the tree asks them, in order, exactly as the interview engine decides; every report
is checked on that interview before it is made."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kakanai.core.expressions.language import UNKNOWN
from kakanai.core.trees.evaluation import TreeRuntime, Values
from kakanai.core.trees.model import Question
from kakanai.core.trees.reasoning.labels import member_label
from kakanai.core.trees.reasoning.space import Resident, Space


@dataclass
class Witness:
    """A concrete interview: the answers given, in the order they were asked."""

    runtime: TreeRuntime
    answers: dict[str, object]
    asked: list[str]
    resident: Resident

    def values(self, as_of: object) -> Values:
        return self.runtime.values(self.answers, as_of)  # type: ignore[arg-type]


def replay(space: Space, runtime: TreeRuntime, assignment: Mapping[int, int]) -> Witness:
    """Interview the resident an assignment describes with ``runtime``'s questions."""
    resident = space.resident(assignment)
    kept: dict[str, object] = {}
    asked: list[str] = []
    values = runtime.values(kept, space.as_of)
    for question in runtime.questions:
        if values.applies(question) is not True:
            continue
        asked.append(question.id)
        if question.id == runtime.household_id:
            kept[question.id] = [_row(m, runtime) for m in resident.household]
        elif question.per_member:
            kept[question.id] = _member_answers(question, resident, values)
        elif question.id in resident.blank:
            kept[question.id] = None
        else:
            kept[question.id] = resident.facts.get(question.id)
        values.invalidate()
    return Witness(runtime, kept, asked, resident)


def steps(space: Space, witness: Witness, relevant: frozenset[str] | None = None) -> list[str]:
    """``question=label`` for the asked questions (only ``relevant`` ones, if given)."""
    shown = []
    for qid in witness.asked:
        if relevant is not None and qid not in relevant:
            continue
        value = witness.answers.get(qid)
        shown.append(f"{qid}={label(space, qid, value)}")
    return shown


def label(space: Space, qid: str, value: object) -> str:
    """A short Japanese label for one concrete answer."""
    if value is None or value is UNKNOWN:
        return "未回答"
    if qid == space.household_id and isinstance(value, list):
        return "・".join(member_label(m, space.as_of) for m in value if isinstance(m, dict))
    domain = space.domains.get(qid)
    if domain is None:
        return str(value)
    index = domain.classify(value)
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, str):
        return value
    return domain.labels[index] if index is not None else str(value)


def describe(lines: list[str], limit: int = 6) -> str:
    shown = "、".join(lines[:limit])
    return shown + (" …" if len(lines) > limit else "") if shown else "最初の設問"


def _row(member: dict[str, object], runtime: TreeRuntime) -> dict[str, object]:
    """A household row as the household question takes it: no per-member answers inside
    (those are answered by their own questions, or unknown when not asked)."""
    return {k: v for k, v in member.items() if k not in runtime.member_question_ids}


def _member_answers(question: Question, resident: Resident, values: Values) -> list[object]:
    """Each member's own answer, for the members the question is asked of."""
    answers: list[object] = []
    for member, own in zip(values.members, resident.household, strict=False):
        asked = values.evaluate(question.member_when, member) is True
        answers.append(own.get(question.id) if asked else None)
    return answers
