"""Decision tables at any size: per procedure, the fewest rules (like DMN rows with hit policy
"collect") that say for whom it is guided — the answers it reads, the household facts, and the
member it concerns — computed as an irredundant cover of prime cubes of its diagram."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from kakanai.core.expressions.language import UNKNOWN
from kakanai.core.trees.model import Per, Procedure
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.diagrams import FALSE, Diagrams, Node
from kakanai.core.trees.reasoning.facts import FactLogic
from kakanai.core.trees.reasoning.space import BLANK

Cube = dict[int, frozenset[int]]
MAX_RULES = 64  # per procedure; a table beyond this is summarised


@dataclass(frozen=True)
class Entry:
    """One input entry of a rule: what it reads, and the values it accepts."""

    input: str  # question id, fact, or "member"
    values: tuple[str, ...]
    accepts: tuple[object, ...] = ()  # the answers it accepts (JSON-able), for machines
    relation: str = ""  # instead of the values: a multi question's options, 「に A を含む」

    def text(self) -> str:
        if self.relation:
            return f"{self.input}{self.relation}"
        return f"{self.input}={'・'.join(self.values)}"


@dataclass
class Rule:
    """One row: the conditions on the inputs it reads; the procedure applies."""

    entries: list[Entry]
    cube: Cube = field(repr=False, default_factory=dict)

    def text(self) -> str:
        return " かつ ".join(e.text() for e in self.entries) or "(常に)"


@dataclass
class Table:
    """A procedure's rules."""

    procedure: Procedure
    rules: list[Rule]
    function: Node = FALSE  # the procedure's diagram in the facts' vocabulary
    possible: Node = FALSE  # the combinations of facts real households have
    truncated: bool = False


class RuleMaker:
    """Builds the decision table of each procedure of one tree."""

    def __init__(self, logic: FactLogic) -> None:
        self.logic = logic
        self.dd: Diagrams = logic.dd
        self.space = logic.space
        self._possible: dict[tuple[bool, frozenset[int]], Node] = {}

    def possible(self, *, member: bool, among: frozenset[int]) -> Node:
        key = (member, among)
        if key not in self._possible:
            self._possible[key] = self.logic.possible(member=member, among=among)
        return self._possible[key]

    def table(self, procedure: Procedure) -> Table:
        per_member = procedure.per is Per.MEMBER
        function = self.logic.table(procedure)
        facts = frozenset(f.var for f in self.logic.facts.values())
        care = self.possible(member=per_member, among=self.dd.support(function) & facts)
        on = self.dd.conj(function, care)
        off = self.dd.conj(self.dd.neg(function), care)
        cubes, truncated = cover(self.dd, on, off)
        rules = [Rule(self.entries(cube, procedure), cube) for cube in cubes]
        return Table(procedure, rules, function, care, truncated)

    # -- showing a cube ----------------------------------------------------------------------

    def entries(self, cube: Cube, procedure: Procedure) -> list[Entry]:
        shown: list[Entry] = []
        for var in sorted(cube, key=lambda v: (v == self.logic.member_var, v)):  # member last
            shown.append(self.entry(var, cube[var], procedure))
        return shown

    def entry(self, var: int, values: frozenset[int], procedure: Procedure) -> Entry:
        space = self.space
        for qid, value_var in space.value_var.items():
            if value_var == var:
                domain = space.domains[qid]
                ordered = sorted(values)
                accepts = tuple(_plain(v) for i in ordered for v in domain.candidates[i])
                labels = tuple(domain.labels[i] for i in ordered)
                return Entry(qid, labels, accepts, options_relation(domain.values, values))
        for qid, blank_var in space.blank_var.items():
            if blank_var == var:
                return Entry(qid, ("未回答",) if values == {BLANK} else ("回答あり",))
        for fact in self.logic.facts.values():
            if fact.var == var:
                return Entry(
                    fact.label, ("はい",) if values == {1} else ("いいえ",), (1 in values,)
                )
        if var == self.logic.member_var:
            return Entry("member", (self.members(values, procedure),))
        return Entry(self.space.variable_name(var), tuple(str(v) for v in sorted(values)))

    def members(self, profiles: frozenset[int], procedure: Procedure) -> str:
        """The member a rule concerns, in the condition's own words when they say it exactly."""
        labels = "・".join(self.space.profiles.labels[p] for p in sorted(profiles))
        if procedure.when is None:
            return labels
        condition = procedure.when
        literals: list[str] = []
        matched = set(self.logic.profiles())
        for node in at.atoms(condition.expression.syntax):
            if not at.reads_member(node) or at.leaves(node):
                continue
            truth = {p: self.logic.exact.guarded(node, p)[0][1] for p in self.logic.profiles()}
            source = condition.source[
                condition.expression.offset_of(node) : condition.expression.end_of(node)
            ]
            if all(truth[p] is True for p in profiles):
                literals.append(source)
                matched &= {p for p, v in truth.items() if v is True}
            elif all(truth[p] is False for p in profiles):
                literals.append(f"not ({source})")
                matched &= {p for p, v in truth.items() if v is False}
        return " かつ ".join(literals) if literals and matched == set(profiles) else labels


