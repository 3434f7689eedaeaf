"""Finite answer domains: for each question the classes of answers that no condition can tell
apart (options, threshold bands, subsets of options), and for the household the member
*profiles* (age, school-year and sex bands). Classes are found by evaluating every atom that
reads an answer on real candidate values, so each class has a real representative."""

from __future__ import annotations

import ast
import datetime as dt
import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kakanai.core.errors import ErrorCode, Problem
from kakanai.core.expressions.language import UNKNOWN, evaluate_pinned
from kakanai.core.expressions.syntax import MEMBER_NAME
from kakanai.core.trees.checks import all_conditions
from kakanai.core.trees.evaluation import TreeRuntime, Values
from kakanai.core.trees.model import Per, Question, QuestionType
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.trees.reasoning.candidates import (
    DEADLINE_FUNCTIONS,
    Candidates,
    Readings,
    ReasoningLimitError,
)
from kakanai.core.trees.reasoning.labels import band_labels, value_label
from kakanai.core.trees.reasoning.profiles import (
    DERIVED,
    IGNORED,
    MAX_PROFILES,
    MemberAtom,
    ProfileLimitError,
    Profiles,
    build_profiles,
    exact,
    member_fields_of,
)

MAX_COMBINATIONS = 2000  # per atom and candidate when telling candidates apart
COUNT_CAP = 6  # largest number of members of one profile a household is tried with

Key = tuple[object, ...]

# Outcomes of atoms that read only the member, by (syntax, day, what they read of the member):
# an editor re-checks a tree after each edit, and nearly all its atoms are unchanged. Pure
# values of the expression language, so keeping them across checks changes no result.
_PURE_OUTCOMES: dict[tuple[str, dt.date, tuple[object, ...]], Key] = {}
PURE_OUTCOMES_KEPT = 200_000


@dataclass
class Domain:
    """The classes of one question's answers: a representative and the candidates of each."""

    question: Question
    values: list[object]
    candidates: list[list[object]]
    keyed: dict[Key, int]
    key_of: Callable[[object], Key]
    labels: list[str] = field(default_factory=list)
    # Answers already classified: scenarios repeat the same answers (4,040 calls for 121
    # answers on the death tree's review), and each key evaluates every atom that reads it.
    _known: dict[object, int | None] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Each candidate's class was found when the classes were made: options and yes/no
        # answers (most of what scenarios answer) need no evaluation at all.
        for index, group in enumerate(self.candidates):
            for candidate in group:
                frozen = _frozen(candidate)
                if frozen is not None:
                    self._known.setdefault(frozen, index)

    @property
    def size(self) -> int:
        return len(self.values)

    def classify(self, value: object) -> int | None:
        """The class of a concrete answer; None when no class has its behaviour."""
        frozen = _frozen(value)
        if frozen is None:
            return self.keyed.get(self.key_of(value))
        if frozen not in self._known:
            self._known[frozen] = self.keyed.get(self.key_of(value))
        return self._known[frozen]


@dataclass
class _Atom:
    node: ast.expr
    runtime: TreeRuntime
    reads: frozenset[str]  # question ids whose values it reads (through computed values too)
    presence: frozenset[str]  # question ids read through answered(x)
    household: bool  # reads a household quantifier (directly or through computed values)
    member: bool  # reads the bound member
    # The member fields its value depends on, derived ones with their sources (None: the
    # member as a whole), and its outcomes per member already seen, keyed by those fields.
    member_reads: tuple[str, ...] | None = None
    outcomes: dict[tuple[object, ...], Key] = field(default_factory=dict, repr=False)
    # Its syntax, when its value depends on nothing but the member and the day (it reads no
    # answer and no computed value): outcomes are then kept across checks (_PURE_OUTCOMES).
    pure: str | None = None
    inputs: tuple[list[str], list[list[object]], bool] | None = field(default=None, repr=False)


