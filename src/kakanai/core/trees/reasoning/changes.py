"""Who is affected when a tree changes: for each procedure whose guidance changed, a concrete
household and answers that show it, and the rules of the decision table that gained or lost
it. Both versions are encoded over one space, so "the same resident" means the same thing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import Per, Procedure
from kakanai.core.trees.reasoning.coverage import Coverage
from kakanai.core.trees.reasoning.diagrams import FALSE, Node
from kakanai.core.trees.reasoning.facts import FactLogic
from kakanai.core.trees.reasoning.rules import tables
from kakanai.core.trees.reasoning.space import Space
from kakanai.core.trees.reasoning.symbolic import TreeLogic
from kakanai.core.trees.reasoning.witness import Witness, describe, replay, steps

GAINED = "gained"
LOST = "lost"
SHOWN = {GAINED: "新たに案内される", LOST: "案内されなくなる"}


@dataclass
class Shift:
    """One procedure guided to residents it was not guided to before, or no longer."""

    procedure: Procedure
    direction: str  # GAINED or LOST
    example: str  # the household and answers, in ``question=label`` terms
    answers: dict[str, object]
    rules: list[str] = field(default_factory=list)  # the rules that gained or lost it

    def text(self) -> str:
        return f"{self.example}: {SHOWN[self.direction]}"


class ChangeFinder:
    """Compares what two versions of a tree guide, procedure by procedure."""

    def __init__(self, old: TreeRuntime, new: TreeRuntime, as_of: dt.date) -> None:
        self.space = Space([old, new], as_of)
        self.old = TreeLogic(self.space, old)
        self.new = TreeLogic(self.space, new)
        self.dd = self.space.dd
        self._coverage: dict[int, Coverage] = {}

    def shifts(self) -> list[Shift]:
        found: list[Shift] = []
        old_tree, new_tree = self.old.runtime.tree, self.new.runtime.tree
        ids = [p.id for p in new_tree.procedures]
        ids += [p.id for p in old_tree.procedures if new_tree.procedure(p.id) is None]
        for pid in ids:
            before, after = old_tree.procedure(pid), new_tree.procedure(pid)
            for direction, logic, here, there in (
                (GAINED, self.new, after, before),
                (LOST, self.old, before, after),
            ):
                if here is None:
                    continue
                shift = self.shift(direction, logic, here, there)
                if shift is not None:
                    found.append(shift)
        return found

    def _who(self, logic: TreeLogic, procedure: Procedure | None, profile: int | None) -> Node:
        if procedure is None:
            return FALSE
        if profile is not None and procedure.per is Per.MEMBER:
            return logic.applies_to(procedure, profile)
        return logic.applies(procedure)

    def shift(
        self,
        direction: str,
        logic: TreeLogic,
        procedure: Procedure,
        other: Procedure | None,
    ) -> Shift | None:
        """Residents (and, per member, a member) ``procedure`` reaches that ``other`` did not."""
        against = self.old if logic is self.new else self.new
        per_member = procedure.per is Per.MEMBER and (other is None or other.per is Per.MEMBER)
        profiles: list[int | None] = list(logic.profiles()) if per_member else [None]
        for profile in profiles:
            mine = self._who(logic, procedure, profile)
            theirs = self._who(against, other, profile)
            region = self.dd.conj(self.dd.conj(mine, self.dd.neg(theirs)), self.space.world)
            assignment = self.dd.pick(region, self.space.preferred)
            if assignment is None:
                continue
            witness = replay(self.space, logic.runtime, assignment)
            example = self._example(region, witness, profile)
            rules = self._rules(logic, procedure, region)
            return Shift(procedure, direction, example, dict(witness.answers), rules)
        return None

    def _example(self, region: Node, witness: Witness, profile: int | None) -> str:
        support = self.dd.support(region)
        relevant = {q for q, v in self.space.value_var.items() if v in support}
        relevant |= {q for q, v in self.space.blank_var.items() if v in support}
        if support & set(self.space.count_vars):
            relevant.add(self.space.household_id)
        shown = describe(steps(self.space, witness, frozenset(relevant)), limit=8)
        if profile is not None:
            return f"{shown} の世帯の{self.space.profiles.labels[profile]}の方"
        return f"{shown} の世帯"

    def _rules(self, logic: TreeLogic, procedure: Procedure, region: Node) -> list[str]:
        coverage = self._coverage.get(id(logic))
        if coverage is None:
            facts = FactLogic(logic)
            coverage = Coverage(facts, tables(facts, logic.runtime.tree.procedures))
            self._coverage[id(logic)] = coverage
        version = "新版" if logic is self.new else "旧版"
        return [
            f"{version}の規則{use.number}: {use.rule.text()}"
            for use in coverage.uses
            if use.table.procedure.id == procedure.id and self.dd.meets(coverage.reach(use), region)
        ]
