"""The checks decision-table tools have, over the tree's diagrams: a part of a condition that
always holds or never holds where it stands (in three-valued logic, so a guard such as
``move_type == "転入" and kokuho`` is not mistaken for a redundancy), a comparison with a
value the answer cannot take there, and two procedures of one department guided to exactly
the same residents. All of them are warnings."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.expressions.syntax import literal_values
from kakanai.core.located import Loc
from kakanai.core.trees.model import Condition, Per, Procedure
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.diagrams import FALSE, Node
from kakanai.core.trees.reasoning.flow import Flow
from kakanai.core.trees.reasoning.symbolic import TreeLogic
from kakanai.core.trees.reasoning.witness import describe, replay, steps

Contexts = list[tuple[int | None, Node]]  # (member profile or None, where the node matters)


@dataclass
class _Place:
    condition: Condition
    where: str


class LogicChecker:
    """Warnings about conditions that do not mean what they seem to."""

    def __init__(self, logic: TreeLogic, flow: Flow) -> None:
        self.logic = logic
        self.flow = flow
        self.dd = logic.dd
        self.space = logic.space
        self.tree = logic.runtime.tree
        self.problems: list[Problem] = []

    def run(self) -> list[Problem]:
        for place, contexts in self.places():
            self.root(place, contexts)
        self.duplicates()
        return self.problems

    def places(self) -> Iterator[tuple[_Place, Contexts]]:
        world = self.space.world
        for section in self.tree.sections:
            if section.when is not None and section.questions:
                yield _Place(section.when, f"セクション「{section.id}」"), [(None, world)]
        for question in self.tree.questions:
            if question.when is None:
                continue
            section = self.tree.section_of(question)
            context = self.dd.conj(self.logic.condition(section.when)[0], world)
            yield _Place(question.when, f"設問「{question.id}」"), [(None, context)]
        for procedure in self.tree.procedures:
            if procedure.when is not None:
                yield _Place(procedure.when, f"手続き「{procedure.id}」"), self.contexts(procedure)

    def contexts(self, procedure: Procedure) -> Contexts:
        world = self.space.world
        if procedure.per is not Per.MEMBER:
            return [(None, world)]
        present = self.logic.household_present
        return [
            (p, self.dd.conj(world, self.dd.conj(present, self.space.member_present(p))))
            for p in self.logic.profiles()
        ]

    # -- always / never where it stands ------------------------------------------------------

    def root(self, place: _Place, contexts: Contexts) -> None:
        node = place.condition.expression.syntax
        if self.always(node, contexts) and any(c != FALSE for _, c in contexts):
            why = "ここに来るときは必ず成り立つため、when: は不要です"
            self.report_always(place, node, why)
            return
        self.descend(place, node, contexts)

    def descend(self, place: _Place, node: ast.expr, contexts: Contexts) -> None:
        parts = at.operands(node)
        if isinstance(node, ast.UnaryOp):
            self.visit(place, parts[0], contexts)
            return
        if not isinstance(node, ast.BoolOp):
            return
        conjunction = isinstance(node.op, ast.And)
        for index, part in enumerate(parts):
            siblings = [p for i, p in enumerate(parts) if i != index]
            narrowed: Contexts = []
            for profile, context in contexts:
                matters = context
                for sibling in siblings:
                    true, false = self.logic.tri(sibling, profile)
                    matters = self.dd.conj(matters, self.dd.neg(false if conjunction else true))
                narrowed.append((profile, matters))
            self.visit(place, part, narrowed)

    def visit(self, place: _Place, node: ast.expr, contexts: Contexts) -> None:
        live = [(p, c) for p, c in contexts if c != FALSE]
        if not live:
            return
        if self.always(node, live):
            self.report_always(place, node, "ほかの条件から必ず成り立つため")
            return
        never = all(self.dd.conj(c, self.logic.tri(node, p)[0]) == FALSE for p, c in live)
        falses = [(p, self.dd.conj(c, self.logic.tri(node, p)[1])) for p, c in live]
        sometimes_false = [(p, f) for p, f in falses if f != FALSE]
        if never and sometimes_false:
            self.report_never(place, node, sometimes_false[0][1])
            return
        self.descend(place, node, live)

    def always(self, node: ast.expr, contexts: Contexts) -> bool:
        dd = self.dd
        return all(
            dd.conj(context, dd.neg(self.logic.tri(node, profile)[0])) == FALSE
            for profile, context in contexts
        )

    def report_always(self, place: _Place, node: ast.expr, why: str) -> None:
        self.problems.append(
            Problem.at(
                self._loc(place, node),
                ErrorCode.LOGIC_ALWAYS,
                where=place.where,
                part=_source(place.condition, node),
                why=why,
            )
        )

    def report_never(self, place: _Place, node: ast.expr, where_false: Node) -> None:
        compared = self._compared(node, where_false)
        if compared is not None:
            qid, values, possible = compared
            self.problems.append(
                Problem.at(
                    self._loc(place, node),
                    ErrorCode.LOGIC_VALUE_NEVER,
                    where=place.where,
                    part=_source(place.condition, node),
                    name=qid,
                    values=values,
                    possible=possible,
                )
            )
            return
        assignment = self.dd.pick(where_false, self.space.preferred) or {}
        witness = replay(self.space, self.logic.runtime, assignment)
        relevant = {q for q, v in self.space.value_var.items() if v in self.dd.support(where_false)}
        self.problems.append(
            Problem.at(
                self._loc(place, node),
                ErrorCode.LOGIC_NEVER,
                where=place.where,
                part=_source(place.condition, node),
                example=describe(steps(self.space, witness, frozenset(relevant))),
            )
        )

    def _compared(self, node: ast.expr, context: Node) -> tuple[str, str, str] | None:
        """For ``x == c`` / ``x in [...]``: the question, the values compared, and the values
        it does take where the comparison is made."""
        if not isinstance(node, ast.Compare) or len(node.ops) != 1:
            return None
        left, right = node.left, node.comparators[0]
        if not (isinstance(left, ast.Name) and isinstance(node.ops[0], ast.Eq | ast.In)):
            return None
        domain = self.space.domains.get(left.id)
        if domain is None:
            return None
        compared = "・".join(str(v) for v in (literal_values(right) or []))
        var = self.space.value_var.get(left.id)
        taken = [
            domain.labels[k]
            for k in range(domain.size)
            if var is None or self.dd.conj(context, self.dd.literal(var, [k])) != FALSE
        ]
        return left.id, f"「{compared}」", "・".join(taken)

    def _loc(self, place: _Place, node: ast.expr) -> Loc:
        return place.condition.scalar.at_offset(place.condition.expression.offset_of(node))

    # -- duplicates --------------------------------------------------------------------------

    def duplicates(self) -> None:
        seen: dict[tuple[str, Per, tuple[Node, ...]], Procedure] = {}
        for procedure in self.tree.procedures:
            applies = self.flow.applies.get(procedure.id, FALSE)
            if applies == FALSE:
                continue
            if procedure.per is Per.MEMBER:
                signature = tuple(
                    self.dd.conj(self.logic.applies_to(procedure, p), self.space.world)
                    for p in self.logic.profiles()
                )
            else:
                signature = (applies,)
            key = (procedure.department_id, procedure.per, signature)
            first = seen.get(key)
            if first is None:
                seen[key] = procedure
                continue
            department = self.tree.department(procedure.department_id)
            self.problems.append(
                Problem.at(
                    procedure.loc,
                    ErrorCode.LOGIC_DUPLICATE,
                    name=procedure.id,
                    other=first.id,
                    department=department.name if department else procedure.department_id,
                    rule=procedure.when.source if procedure.when else "条件なし",
                )
            )


def _source(condition: Condition, node: ast.expr) -> str:
    start = condition.expression.offset_of(node)
    end = condition.expression.end_of(node)
    return condition.source[start:end].strip() or condition.source