class DomainBuilder:
    """Builds the domains of every question and the profiles of one or more trees (several
    trees share one vocabulary when their versions are compared)."""

    def __init__(self, runtimes: Sequence[TreeRuntime], as_of: dt.date) -> None:
        self.runtimes = list(runtimes)
        self.as_of = as_of
        self.atoms: list[_Atom] = []
        self.constants: dict[str, list[object]] = {}
        self.partners: dict[str, set[str]] = {}
        self.len_read: set[str] = set()
        self.deadlines: dict[str, set[tuple[str, int]]] = {}
        self.member_fields: set[str] = set()
        self.count_limits: list[int] = []
        self._empty: dict[int, Values] = {}
        for runtime in self.runtimes:
            self._collect(runtime)
        self.questions = {q.id: q for r in self.runtimes for q in r.questions}
        read = Readings(
            self.constants, self.partners, self.len_read, self.member_fields, self.deadlines
        )
        self.making = Candidates(self.runtimes, as_of, read)
        self.candidates = {qid: self.making.of(q) for qid, q in self.questions.items()}
        self._pool: list[dict[str, object]] | None = None

    # -- collecting what conditions read ----------------------------------------------------

    def _collect(self, runtime: TreeRuntime) -> None:
        seen: set[str] = set()  # one atom written in several conditions is told apart once
        # A procedure's due date is printed, never compared: it splits no answers.
        dues = {id(p.due) for p in runtime.tree.procedures if p.due is not None}
        for condition, _ in all_conditions(runtime.tree):
            syntax = condition.expression.syntax
            for node in at.atoms(syntax):
                source = ast.unparse(node)
                if source not in seen:
                    seen.add(source)
                    self.atoms.append(self._atom(node, runtime))
            for comparison in at.comparisons(syntax):
                self._note_comparison(comparison, runtime)
            for sub in ast.walk(syntax):
                if isinstance(sub, ast.Call) and at.called(sub) == "len":
                    self.len_read |= self._reads(sub, runtime)[0]
                if (
                    isinstance(sub, ast.Call)
                    and at.called(sub) in DEADLINE_FUNCTIONS
                    and id(condition) not in dues
                ):
                    self._note_deadline(sub, runtime)
            self.member_fields |= at.member_fields(syntax)

    def _reads(self, node: ast.expr, runtime: TreeRuntime) -> tuple[set[str], set[str], bool]:
        values: set[str] = set()
        presence: set[str] = set()
        household = False
        pending = list(at.leaves(node))
        seen: set[str] = set()
        while pending:
            leaf = pending.pop()
            if leaf.kind == "quantifier":
                household = True
            elif leaf.kind == "answered":
                presence.add(leaf.name)
            elif leaf.name in runtime.question_ids:
                values.add(leaf.name)
            elif leaf.name in runtime.computed and leaf.name not in seen:
                seen.add(leaf.name)
                pending.extend(at.leaves(runtime.computed[leaf.name].value.expression.syntax))
        return values, presence, household

    def _atom(self, node: ast.expr, runtime: TreeRuntime) -> _Atom:
        values, presence, household = self._reads(node, runtime)
        fields = at.member_reads(node)
        reads = (
            None if fields is None else tuple(sorted(fields | {DERIVED.get(f, f) for f in fields}))
        )
        return _Atom(
            node,
            runtime,
            frozenset(values),
            frozenset(presence),
            household,
            at.reads_member(node),
            reads,
            pure=ast.dump(node) if reads is not None and _member_only(node) else None,
        )

    def _note_deadline(self, call: ast.Call, runtime: TreeRuntime) -> None:
        """``koseki_deadline(born_on, 14)``: the date questions it counts from (directly or
        through computed values) get event days either side of today's deadline."""
        if len(call.args) != 2:
            return
        period = call.args[1]
        if not (isinstance(period, ast.Constant) and type(period.value) is int):
            return
        for qid in self._reads(call.args[0], runtime)[0]:
            self.deadlines.setdefault(qid, set()).add((at.called(call), period.value))

    def _note_comparison(self, comparison: at.Comparison, runtime: TreeRuntime) -> None:
        side = comparison.side
        reads, _, household = self._reads(side, runtime)
        inner = [c for c in at.constants(side) if not isinstance(c, bool)]
        for qid in reads:
            self.constants.setdefault(qid, []).extend([comparison.constant, *inner])
            self.partners.setdefault(qid, set()).update(reads - {qid})
        if at.reads_member(side):
            self.constants.setdefault("member", []).extend([comparison.constant, *inner])
            self.partners.setdefault("member", set()).update(reads)
            for qid in reads:
                self.partners.setdefault(qid, set()).add("member")
        if household and isinstance(comparison.constant, int) and not reads:
            self.count_limits.append(comparison.constant)

    # -- classes -----------------------------------------------------------------------------

    def domains(self) -> dict[str, Domain]:
        result: dict[str, Domain] = {}
        for qid, question in self.questions.items():
            if question.type is QuestionType.HOUSEHOLD:
                continue
            reading = [a for a in self.atoms if qid in a.reads]

            def key_of(value: object, _q: str = qid, _atoms: list[_Atom] = reading) -> Key:
                return self._key(_q, value, _atoms)

            values, members, keyed = _classes(self.candidates[qid], key_of)
            labels = ["・".join(value_label(question, v) for v in group) for group in members]
            if question.type in (QuestionType.NUMBER, QuestionType.DATE):
                labels = band_labels(question, members)
            result[qid] = Domain(question, values, members, keyed, key_of, labels)
        return result

    def _key(self, qid: str, value: object, reading: list[_Atom]) -> Key:
        key: list[object] = []
        for atom in reading:
            others = sorted(atom.reads - {qid})
            pools = [self.candidates[o] for o in others]
            members = self.member_pool() if atom.member else [None]
            if atom.household or _product(pools) * len(members) > MAX_COMBINATIONS:
                key.append(("value", _hashable(value)))
                continue
            for combo in itertools.product(*pools):
                answers = dict(zip(others, combo, strict=True))
                answers[qid] = value
                for member in members:
                    key.append(self._evaluate(atom, answers, member))
        return tuple(key)

    def _evaluate(
        self, atom: _Atom, answers: dict[str, object], member: dict[str, object] | None
    ) -> object:
        values = (
            atom.runtime.values(answers, self.as_of) if answers else self._no_answers(atom.runtime)
        )
        try:
            return _hashable(evaluate_pinned(atom.node, values.context(member), {}))
        except (ArithmeticError, ValueError, TypeError) as exc:  # the interview would fail too
            return ("error", type(exc).__name__)

    def _no_answers(self, runtime: TreeRuntime) -> Values:
        """One shared view of no answers, for atoms that read only the member."""
        found = self._empty.get(id(runtime))
        if found is None:
            found = self._empty[id(runtime)] = runtime.values({}, self.as_of)
        return found

    # -- households --------------------------------------------------------------------------

    def member_choices(self) -> dict[str, list[object]]:
        """Each member field conditions read, with its candidate values."""
        fields = {DERIVED.get(f, f) for f in self.member_fields} - IGNORED
        per_member = {q.id: q for r in self.runtimes for q in r.tree.member_questions}
        choices: dict[str, list[object]] = {}
        if "birth_date" in fields:
            choices["birth_date"] = list(self.making.birth_dates(self.candidates))
        if "sex" in fields:
            choices["sex"] = ["男", "女"]
        if "relationship" in fields:
            choices["relationship"] = list(self.making.relationships())
        for qid in sorted(fields & set(per_member)):
            blank: list[object] = [] if per_member[qid].required else [None]
            choices[qid] = [*self.candidates[qid], *blank]
        return choices

    def base_member(self) -> dict[str, object]:
        """What a member is where no condition tells members apart: a 40-year-old woman."""
        birth = self.as_of.replace(year=self.as_of.year - 40, day=min(self.as_of.day, 28))
        return {
            "name": "サンプル",
            "kana": "サンプル",
            "birth_date": birth,
            "sex": "女",
            "relationship": "子",
            "is_head": False,
        }

    def member_pool(self) -> list[dict[str, object]]:
        """Members differing in one field at a time: enough to tell answers apart that are
        read together with one member field."""
        if self._pool is None:
            base = self.base_member()
            self._pool = [base]
            for name, values in self.member_choices().items():
                for value in values:
                    member = {**base, name: value}
                    member["is_head"] = member["relationship"] == "世帯主"
                    self._pool.append(member)
        return self._pool

    def profiles(self) -> Profiles:
        reading = [a for a in self.atoms if a.member]
        atoms = [
            MemberAtom(member_fields_of(a.node), functools.partial(self._outcomes, a))
            for a in reading
        ]
        cap = min(COUNT_CAP, max([1, *[k + 1 for k in self.count_limits if k >= 0]]))
        choices = self.member_choices()
        per_member = {q.id: q for r in self.runtimes for q in r.tree.member_questions}
        blank = frozenset(q for q in choices if q in per_member and not per_member[q].required)
        try:
            profiles = build_profiles(self.base_member(), choices, atoms, self.as_of, blank)
        except ProfileLimitError as exc:
            household = next(
                q for r in self.runtimes for q in r.questions if q.type is QuestionType.HOUSEHOLD
            )
            problem = Problem.at(
                household.loc, ErrorCode.FLOW_MEMBER_PROFILES, count=exc.count, limit=MAX_PROFILES
            )
            raise ReasoningLimitError(problem) from None
        profiles.count_cap = cap
        return profiles

    def _outcomes(self, atom: _Atom, member: dict[str, object]) -> Key:
        """An atom read with ``member`` bound, over every combination of the answers it reads."""
        names, lists, whole = self._inputs(atom)
        if whole:
            return (("member", _member_identity(member)),)
        # Profiles try hundreds of candidate members, most of them equal in what one atom
        # reads (an age band read by itself, tried with every sex and relationship): each
        # distinct reading is evaluated once, and once across checks for an atom that reads
        # nothing but the member (_PURE_OUTCOMES).
        if atom.member_reads is None:
            return self._evaluated(atom, names, lists, member)
        reading = tuple([exact(member.get(name)) for name in atom.member_reads])
        found = atom.outcomes.get(reading)
        if found is None:
            kept = None if atom.pure is None else (atom.pure, self.as_of, reading)
            found = None if kept is None else _PURE_OUTCOMES.get(kept)
            if found is None:
                found = self._evaluated(atom, names, lists, member)
                if kept is not None:
                    if len(_PURE_OUTCOMES) >= PURE_OUTCOMES_KEPT:
                        _PURE_OUTCOMES.clear()
                    _PURE_OUTCOMES[kept] = found
            atom.outcomes[reading] = found
        return found

    def _inputs(self, atom: _Atom) -> tuple[list[str], list[list[object]], bool]:
        """The answers an atom reads, their candidates, and whether the member must be told
        apart as a whole (a household quantifier, or too many combinations to try)."""
        if atom.inputs is None:
            names = sorted(atom.reads)
            lists = [self.candidates[n] for n in names]
            whole = atom.household or _product(lists) > MAX_COMBINATIONS
            atom.inputs = (names, lists, whole)
        return atom.inputs

    def _evaluated(
        self,
        atom: _Atom,
        names: list[str],
        lists: list[list[object]],
        member: dict[str, object],
    ) -> Key:
        return tuple(
            self._evaluate(atom, dict(zip(names, combo, strict=True)), member)
            for combo in itertools.product(*lists)
        )

    def member_conditions(self) -> list[ast.expr]:
        """Per-member procedures' conditions (evaluated with a member bound)."""
        return [
            p.when.expression.syntax
            for r in self.runtimes
            for p in r.tree.procedures
            if p.per is Per.MEMBER and p.when is not None
        ]


