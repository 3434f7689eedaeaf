"""One tree's conditions as decision diagrams over a Space, in the interview's three-valued
logic: each condition becomes the residents for whom it is True and those for whom it is
False (the rest: unknown, because it read a question the interview did not ask).

Atoms are evaluated by the interview's own evaluator, once per combination of the classes of
what they read, so the diagrams agree with interviews by construction."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterable, Iterator

from kakanai.core.expressions.language import UNKNOWN, evaluate_pinned
from kakanai.core.trees.checks import all_conditions
from kakanai.core.trees.evaluation import TreeRuntime, evaluation_context
from kakanai.core.trees.model import Condition, Per, Procedure, Question
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.diagrams import FALSE, TRUE, Diagrams, Node
from kakanai.core.trees.reasoning.domains import _hashable
from kakanai.core.trees.reasoning.profiles import DERIVED
from kakanai.core.trees.reasoning.space import BLANK, Space

Tri = tuple[Node, Node]  # (the residents for whom it is True, those for whom it is False)
Guarded = list[tuple[Node, object]]  # disjoint guards, each with the value it gives
ALWAYS: Tri = (TRUE, FALSE)
NEVER: Tri = (FALSE, TRUE)
WIDE_DOMAIN = 16  # classes from which a question's classes are grouped, not enumerated


class TreeLogic:
    """The diagrams of one tree: who is asked each question, what each condition gives."""

    def __init__(self, space: Space, runtime: TreeRuntime) -> None:
        self.space = space
        self.runtime = runtime
        self.dd = space.dd
        self._tri: dict[tuple[int, int | None], Tri] = {}
        self._guarded: dict[tuple[int, int | None], Guarded] = {}
        self._count_caps = count_caps(c.expression.syntax for c, _ in all_conditions(runtime.tree))
        self._computed: dict[str, Guarded] = {}
        self._reads: dict[int, frozenset[str] | None] = {}
        self._same_profiles: dict[frozenset[str], list[int]] = {}
        self._representatives: dict[int, list[int] | bool] = {}  # see bound
        self._answers_read: dict[int, list[ast.Attribute]] = {}  # see _member_answers
        self.asked: dict[str, Node] = {}
        self.present: dict[str, Node] = {}
        self.household_present = FALSE
        for question in runtime.questions:
            self._ask(question)

    # -- questions ---------------------------------------------------------------------------

    def _ask(self, question: Question) -> None:
        section = self.runtime.tree.section_of(question)
        first = self.condition(section.when)
        second = self.condition(question.when)
        asked = self.dd.conj(first[0], second[0])
        self.asked[question.id] = asked
        blank = self.space.blank_var.get(question.id)
        if blank is not None and not question.required:
            asked = self.dd.conj(asked, self.dd.literal(blank, [1 - BLANK]))
        self.present[question.id] = asked
        if question.id == self.runtime.household_id:
            self.household_present = asked

    def condition(self, condition: Condition | None, profile: int | None = None) -> Tri:
        if condition is None:
            return ALWAYS
        return self.tri(condition.expression.syntax, profile)

    # -- three-valued diagrams ---------------------------------------------------------------

    def tri(self, node: ast.expr, profile: int | None = None) -> Tri:
        """True and False sets of a boolean node (with a member profile bound, if any)."""
        bound = self.bound(node, profile)
        key = (id(node), bound)
        found = self._tri.get(key)
        if found is None:
            found = self._tri[key] = self._tri_of(node, bound)
        return found

    def bound(self, node: ast.expr, profile: int | None) -> int | None:
        """The profile a node is evaluated for: None when it does not read the member, else
        the first profile equal to ``profile`` in every member field the node reads, so that
        profiles a condition cannot tell apart share one encoding."""
        if profile is None:
            return None
        same = self._representatives.get(id(node))
        if same is None:
            same = self._representatives[id(node)] = self._same_as(node)
        if same is False:  # reads no member
            return None
        return profile if same is True else same[profile]

    def _same_as(self, node: ast.expr) -> list[int] | bool:
        """For ``bound``: False when the node reads no member, True when it reads the member
        as a whole, else the representative of each profile in the fields it reads."""
        if not at.reads_member(node):
            return False
        fields = self._member_reads(node)
        if fields is None:
            return True
        same = self._same_profiles.get(fields)
        if same is None:
            same = self._same_profiles[fields] = self.space.profiles.representatives(fields)
        return same

    def _member_reads(self, node: ast.expr) -> frozenset[str] | None:
        """The member fields a node's value depends on (None: the member as a whole)."""
        key = id(node)
        if key in self._reads:
            return self._reads[key]
        self._reads[key] = None  # a cycle through member_when: fall back to the profile
        fields = at.member_reads(node)
        if fields is not None:
            fields |= {source for name, source in DERIVED.items() if name in fields}
            for qid in fields & self.runtime.member_question_ids:
                question = self.runtime.tree.question(qid)
                if question is not None and question.member_when is not None:
                    inner = self._member_reads(question.member_when.expression.syntax)
                    fields = None if inner is None else fields | inner
                    if fields is None:
                        break
        self._reads[key] = fields
        return fields

    def _tri_of(self, node: ast.expr, profile: int | None) -> Tri:
        dd = self.dd
        if isinstance(node, ast.BoolOp):
            parts = [self.tri(value, profile) for value in node.values]
            if isinstance(node.op, ast.And):
                return dd.all_of(t for t, _ in parts), dd.any_of(f for _, f in parts)
            return dd.any_of(t for t, _ in parts), dd.all_of(f for _, f in parts)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            true, false = self.tri(node.operand, profile)
            return false, true
        return as_tri(self.dd, self.guarded(node, profile))

    def guarded(self, node: ast.expr, profile: int | None = None) -> Guarded:
        """The values a node can take, each with the residents for whom it takes it."""
        bound = self.bound(node, profile)
        key = (id(node), bound)
        found = self._guarded.get(key)
        if found is None:
            found = self._guarded[key] = self._guarded_of(node, bound)
        return found

    def _guarded_of(self, node: ast.expr, profile: int | None) -> Guarded:
        if at.is_connective(node):
            true, false = self.tri(node, profile)
            return from_tri(self.dd, true, false)
        if isinstance(node, ast.Name) and node.id != "member":
            return self.name(node.id)
        if at.answered_of(node):
            present = self.present.get(at.answered_of(node), FALSE)
            return [(present, True), (self.dd.neg(present), False)]
        if at.is_quantifier(node):
            return self.quantifier(node)
        return self._enumerate(node, profile)

    def name(self, name: str) -> Guarded:
        computed = self.runtime.computed.get(name)
        if computed is not None:
            if name not in self._computed:
                self._computed[name] = UNKNOWN_ONLY  # a cycle reads unknown, as interviews do
                self._computed[name] = self.guarded(computed.value.expression.syntax)
            return self._computed[name]
        if name not in self.runtime.question_ids:
            return UNKNOWN_ONLY
        return self.question_values(name)

    def question_values(self, qid: str) -> Guarded:
        present = self.present.get(qid, FALSE)
        domain = self.space.domains[qid]
        var = self.space.value_var.get(qid)
        if var is None:
            result: Guarded = [(present, domain.values[0])]
        else:
            result = [
                (self.dd.conj(present, self.dd.literal(var, [k])), value)
                for k, value in enumerate(domain.values)
            ]
        result.append((self.dd.neg(present), UNKNOWN))
        return [(guard, value) for guard, value in result if guard != FALSE]

    def _enumerate(self, node: ast.expr, profile: int | None) -> Guarded:
        """Evaluate an atom on every combination of what its leaves can be."""
        leaves: list[ast.expr] = [leaf.node for leaf in at.leaves(node)]
        wide = self._widest(leaves)
        options = [
            [] if i == wide else self.guarded(leaf, profile) for i, leaf in enumerate(leaves)
        ]
        member = self.space.profiles.members[profile] if profile is not None else None
        if profile is not None and self.runtime.member_question_ids:
            for read in self._member_answers(node):
                leaves.append(read)
                options.append(self.member_answer(read.attr, profile))
        ctx = evaluation_context({}, _nobody_answered, None, self.space.as_of, member)
        results: dict[object, tuple[Node, object]] = {}

        def add(guard: Node, value: object) -> None:
            key = _hashable(value)
            before = results.get(key)
            results[key] = (guard if before is None else self.dd.disj(before[0], guard), value)

        def value_of(leaves: list[ast.expr], values: list[object]) -> object:
            pinned = {id(leaf): value for leaf, value in zip(leaves, values, strict=True)}
            try:
                return evaluate_pinned(node, ctx, pinned)
            except (ArithmeticError, ValueError, TypeError):
                return UNKNOWN  # the interview would stop here too; never a silent outcome

        if wide is None:
            for guard, values in _combinations(self.dd, options):
                add(guard, value_of(leaves, values))
            return list(results.values())
        # A question with many classes (a multi question's subsets): its classes are grouped
        # by the value the atom takes and joined in one literal, instead of one literal each.
        qid = leaves[wide].id  # type: ignore[attr-defined]
        var, present = self.space.value_var[qid], self.present.get(qid, FALSE)
        classes = self.space.domains[qid].values
        rest = [*leaves[:wide], *leaves[wide + 1 :], leaves[wide]]
        for guard, values in _combinations(self.dd, [*options[:wide], *options[wide + 1 :]]):
            grouped: dict[object, tuple[list[int], object]] = {}
            for index, candidate in enumerate(classes):
                value = value_of(rest, [*values, candidate])
                grouped.setdefault(_hashable(value), ([], value))[0].append(index)
            for indexes, value in grouped.values():
                chosen = self.dd.conj(present, self.dd.literal(var, indexes))
                add(self.dd.conj(guard, chosen), value)
            add(self.dd.conj(guard, self.dd.neg(present)), value_of(rest, [*values, UNKNOWN]))
        return list(results.values())

    def _member_answers(self, node: ast.expr) -> list[ast.Attribute]:
        """``at.member_answers`` of a node, found once for all the profiles it is read for."""
        found = self._answers_read.get(id(node))
        if found is None:
            found = at.member_answers(node, self.runtime.member_question_ids)
            self._answers_read[id(node)] = found
        return found

    def _widest(self, leaves: list[ast.expr]) -> int | None:
        """The leaf that is a question with the most classes, if it has many."""
        widest, size = None, WIDE_DOMAIN - 1
        for index, leaf in enumerate(leaves):
            qid = leaf.id if isinstance(leaf, ast.Name) else None
            if qid is None or qid not in self.runtime.question_ids:
                continue
            if qid in self.space.value_var and self.space.domains[qid].size > size:
                widest, size = index, self.space.domains[qid].size
        return widest

    def member_answer(self, qid: str, profile: int) -> Guarded:
        """A member's own answer: known where the question was asked and asked of them."""
        question = self.runtime.tree.question(qid)
        assert question is not None
        asked = self.dd.conj(
            self.present.get(qid, FALSE), self.condition(question.member_when, profile)[0]
        )
        value = self.space.profiles.members[profile].get(qid)
        found: Guarded = [(asked, UNKNOWN if value is None else value)]
        found.append((self.dd.neg(asked), UNKNOWN))
        return [(g, v) for g, v in found if g != FALSE]

    # -- households --------------------------------------------------------------------------

    def quantifier(self, node: ast.expr) -> Guarded:
        assert isinstance(node, ast.Call)
        body = node.args[0]
        dd, space = self.dd, self.space
        profiles = range(space.profiles.size)
        name = at.called(node)
        if name == "count_members":
            parts = [(space.member_present(p), self.tri(body, p)) for p in profiles]
            return self._count(parts, self._count_caps.get(ast.dump(node)))
        tris = [self.tri(body, p) for p in profiles]
        household = self.household_present
        trues, falses = enumerate(t for t, _ in tris), enumerate(f for _, f in tris)
        if name == "any_member":
            true, false = space.for_some_member(trues), space.for_every_member(falses)
        else:
            true, false = space.for_every_member(trues), space.for_some_member(falses)
        return from_tri(dd, dd.conj(household, true), dd.conj(household, false))

    def _count(self, parts: list[tuple[Node, Tri]], cap: int | None = None) -> Guarded:
        """How many members make ``parts`` true, with the residents for whom it is each
        total; totals from ``cap`` on are one (see ``count_caps``)."""
        dd = self.dd
        if cap is not None and all(tri in (ALWAYS, NEVER) for _, tri in parts):
            return self._count_known([int(tri == ALWAYS) for _, tri in parts], cap)
        most = cap if cap is not None else 1 << 30
        sums: dict[int, Node] = {0: self.household_present}
        unknown = dd.neg(self.household_present)
        # Last profile first: each step puts its variable above the sums so far (the count
        # variables are consecutive in the order), one new node per total instead of a copy
        # of every sum under the new variable.
        pairs = list(zip(self.space.count_vars, parts, strict=True))
        for var, (_, (true, false)) in reversed(pairs):
            maybe = dd.neg(dd.disj(true, false))
            following: dict[int, Node] = {}
            for total, guard in sums.items():
                for count in range(dd.variables[var].size):
                    here = dd.conj(guard, dd.literal(var, [count]))
                    if here == FALSE:
                        continue
                    if count == 0:
                        _add(dd, following, total, here)
                        continue
                    _add(dd, following, min(total + count, most), dd.conj(here, true))
                    _add(dd, following, total, dd.conj(here, false))
                    unknown = dd.disj(unknown, dd.conj(here, maybe))
            sums = {t: g for t, g in following.items() if g != FALSE}
        result: Guarded = [(guard, total) for total, guard in sums.items()]
        return [*result, (unknown, UNKNOWN)] if unknown != FALSE else result

    def _count_known(self, counted: list[int], cap: int) -> Guarded:
        """``_count`` where each profile's members always (1) or never (0) count, known
        whatever the answers (``count_members(member.age >= 0)``): each total's diagram is
        built over the count variables directly, last profile first, one node per partial
        total and variable, instead of conjoining guards profile by profile."""
        dd = self.dd
        variables = self.space.count_vars
        found: Guarded = []
        for total in range(cap + 1):
            below = [TRUE if s == total else FALSE for s in range(cap + 1)]
            for var, weight in zip(reversed(variables), reversed(counted), strict=True):
                size = dd.variables[var].size
                below = [
                    dd.node(var, tuple(below[min(s + weight * c, cap)] for c in range(size)))
                    for s in range(cap + 1)
                ]
            guard = dd.conj(self.household_present, below[0])
            if guard != FALSE:
                found.append((guard, total))
        unknown = dd.neg(self.household_present)
        return [*found, (unknown, UNKNOWN)] if unknown != FALSE else found

    # -- procedures --------------------------------------------------------------------------

    def applies(self, procedure: Procedure) -> Node:
        """The residents for whom the procedure is guided (for a member, if per member)."""
        if procedure.per is not Per.MEMBER:
            return self.condition(procedure.when)[0]
        some = self.space.for_some_member(
            (p, self.condition(procedure.when, p)[0]) for p in self.profiles()
        )
        return self.dd.conj(self.household_present, some)

    def applies_to(self, procedure: Procedure, profile: int) -> Node:
        """The residents with a member of this profile for whom the procedure is guided."""
        here = self.dd.conj(self.household_present, self.space.member_present(profile))
        return self.dd.conj(here, self.condition(procedure.when, profile)[0])

    def profiles(self) -> range:
        return range(self.space.profiles.size) if self.runtime.household_id else range(0)


