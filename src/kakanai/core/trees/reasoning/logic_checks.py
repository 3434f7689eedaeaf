"""The checks decision-table tools have, over the tree's diagrams: a part of a condition that
always holds or never holds where it stands (in three-valued logic, so a guard such as
``move_type == "転入" and kokuho`` is not mistaken for a redundancy), a comparison with a
value the answer cannot take there, and two procedures of one department guided to exactly
the same residents. All of them are warnings."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.expressions.syntax import literal_values
from kakanai.core.located import Loc
from kakanai.core.trees.model import Condition, Per, Procedure
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.diagrams import FALSE, Node
from kakanai.core.trees.reasoning.flow import Flow
from kakanai.core.trees.reasoning.symbolic import TreeLogic
from kakanai.core.trees.reasoning.witness import describe, replay, steps


class Context(NamedTuple):
    """Where a part matters: for a per-member condition, for the members of ``profiles``
    (which no part of the condition tells apart, so ``profile``, the first, stands for all)."""

    profile: int | None
    node: Node
    profiles: tuple[int, ...] = ()


Contexts = list[Context]


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
                yield _Place(section.when, f"セクション「{section.id}」"), [Context(None, world)]
        for question in self.tree.questions:
            if question.when is None:
                continue
            section = self.tree.section_of(question)
            context = self.dd.conj(self.logic.condition(section.when)[0], world)
            yield _Place(question.when, f"設問「{question.id}」"), [Context(None, context)]
        for procedure in self.tree.procedures:
            if procedure.when is not None:
                yield _Place(procedure.when, f"手続き「{procedure.id}」"), self.contexts(procedure)

    def contexts(self, procedure: Procedure) -> Contexts:
        """One context per group of profiles the condition cannot tell apart: every check
        below is "for every profile" or "for some profile", so a group's members may be
        taken together (their union is where the group's shared diagrams matter)."""
        world = self.space.world
        if procedure.per is not Per.MEMBER or procedure.when is None:
            return [Context(None, world)]
        root = procedure.when.expression.syntax
        groups: dict[int | None, list[int]] = {}
        for p in self.logic.profiles():
            groups.setdefault(self.logic.bound(root, p), []).append(p)
        here = self.dd.conj(world, self.logic.household_present)
        return [
            Context(
                members[0],
                self.dd.conj(here, self.space.some_present(frozenset(members))),
                tuple(members),
            )
            for members in groups.values()
        ]

    # -- always / never where it stands ------------------------------------------------------

    def root(self, place: _Place, contexts: Contexts) -> None:
        node = place.condition.expression.syntax
        if self.always(node, contexts) and any(c.node != FALSE for c in contexts):
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
            for context in contexts:
                matters = context.node
                for sibling in siblings:
                    true, false = self.logic.tri(sibling, context.profile)
                    matters = self.dd.conj(matters, self.dd.neg(false if conjunction else true))
                narrowed.append(context._replace(node=matters))
            self.visit(place, part, narrowed)

    def visit(self, place: _Place, node: ast.expr, contexts: Contexts) -> None:
        live = [c for c in contexts if c.node != FALSE]
        if not live:
            return
        if self.always(node, live):
            self.report_always(place, node, "ほかの条件から必ず成り立つため")
            return
        tris = [self.logic.tri(node, c.profile) for c in live]
        never = all(self.dd.conj(c.node, t) == FALSE for c, (t, _) in zip(live, tris, strict=True))
        falses = [self.dd.conj(c.node, f) for c, (_, f) in zip(live, tris, strict=True)]
        if never and any(f != FALSE for f in falses):
            self.report_never(place, node, self._first_false(live, falses))
            return
        self.descend(place, node, live)

    def _first_false(self, contexts: Contexts, falses: list[Node]) -> Node:
        """Where the part is False for the first profile (in profile order) it is False for;
        the whole context when the condition binds no member."""
        found = [(c, f) for c, f in zip(contexts, falses, strict=True) if f != FALSE]
        if not found[0][0].profiles:
            return found[0][1]
        for profile in sorted(p for c, _ in found for p in c.profiles):
            where = next(f for c, f in found if profile in c.profiles)
            mine = self.dd.conj(where, self.space.member_present(profile))
            if mine != FALSE:
                return mine
        return found[0][1]

    def always(self, node: ast.expr, contexts: Contexts) -> bool:
        dd = self.dd
        return all(
            dd.conj(c.node, dd.neg(self.logic.tri(node, c.profile)[0])) == FALSE for c in contexts
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
        # Procedures guided to the same residents have the same union over members, so the
        # per-member comparison (one diagram per profile) is made only among those.
        seen: dict[tuple[str, Per, Node], list[Procedure]] = {}
        signatures: dict[str, tuple[Node, ...]] = {}
        for procedure in self.tree.procedures:
            applies = self.flow.applies.get(procedure.id, FALSE)
            if applies == FALSE:
                continue
            earlier = seen.setdefault((procedure.department_id, procedure.per, applies), [])
            first = next((p for p in earlier if self._same_members(p, procedure, signatures)), None)
            if first is None:
                earlier.append(procedure)
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

    def _same_members(
        self, first: Procedure, second: Procedure, signatures: dict[str, tuple[Node, ...]]
    ) -> bool:
        """Whether two procedures with the same residents concern the same members."""
        if first.per is not Per.MEMBER:
            return True
        for procedure in (first, second):
            if procedure.id not in signatures:
                signatures[procedure.id] = tuple(
                    self.dd.conj(self.logic.applies_to(procedure, p), self.space.world)
                    for p in self.logic.profiles()
                )
        return signatures[first.id] == signatures[second.id]


def _source(condition: Condition, node: ast.expr) -> str:
    start = condition.expression.offset_of(node)
    end = condition.expression.end_of(node)
    return condition.source[start:end].strip() or condition.source
