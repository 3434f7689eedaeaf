"""The flow checks, by reasoning instead of walking paths: reads of questions that may not
have been asked (TREE_FLOW_001), questions nobody is asked (003), procedures nobody is given
(004) and residents given no procedure at all (006). Every report that claims something
happens carries a real interview that shows it, checked with the interview engine."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.expressions.language import UNKNOWN
from kakanai.core.located import Loc
from kakanai.core.trees.evaluation import TreeRuntime, Values, applied_procedures
from kakanai.core.trees.model import Condition, Per, Procedure, Question
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.diagrams import FALSE, Node
from kakanai.core.trees.reasoning.space import Space
from kakanai.core.trees.reasoning.symbolic import TreeLogic
from kakanai.core.trees.reasoning.witness import Witness, describe, replay, steps


@dataclass
class Flow:
    """What the flow checks learnt: problems, and who is asked and guided what."""

    problems: list[Problem] = field(default_factory=list)
    asked: dict[str, Node] = field(default_factory=dict)
    applies: dict[str, Node] = field(default_factory=dict)
    no_result: Witness | None = None
    unverified: int = 0  # reports dropped because the interview did not confirm them


class FlowChecker:
    """Runs the flow checks of one tree over its diagrams."""

    def __init__(self, logic: TreeLogic) -> None:
        self.logic = logic
        self.space = logic.space
        self.dd = logic.dd
        self.world = logic.space.world
        self.tree = logic.runtime.tree
        self.flow = Flow()
        self._reported: set[int] = set()

    def run(self) -> Flow:
        for question in self.tree.questions:
            self.flow.asked[question.id] = self.dd.conj(self.logic.asked[question.id], self.world)
            self.question_reads(question)
            if self.flow.asked[question.id] == FALSE:
                self.unreachable_question(question)
        for procedure in self.tree.procedures:
            self.flow.applies[procedure.id] = self.dd.conj(
                self.logic.applies(procedure), self.world
            )
            self.procedure_reads(procedure)
            if self.flow.applies[procedure.id] == FALSE:
                self.unreachable_procedure(procedure)
        self.no_result()
        return self.flow

    # -- TREE_FLOW_001 -----------------------------------------------------------------------

    def question_reads(self, question: Question) -> None:
        section = self.tree.section_of(question)
        first = self.logic.condition(section.when)
        second = self.logic.condition(question.when)
        dd = self.dd
        if section.when is not None:
            unknown = dd.neg(dd.disj(*first))
            where = f"セクション「{section.id}」"
            self.unknown_read(section.when, where, dd.conj(unknown, dd.neg(second[1])), question)
        if question.when is not None:
            unknown = dd.conj(first[0], dd.neg(dd.disj(*second)))
            self.unknown_read(question.when, f"設問「{question.id}」", unknown, question)

    def procedure_reads(self, procedure: Procedure) -> None:
        if procedure.when is None:
            return
        where = f"手続き「{procedure.id}」"
        if procedure.per is not Per.MEMBER:
            true, false = self.logic.condition(procedure.when)
            self.unknown_read(procedure.when, where, self.dd.neg(self.dd.disj(true, false)))
            return
        maybes: dict[tuple[Node, Node], Node] = {}  # profiles that share a condition's diagrams
        for profile in self.logic.profiles():
            tri = self.logic.condition(procedure.when, profile)
            maybe = maybes.get(tri)
            if maybe is None:
                maybe = maybes[tri] = self.dd.neg(self.dd.disj(*tri))
            if maybe == FALSE:  # known for this profile's members, whoever else is present
                continue
            present = self.dd.conj(self.logic.household_present, self.space.member_present(profile))
            unknown = self.dd.conj(present, maybe)
            if self.unknown_read(procedure.when, where, unknown, None, profile):
                return

    def unknown_read(
        self,
        condition: Condition,
        where: str,
        unknown: Node,
        before: Question | None = None,
        profile: int | None = None,
    ) -> bool:
        if id(condition) in self._reported:
            return True
        found = self.dd.conj(unknown, self.world)
        assignment = self.dd.pick(found, self.space.preferred)
        if assignment is None:
            return False
        witness = replay(self.space, self.logic.runtime, assignment)
        values = witness.values(self.space.as_of)
        member = _member_of(self.space, values, profile)
        if values.evaluate(condition, member) is not UNKNOWN:
            self.flow.unverified += 1
            return False
        runtime = self.logic.runtime
        unasked = sorted(n for n in runtime.reads(condition.expression) if not values.answered(n))
        if not unasked and member is not None:  # a member's own answer they did not give
            unasked = sorted(
                n
                for n in runtime.reads(condition.expression)
                if n in runtime.member_question_ids and member.get(n) is None
            )
        shown = self._relevant(unknown, witness, before)
        self._reported.add(id(condition))
        self.flow.problems.append(
            Problem.at(
                condition.scalar.at_offset(0),
                ErrorCode.FLOW_NOT_ASKED,
                where=where,
                name=unasked[0] if unasked else "?",
                example=describe(shown),
            )
        )
        return True

    def _relevant(self, problem: Node, witness: Witness, before: Question | None) -> list[str]:
        support = self.dd.support(problem)
        relevant = {q for q, v in self.space.value_var.items() if v in support}
        relevant |= {q for q, v in self.space.blank_var.items() if v in support}
        if support & set(self.space.count_vars):
            relevant.add(self.space.household_id)
        if before is not None:
            earlier = {q.id for q in self.tree.questions if q.order < before.order}
            relevant &= earlier
        return steps(self.space, witness, frozenset(relevant))

    # -- TREE_FLOW_003 / 004 -----------------------------------------------------------------

    def unreachable_question(self, question: Question) -> None:
        section = self.tree.section_of(question)
        conditions = [c for c in (section.when, question.when) if c is not None]
        self.flow.problems.append(
            Problem.at(
                question.loc,
                ErrorCode.UNREACHABLE_QUESTION,
                name=question.id,
                reason=self.reason(conditions),
            )
        )

    def unreachable_procedure(self, procedure: Procedure) -> None:
        conditions = [procedure.when] if procedure.when is not None else []
        profile_bound = procedure.per is Per.MEMBER
        self.flow.problems.append(
            Problem.at(
                procedure.loc,
                ErrorCode.UNREACHABLE_PROCEDURE,
                name=procedure.id,
                reason=self.reason(conditions, member=profile_bound),
            )
        )

    def reason(self, conditions: list[Condition], *, member: bool = False) -> str:
        """Why nobody meets the conditions: the smallest set of parts that cannot hold together,
        and the questions among them that are asked only sometimes."""
        source = " かつ ".join(c.source for c in conditions)
        text = f"条件「{source}」が成り立つ経路がありません"
        parts = [(node, c) for c in conditions for node in _conjuncts(c.expression.syntax)]
        core = self._core([node for node, _ in parts], member=member)
        if 1 < len(core) < len(parts) or (len(core) == 1 and len(parts) > 1):
            shown = [_source(c, node) for node, c in parts if any(node is n for n in core)]
            if len(shown) == 1:
                text += f":「{shown[0]}」は成り立つことがありません"
            else:
                text += ":「" + "」と「".join(shown) + "」は同時に成り立ちません"
        asked_when = self._sometimes_asked(core)
        if asked_when:
            text += "(" + "、".join(asked_when) + ")"
        return text

    def _holds(self, nodes: list[ast.expr], *, member: bool) -> bool:
        dd = self.dd
        if not member:
            return dd.conj(dd.all_of(self.logic.tri(n)[0] for n in nodes), self.world) != FALSE
        for profile in self.logic.profiles():
            here = dd.conj(self.logic.household_present, self.space.member_present(profile))
            parts = dd.all_of(self.logic.tri(n, profile)[0] for n in nodes)
            if dd.conj(dd.conj(here, parts), self.world) != FALSE:
                return True
        return False

    def _core(self, nodes: list[ast.expr], *, member: bool) -> list[ast.expr]:
        """A minimal subset of ``nodes`` that cannot all be True (deletion-based)."""
        core = list(nodes)
        for node in list(core):
            trial = [n for n in core if n is not node]
            if trial and not self._holds(trial, member=member):
                core = trial
        return core

    def _sometimes_asked(self, core: list[ast.expr]) -> list[str]:
        found: list[str] = []
        runtime = self.logic.runtime
        for node in core:
            for leaf in at.leaves(node):
                for qid in _questions_read(runtime, leaf.name) if leaf.name else ():
                    question = self.tree.question(qid)
                    if question is None or self.logic.asked[qid] == self.world:
                        continue
                    section = self.tree.section_of(question)
                    whens = [c.source for c in (section.when, question.when) if c is not None]
                    note = f"設問「{qid}」は「{' かつ '.join(whens)}」のときだけ聞かれます"
                    if whens and note not in found:
                        found.append(note)
        return found[:3]

    # -- TREE_FLOW_006 -----------------------------------------------------------------------

    def no_result(self) -> None:
        dd = self.dd
        nothing = dd.all_of(dd.neg(applies) for applies in self.flow.applies.values())
        assignment = dd.pick(dd.conj(nothing, self.world), self.space.preferred)
        if assignment is None:
            return
        witness = replay(self.space, self.logic.runtime, assignment)
        if applied_procedures(witness.values(self.space.as_of)):
            self.flow.unverified += 1
            return
        self.flow.no_result = witness
        start = Loc(self.tree.path, 1, 1)
        support = dd.support(nothing) - set(self.space.count_vars)
        relevant = {q for q, v in self.space.value_var.items() if v in support}
        relevant |= {q for q, v in self.space.blank_var.items() if v in support}
        relevant.add(self.space.household_id)
        shown = steps(self.space, witness, frozenset(relevant))
        self.flow.problems.append(Problem.at(start, ErrorCode.NO_RESULT, example=describe(shown)))


def _conjuncts(node: ast.expr) -> Iterator[ast.expr]:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        for value in node.values:
            yield from _conjuncts(value)
    else:
        yield node


def _source(condition: Condition, node: ast.expr) -> str:
    text = condition.source
    start = condition.expression.offset_of(node)
    end = condition.expression.end_of(node)
    return text[start:end].strip() or text


def _questions_read(runtime: TreeRuntime, name: str) -> list[str]:
    if name in runtime.question_ids:
        return [name]
    computed = runtime.computed.get(name)
    if computed is None:
        return []
    return sorted(runtime.reads(computed.value.expression))


def _member_of(space: Space, values: Values, profile: int | None) -> dict[str, object] | None:
    """The witness's member of ``profile``, with their own per-member answers."""
    if profile is None:
        return None
    members = [dict(m) for m in values.members or []]
    return next((m for m in members if profile in space.member_profiles(m)), None)