UNKNOWN_ONLY: Guarded = [(TRUE, UNKNOWN)]


def count_caps(conditions: Iterable[ast.expr]) -> dict[str, int]:
    """How far each ``count_members(...)`` of a tree needs counting, by its source: where
    every use of it is a comparison with whole numbers (``>= 2``), one past the largest of
    them, since every such comparison comes out the same for any total from there on and
    the sums over many member profiles stay small. A count used any other way (arithmetic,
    a comparison with an answer) is counted in full, wherever it appears. Found over all
    the tree's conditions before any is reasoned about, so no result depends on the order
    in which the checks read them."""
    caps: dict[str, int] = {}
    full: set[str] = set()
    for syntax in conditions:
        nodes = list(ast.walk(syntax))
        counts = [n for n in nodes if _is_count(n)]
        if not counts:
            continue
        compared: set[int] = set()
        for node in nodes:
            if not isinstance(node, ast.Compare):
                continue
            operands = [node.left, *node.comparators]
            calls = [o for o in operands if _is_count(o)]
            numbers = [
                o.value for o in operands if isinstance(o, ast.Constant) and type(o.value) is int
            ]
            if calls and numbers and len(calls) + len(numbers) == len(operands):
                for call in calls:
                    key = ast.dump(call)
                    caps[key] = max(caps.get(key, 0), max(0, *numbers) + 1)
                    compared.add(id(call))
        full.update(ast.dump(n) for n in counts if id(n) not in compared)
    return {key: cap for key, cap in caps.items() if key not in full}


def _is_count(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and at.called(node) == "count_members"


def as_tri(dd: Diagrams, guarded: Guarded) -> Tri:
    true = dd.any_of(g for g, v in guarded if v is True)
    false = dd.any_of(g for g, v in guarded if v is False)
    return true, false


def from_tri(dd: Diagrams, true: Node, false: Node) -> Guarded:
    unknown = dd.neg(dd.disj(true, false))
    found = [(true, True), (false, False), (unknown, UNKNOWN)]
    return [(g, v) for g, v in found if g != FALSE]


def _add(dd: Diagrams, table: dict[int, Node], total: int, guard: Node) -> None:
    if guard != FALSE:
        table[total] = dd.disj(table.get(total, FALSE), guard)


def _combinations(dd: Diagrams, options: list[Guarded]) -> Iterator[tuple[Node, list[object]]]:
    for combo in itertools.product(*options):
        guard = TRUE
        for part, _ in combo:
            guard = dd.conj(guard, part)
            if guard == FALSE:
                break
        if guard != FALSE:
            yield guard, [value for _, value in combo]


def _nobody_answered(_name: str) -> bool:
    return False