def _classes(
    candidates: Sequence[object], key_of: Callable[[object], Key]
) -> tuple[list[object], list[list[object]], dict[Key, int]]:
    keyed: dict[Key, int] = {}
    values: list[object] = []
    members: list[list[object]] = []
    for candidate in candidates:
        key = key_of(candidate)
        index = keyed.get(key)
        if index is None:
            keyed[key] = len(values)
            values.append(candidate)
            members.append([candidate])
        else:
            members[index].append(candidate)
    return values, members, keyed


def _product(pools: Sequence[Sequence[object]]) -> int:
    total = 1
    for pool in pools:
        total *= len(pool) + 1
    return total


def _hashable(value: object) -> object:
    if isinstance(value, list | tuple | set | frozenset):
        return tuple(sorted(map(str, value)))
    if isinstance(value, dict):
        return tuple(sorted((k, str(v)) for k, v in value.items()))
    if value is UNKNOWN:
        return "UNKNOWN"
    return value


def _frozen(value: object) -> object | None:
    """An exact, hashable stand-in for an answer (types kept apart: ``True`` is not ``1``);
    None for values it does not know how to freeze (they are classified every time)."""
    if value is None or isinstance(value, bool | int | float | str | dt.date):
        return (type(value).__name__, value)
    if isinstance(value, list | tuple):
        items = [_frozen(item) for item in value]
        return None if None in items else ("list", tuple(items))
    if isinstance(value, dict):
        pairs = [(key, _frozen(item)) for key, item in value.items()]
        if any(item is None or not isinstance(key, str) for key, item in pairs):
            return None
        return ("dict", tuple(sorted(pairs, key=lambda pair: str(pair[0]))))
    return None


def _member_only(node: ast.expr) -> bool:
    """Whether every name ``node`` reads is the member or a function it calls."""
    called = {id(n.func) for n in ast.walk(node) if isinstance(n, ast.Call)}
    return all(
        n.id == MEMBER_NAME or id(n) in called for n in ast.walk(node) if isinstance(n, ast.Name)
    )


def _member_identity(member: dict[str, object]) -> tuple[object, ...]:
    return (member.get("birth_date"), member.get("sex"), member.get("relationship"))