def options_relation(classes: list[object], chosen: frozenset[int]) -> str:
    """A multi question's classes (subsets of options) as the options they must and must
    not contain — 「に A・B を含み、C を含まない」 — when exactly those classes match; else ""."""
    sets: list[frozenset[str]] = []
    order: list[str] = []
    for found in classes:
        if not isinstance(found, list):
            return ""
        sets.append(frozenset(str(o) for o in found))
        order.extend(str(o) for o in found)
    known = frozenset[str]().union(*sets)
    must = frozenset.intersection(*(sets[i] for i in chosen)) if chosen else frozenset()
    never = known - frozenset[str]().union(*(sets[i] for i in chosen))
    matching = {i for i, s in enumerate(sets) if must <= s and not (never & s)}
    if matching != set(chosen) or not (must or never):
        return _any_option(sets, order, chosen)
    contains = "・".join(sorted(must, key=order.index)) + (" をすべて" if len(must) > 1 else " を")
    lacks = "・".join(sorted(never, key=order.index)) + (" のどれも" if len(never) > 1 else " を")
    if must and never:
        return f" に {contains}含み、{lacks}含まない"
    return f" に {contains}含む" if must else f" に {lacks}含まない"


def _any_option(sets: list[frozenset[str]], order: list[str], chosen: frozenset[int]) -> str:
    """「に A か B を含む」: the classes that contain at least one of some options, if exactly
    those are chosen; else ""."""
    having = {o: {i for i, s in enumerate(sets) if o in s} for o in dict.fromkeys(order)}
    options = [o for o, found in having.items() if found and found <= chosen]
    if len(options) < 2 or set().union(*(having[o] for o in options)) != set(chosen):
        return ""
    return f" に {' か '.join(options)} を含む"


def cover(dd: Diagrams, on: Node, off: Node) -> tuple[list[Cube], bool]:
    """An irredundant cover of ``on`` by prime cubes that avoid ``off``."""
    if on == FALSE:
        return [], False
    primes: list[Cube] = []
    truncated = False
    for count, cube in enumerate(dd.cubes(on)):
        if count >= MAX_RULES * 4:
            truncated = True
            break
        if any(_contains(p, cube) for p in primes):
            continue
        prime = _expand(dd, cube, off)
        primes = [p for p in primes if not _contains(prime, p)]
        primes.append(prime)
    return _irredundant(dd, primes, on), truncated or len(primes) > MAX_RULES


def _expand(dd: Diagrams, cube: Cube, off: Node) -> Cube:
    """Enlarge a cube as far as it stays out of ``off``: drop inputs, then widen values."""
    result = dict(cube)
    for var in sorted(result, reverse=True):
        trial = {v: s for v, s in result.items() if v != var}
        if dd.conj(dd.cube(trial), off) == FALSE:
            result = trial
    for var in sorted(result):
        # A value may join when no assignment of ``off`` meets the rest of the cube with it;
        # values join independently, so all of them are found in one projection.
        rest = dd.conj(dd.cube({v: s for v, s in result.items() if v != var}), off)
        clashing = dd.values_meeting(rest, var)
        result[var] = frozenset(set(range(dd.variables[var].size)) - clashing)
        if len(result[var]) == dd.variables[var].size:
            del result[var]
    return result


def _irredundant(dd: Diagrams, primes: list[Cube], on: Node) -> list[Cube]:
    """Drop every cube the others already cover (largest cubes kept first)."""
    kept = sorted(primes, key=lambda c: (len(c), sorted(c.items())))
    for cube in list(reversed(kept)):
        others = [c for c in kept if c is not cube]
        rest = dd.any_of(dd.cube(c) for c in others)
        if others and dd.implies(dd.conj(dd.cube(cube), on), rest):
            kept = others
    return sorted(kept, key=lambda c: sorted((v, sorted(s)) for v, s in c.items()))


def _contains(big: Cube, small: Cube) -> bool:
    return all(var in small and small[var] <= values for var, values in big.items())


def _plain(value: object) -> object:
    if value is UNKNOWN:
        return None
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def tables(logic: FactLogic, procedures: Iterable[Procedure]) -> list[Table]:
    """Every procedure's table; the household facts all conditions name are known before
    any table decides which combinations of them can happen."""
    listed = list(procedures)
    for procedure in listed:
        logic.table(procedure)
    maker = RuleMaker(logic)
    return [maker.table(p) for p in listed]
