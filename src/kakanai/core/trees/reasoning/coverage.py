"""Scenario coverage of the decision table: which rules the tree's scenarios exercise and which
they miss, and for each missed rule a scenario a supervisor can confirm — the answers that reach
it and the procedures the tree gives today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from kakanai.core.trees.evaluation import applied_procedures, with_member_answers
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import Per
from kakanai.core.trees.reasoning.diagrams import TRUE, Node
from kakanai.core.trees.reasoning.facts import FactLogic
from kakanai.core.trees.reasoning.renaming import Renaming
from kakanai.core.trees.reasoning.rules import Rule, Table
from kakanai.core.trees.reasoning.space import BLANK
from kakanai.core.trees.reasoning.witness import replay
from kakanai.core.trees.scenarios import written_answers


@dataclass
class RuleUse:
    """One rule of one procedure and the scenarios that exercise it."""

    table: Table
    number: int  # 1-based, as printed by --rules
    rule: Rule
    scenarios: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.table.procedure.id} 規則{self.number}"


class Coverage:
    """Matches scenarios' interviews against the rules of a tree's decision table."""

    def __init__(self, logic: FactLogic, tables: list[Table]) -> None:
        self.logic = logic
        self.exact = logic.exact
        self.dd = logic.dd
        self.space = logic.space
        self.renaming = Renaming(self.exact.runtime, self.space.domains, self.space.as_of)
        self.uses = [
            RuleUse(table, number, rule)
            for table in tables
            for number, rule in enumerate(table.rules, start=1)
        ]
        self._reached: dict[int, Node] = {}  # each rule's residents, built once (by id of use)

    def record(self, name: str, interview: Interview) -> None:
        """Note the rules one scenario's interview exercises."""
        region = self.region(self.renaming.apply(interview.answers))
        for use in self.uses:
            if self.dd.meets(region, self.reach(use)):
                use.scenarios.append(name)

    @property
    def missed(self) -> list[RuleUse]:
        return [use for use in self.uses if not use.scenarios]

    def region(self, answers: Mapping[str, object]) -> Node:
        """The residents consistent with what one interview was told."""
        dd, space = self.dd, self.space
        parts: list[Node] = [space.world]
        for qid, value in answers.items():
            if qid == space.household_id and isinstance(value, list):
                parts.append(self._household(value, answers))
                continue
            if qid in self.exact.runtime.member_question_ids:
                continue  # read through the members (below), never by its bare id
            blank = space.blank_var.get(qid)
            if blank is not None:
                parts.append(dd.literal(blank, [BLANK if value is None else 1 - BLANK]))
            var = space.value_var.get(qid)
            index = (
                space.domains[qid].classify(value)
                if value is not None and qid in space.domains
                else None
            )
            if var is not None and index is not None:
                parts.append(dd.literal(var, [index]))
        return dd.all_of(parts)

    def _household(self, members: list[object], answers: Mapping[str, object]) -> Node:
        """The profile counts the household can have: each member with their own answers
        is one of the profiles they may be (several when not asked a per-member question)."""
        space = self.space
        rows = [m for m in members if isinstance(m, dict)]
        merged = with_member_answers(rows, answers, self.exact.runtime.member_question_ids)
        return space.households([space.member_profiles(member) for member in merged])

    def reach(self, use: RuleUse) -> Node:
        """A rule's residents in the exact diagrams, given the procedure there (the same for
        every scenario, so built once per rule)."""
        found = self._reached.get(id(use))
        if found is None:
            found = self._reached[id(use)] = self._reach(use)
        return found

    def _reach(self, use: RuleUse) -> Node:
        dd, logic = self.dd, self.logic
        procedure = use.table.procedure
        parts: list[Node] = []
        member_profiles: frozenset[int] | None = None
        for var, values in use.rule.cube.items():
            fact = next((f for f in logic.facts.values() if f.var == var), None)
            if fact is not None:
                true = fact.exact[0]
                parts.append(true if values == {1} else dd.neg(true))
            elif var == logic.member_var:
                member_profiles = values
            else:
                parts.append(dd.literal(var, values))
        if procedure.per is Per.MEMBER:
            profiles = member_profiles if member_profiles is not None else logic.profiles()
            parts.append(dd.any_of(self.exact.applies_to(procedure, p) for p in profiles))
        else:
            parts.append(self.exact.applies(procedure))
        return dd.all_of([TRUE, *parts])

    # -- suggestions -------------------------------------------------------------------------

    def suggestion(self, use: RuleUse, as_of: dt.date) -> dict[str, object] | None:
        """A scenario reaching a missed rule, with what the tree gives today (unconfirmed)."""
        assignment = self.dd.pick(
            self.dd.conj(self.reach(use), self.space.world), self.space.preferred
        )
        if assignment is None:
            return None
        witness = replay(self.space, self.exact.runtime, assignment)
        values = witness.values(as_of)
        applied = applied_procedures(values)
        names = [str(m.get("name")) for m in values.members]
        members: dict[str, list[str]] = {}
        for item in applied:
            if item.member_index is not None:
                members.setdefault(item.procedure.id, []).append(names[item.member_index])
        expect: dict[str, object] = {
            "procedures": list(dict.fromkeys(a.procedure.id for a in applied)),
        }
        if members:
            expect["members"] = members
        return {
            "name": f"提案: {use.label}({use.rule.text()})",
            "description": (
                "kakanai scenarios suggest が、どのシナリオも通らない規則のために作りました。"
                "回答と手続きを確かめ、正しければ confirmed: true にしてください。"
            ),
            "confirmed": False,
            "as_of": as_of,
            "answers": self.answers(witness.answers),
            "expect": expect,
        }

    def answers(self, answers: Mapping[str, object]) -> dict[str, object]:
        """Answers as a scenario writes them (はい/いいえ, members without derived fields)."""
        return written_answers(self.exact.runtime.tree, answers)
