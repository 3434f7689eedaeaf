"""The tree's diagrams in a supervisor's vocabulary: each household fact (a computed value
such as ``has_child_hs``, or an inline ``any_member(...)``) becomes one yes/no variable, and a
per-member procedure gets a variable for *the* member it concerns. Decision tables are read
off these diagrams; which combinations of facts can happen comes from the exact diagrams."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from kakanai.core.expressions.language import UNKNOWN
from kakanai.core.trees.model import Per, Procedure
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.diagrams import FALSE, TRUE, Node
from kakanai.core.trees.reasoning.symbolic import Guarded, TreeLogic, Tri, from_tri


@dataclass(frozen=True)
class Fact:
    """A household fact: its variable, how it is shown, and where it comes from."""

    var: int
    label: str
    exact: Tri  # its value in the exact diagrams (over member profile counts)


class FactLogic(TreeLogic):
    """A TreeLogic whose household facts are free yes/no variables."""

    def __init__(self, exact: TreeLogic) -> None:
        self.exact = exact
        self.facts: dict[str, Fact] = {}  # by computed id or the quantifier's source
        self.member_var: int | None = None
        self._world: dict[bool, Node] = {}
        super().__init__(exact.space, exact.runtime)

    def name(self, name: str) -> Guarded:
        computed = self.runtime.computed.get(name)
        if computed is not None and self._household_fact(computed.value.expression.syntax, True):
            exact = self.exact.tri(computed.value.expression.syntax)
            label = f"{name}({computed.title})" if computed.title else name
            return self._fact(name, label, exact)
        return super().name(name)

    def _guarded_of(self, node: ast.expr, profile: int | None) -> Guarded:
        if self._household_fact(node, False):
            source = ast.unparse(node)
            return self._fact(source, source, self.exact.tri(node, profile))
        return super()._guarded_of(node, profile)

    def _household_fact(self, node: ast.expr, whole: bool) -> bool:
        """A yes/no part whose value depends on the household as a whole (``whole``: a
        computed value's expression, which may be built of and / or itself)."""
        if at.is_connective(node) and not whole:
            return False
        if not any(leaf.kind == "quantifier" for leaf in _all_leaves(node)):
            return False
        values = self.exact.guarded(node)
        return all(v is True or v is False or v is UNKNOWN for _, v in values)

    def _fact(self, key: str, label: str, exact: Tri) -> Guarded:
        fact = self.facts.get(key)
        if fact is None:
            var = self.dd.add_variable(f"fact:{label}", 2)
            fact = self.facts[key] = Fact(var, label, exact)
        present = self.household_present
        true = self.dd.conj(present, self.dd.literal(fact.var, [1]))
        false = self.dd.conj(present, self.dd.literal(fact.var, [0]))
        return from_tri(self.dd, true, false)

    # -- procedures as decision-table functions ----------------------------------------------

    def member(self) -> int:
        """The variable naming the profile of the member a per-member rule concerns."""
        if self.member_var is None:
            var = self.space.member_var
            self.member_var = var if var is not None else self.dd.add_variable("member", 1)
        return self.member_var

    def table(self, procedure: Procedure) -> Node:
        """The residents (and, per member, the member) for whom a procedure is guided."""
        if procedure.per is not Per.MEMBER:
            return self.condition(procedure.when)[0]
        var = self.member()
        dd = self.dd
        groups: dict[Node, list[int]] = {}  # profiles that share a diagram, conjoined once
        for p in self.profiles():
            groups.setdefault(self.condition(procedure.when, p)[0], []).append(p)
        return dd.any_of(dd.conj(node, dd.literal(var, ps)) for node, ps in groups.items())

    def possible(self, *, member: bool, among: frozenset[int] | None = None) -> Node:
        """Which combinations of facts (and member profiles) real households have; only the
        facts whose variables are ``among`` (all when None), since tying many facts at once
        to the member counts is exponential in the worst case and a table needs only its own."""
        dd = self.dd
        tie = TRUE
        chosen = [f for f in self.facts.values() if among is None or f.var in among]
        for fact in chosen:
            true, false = fact.exact
            tie = dd.conj(
                tie,
                dd.disj(
                    dd.conj(dd.literal(fact.var, [1]), true),
                    dd.conj(dd.literal(fact.var, [0]), dd.neg(true)),
                ),
            )
            del false
        joint = dd.conj(tie, self._households(member=member and bool(self.profiles())))
        return dd.exists(joint, frozenset(self.space.count_vars)) if joint != FALSE else FALSE

    def _households(self, *, member: bool) -> Node:
        """The real households (with, for a per-member table, the member's profile among
        them): the same for every table, so built once."""
        found = self._world.get(member)
        if found is None:
            dd = self.dd
            found = self.space.world
            if member:
                var = self.member()
                chosen = dd.any_of(
                    dd.conj(dd.literal(var, [p]), self.space.member_present(p))
                    for p in self.profiles()
                )
                found = dd.conj(found, chosen)
            self._world[member] = found
        return found


def _all_leaves(node: ast.expr) -> list[at.Leaf]:
    """Leaves of a node and of the operands of its and / or / not."""
    if at.is_connective(node):
        return [leaf for operand in at.operands(node) for leaf in _all_leaves(operand)]
    return at.leaves(node)
