"""One visit, several life events: the trees chosen at the counter (転入 + 出生, 死亡 + 証明書)
joined into one tree, so that a fact they share (the household, an address, who came) is
asked once and every event's procedures are listed together, each once.

Joining follows the trees' order: a question, computed value or department several trees
define is kept where the first defines it; procedures with the same id are one procedure that
applies when any tree's condition holds. Trees may share a question only if they mean the same
by it (type, options, whether an answer is required): ``visit_problems`` says where not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.expressions.language import parse
from kakanai.core.located import Loc, LScalar
from kakanai.core.trees.model import (
    Computed,
    Condition,
    Procedure,
    Question,
    QuestionTree,
    Section,
    TreeMeta,
)

SEPARATOR = "+"  # between the trees' ids and versions in a visit's id and version
# The most trees one visit joins (more life events than a visit has; every combination the
# counter offers of the seven shipped events fits), and the longest id and version of one
# tree a case, a draft or a published version stores: a visit's id and version are at most
# VISIT_ID_CHARS and VISIT_VERSION_CHARS long (store/tables.py sizes its columns by them).
MAX_TREES = 8
TREE_ID_CHARS = 64
TREE_VERSION_CHARS = 32
VISIT_ID_CHARS = MAX_TREES * (TREE_ID_CHARS + len(SEPARATOR)) - len(SEPARATOR)
VISIT_VERSION_CHARS = MAX_TREES * (TREE_VERSION_CHARS + len(SEPARATOR)) - len(SEPARATOR)


@dataclass(frozen=True)
class Part:
    """One tree of a visit, as a case and a slip name it."""

    id: str
    version: str


def parts_of(tree: QuestionTree) -> list[Part]:
    """The trees a (possibly joined) tree was made of, in order."""
    ids = tree.meta.id.split(SEPARATOR)
    versions = tree.meta.version.split(SEPARATOR)
    if len(ids) != len(versions):
        return [Part(tree.meta.id, tree.meta.version)]
    return [Part(i, v) for i, v in zip(ids, versions, strict=True)]


def visit_problems(trees: Sequence[QuestionTree]) -> list[Problem]:
    """Where the trees disagree about something they share (reported in the later tree)."""
    problems: list[Problem] = []
    first_question: dict[str, Question] = {}
    first_computed: dict[str, Computed] = {}
    first_procedure: dict[str, Procedure] = {}
    for tree in trees:
        for question in tree.questions:
            seen = first_question.setdefault(question.id, question)
            if seen is not question and _meaning(seen) != _meaning(question):
                problems.append(_differs(question.loc, "設問", question.id, _shown(seen)))
        for computed in tree.computed:
            seen_value = first_computed.setdefault(computed.id, computed)
            if seen_value is not computed and seen_value.value.source != computed.value.source:
                where = computed.value.scalar.loc
                problems.append(_differs(where, "計算値", computed.id, seen_value.value.source))
        for procedure in tree.procedures:
            seen_procedure = first_procedure.setdefault(procedure.id, procedure)
            if seen_procedure is not procedure and seen_procedure.per is not procedure.per:
                detail = f"per: {seen_procedure.per.value}"
                problems.append(_differs(procedure.loc, "手続き", procedure.id, detail))
    return problems


def join(trees: Sequence[QuestionTree]) -> QuestionTree:
    """The trees as one tree: shared questions asked once, procedures listed once."""
    if len(trees) == 1:
        return trees[0]
    meta = TreeMeta(
        id=SEPARATOR.join(t.meta.id for t in trees),
        title="・".join(t.meta.title for t in trees),
        version=SEPARATOR.join(t.meta.version for t in trees),
        effective_from=max(
            (t.meta.effective_from for t in trees if t.meta.effective_from), default=None
        ),
        city=trees[0].meta.city,
    )
    joined = QuestionTree(trees[0].path, meta)
    seen: set[str] = set()
    asked = _asked_members(trees)
    for tree in trees:
        for section in tree.sections:
            kept = [asked.get(q.id, q) for q in section.questions if q.id not in seen]
            seen |= {q.id for q in kept}
            if kept:
                joined.sections.append(_section(tree, section, kept, len(trees)))
        _merge(joined.computed, tree.computed)
        _merge(joined.departments, tree.departments)
        for procedure in tree.procedures:
            _add_procedure(joined.procedures, procedure)
    for order, question in enumerate(joined.questions):
        question.order = order
    return joined


def _asked_members(trees: Sequence[QuestionTree]) -> dict[str, Question]:
    """A per-member question several trees share, asked of every member any of them asks it
    of: the first definition with its ``member_when`` widened (none: every member)."""
    widened: dict[str, Question] = {}
    for tree in trees:
        for question in tree.member_questions:
            first = widened.get(question.id)
            if first is None:
                widened[question.id] = question
            elif first.member_when is not question.member_when:
                either = _either(first.member_when, question.member_when)
                widened[question.id] = replace(first, member_when=either)
    return widened


def _section(tree: QuestionTree, section: Section, kept: list[Question], count: int) -> Section:
    """A copy named after its tree (two trees may both have a section ``members``)."""
    ident = f"{tree.meta.id}:{section.id}" if count > 1 else section.id
    questions = [replace(q, section_id=ident) for q in kept]
    return replace(section, id=ident, questions=questions)


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=_Identified)


def _merge(into: list[Item], items: list[Item]) -> None:
    known = {item.id for item in into}
    into.extend(item for item in items if item.id not in known)


def _add_procedure(into: list[Procedure], procedure: Procedure) -> None:
    first = next((p for p in into if p.id == procedure.id), None)
    if first is None:
        into.append(procedure)
        return
    index = into.index(first)
    into[index] = replace(first, when=_either(first.when, procedure.when))


def _either(first: Condition | None, second: Condition | None) -> Condition | None:
    """The condition under which either tree guides the procedure (none: always)."""
    if first is None or second is None:
        return None
    source = f"({first.source}) or ({second.source})"
    scalar = LScalar(source, first.scalar.loc, first.scalar.text_col)
    return Condition(parse(source), scalar)


def _meaning(question: Question) -> tuple[object, ...]:
    return (
        question.type,
        question.choice_values(),
        question.required,
        question.minimum,
        question.maximum,
    )


def _shown(question: Question) -> str:
    options = "・".join(question.choice_values())
    required = "必須" if question.required else "任意"
    return f"{question.type.value}{('(' + options + ')') if options else ''}、{required}"


def _differs(where: Loc, item: str, ident: str, first: str) -> Problem:
    return Problem.at(where, ErrorCode.VISIT_DIFFERS, item=item, id=ident, first=first)
