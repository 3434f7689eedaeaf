"""Evaluates a tree's conditions against answers: computed values in dependency order, the
questions that apply, and the procedures that follow (with the member they concern)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from kakanai.core.expressions.language import UNKNOWN, EvalContext, Expression, ExprIssue, parse_all
from kakanai.core.japanese import values as jv
from kakanai.core.trees.model import (
    Computed,
    Condition,
    Per,
    Procedure,
    Question,
    QuestionTree,
    Section,
)

PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def computed_dependencies(tree: QuestionTree) -> dict[str, set[str]]:
    """For each computed value, the other computed values it reads directly."""
    ids = {c.id for c in tree.computed}
    return {c.id: set(c.value.expression.names) & ids for c in tree.computed}


def topological_order(tree: QuestionTree, skip: set[str]) -> list[Computed]:
    """Computed values ordered so each comes after what it reads (cyclic ones left out)."""
    deps = computed_dependencies(tree)
    by_id = {c.id: c for c in tree.computed}
    done: list[Computed] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen or name in skip:
            return
        seen.add(name)
        for dep in sorted(deps[name]):
            visit(dep)
        done.append(by_id[name])

    for computed in tree.computed:
        visit(computed.id)
    return done


class TreeRuntime:
    """A tree that passed its checks, ready to evaluate quickly and repeatedly."""

    def __init__(self, tree: QuestionTree, cyclic: set[str] | None = None) -> None:
        self.tree = tree
        self.questions = tree.questions
        self.computed = {c.id: c for c in topological_order(tree, cyclic or set())}
        self.question_ids = {q.id for q in self.questions}
        self.household_id = tree.household_question.id if tree.household_question else ""
        self.member_question_ids = frozenset(q.id for q in tree.member_questions)
        self._sections = {q.id: s for s in tree.sections for q in s.questions}
        self._asked_inputs: dict[str, tuple[str, ...]] = {}
        self._reads: dict[int, frozenset[str]] = {}

    def reads(self, expression: Expression) -> frozenset[str]:
        """Question ids an expression reads, directly or through computed values."""
        cached = self._reads.get(id(expression))
        if cached is not None:
            return cached
        found: set[str] = set()
        pending = list(expression.names)
        visited: set[str] = set()
        fields = set(expression.member_fields)
        while pending:
            name = pending.pop()
            if name in visited:
                continue
            visited.add(name)
            if name in self.question_ids:
                found.add(name)
            elif name in self.computed:
                inner = self.computed[name].value.expression
                pending.extend(inner.names)
                fields |= inner.member_fields
        if fields and self.household_id:
            found.add(self.household_id)
        found |= fields & self.member_question_ids  # member.<id> of a per-member question
        self._reads[id(expression)] = frozenset(found)
        return self._reads[id(expression)]

    def asked_inputs(self, question: Question) -> tuple[str, ...]:
        """Every answer whether ``question`` is asked can depend on: the questions its
        section's and its own conditions read (through computed values too), and the
        household with every per-member answer, whatever they read of members."""
        found = self._asked_inputs.get(question.id)
        if found is None:
            read: set[str] = set()
            for condition in (self.section_of(question).when, question.when):
                if condition is not None:
                    read |= self.reads(condition.expression)
            if self.household_id:
                read |= {self.household_id, *self.member_question_ids}
            found = self._asked_inputs[question.id] = tuple(sorted(read))
        return found

    def section_of(self, question: Question) -> Section:
        """The section a question of this tree belongs to (one lookup)."""
        return self._sections.get(question.id) or self.tree.section_of(question)

    def values(self, answers: Mapping[str, object], as_of: dt.date) -> Values:
        return Values(self, answers, as_of)


class Values(Mapping[str, object]):
    """Answers plus computed values (evaluated lazily, once), as conditions see them."""

    def __init__(self, runtime: TreeRuntime, answers: Mapping[str, object], as_of: dt.date) -> None:
        self.runtime = runtime
        self.answers = answers
        self.as_of = as_of
        self._computed: dict[str, object] = {}
        self.household: Sequence[Mapping[str, object]] | None = None
        self.invalidate()

    def invalidate(self) -> None:
        """Forget computed values after the answers mapping was changed in place."""
        self._computed.clear()
        self._context: EvalContext | None = None
        runtime = self.runtime
        members = self.answers.get(runtime.household_id) if runtime.household_id else []
        self.household = members if isinstance(members, list) else None
        if self.household is not None and runtime.member_question_ids:
            self.household = with_member_answers(
                self.household, self.answers, runtime.member_question_ids
            )

    def __getitem__(self, name: str) -> object:
        if name in self.answers:
            value = self.answers[name]
            return UNKNOWN if value is None else value
        computed = self.runtime.computed.get(name)
        if computed is None:
            return UNKNOWN
        if name not in self._computed:
            self._computed[name] = UNKNOWN  # guards against re-entry while evaluating
            self._computed[name] = computed.value.expression.evaluate(self.context())
        return self._computed[name]

    def get(self, name: str, default: object = None) -> object:
        """``self[name]``: never missing (unknown instead), without Mapping's generic path."""
        del default  # every name has a value here, unknown at worst
        return self[name]

    def __iter__(self) -> Iterator[str]:
        yield from self.answers
        yield from self.runtime.computed

    def __len__(self) -> int:
        return len(self.answers) + len(self.runtime.computed)

    @property
    def members(self) -> Sequence[Mapping[str, object]]:
        """The household members known so far (none before the household is answered)."""
        return self.household or []

    def answered(self, name: str) -> bool:
        return self.answers.get(name) is not None

    def context(self, member: Mapping[str, object] | None = None) -> EvalContext:
        if member is not None:
            return evaluation_context(self, self.answered, self.household, self.as_of, member)
        if self._context is None:  # one per state of the answers: conditions run often
            self._context = evaluation_context(self, self.answered, self.household, self.as_of)
        return self._context

    def evaluate(
        self, condition: Condition | None, member: Mapping[str, object] | None = None
    ) -> object:
        """True, False or UNKNOWN; no condition means True."""
        if condition is None:
            return True
        return condition.expression.evaluate(self.context(member))

    def holds(
        self, condition: Condition | None, member: Mapping[str, object] | None = None
    ) -> bool:
        return self.evaluate(condition, member) is True

    def applies(self, question: Question) -> object:
        """Whether the question is asked: its section's condition and its own."""
        section = self.runtime.section_of(question)
        first = self.evaluate(section.when)
        if first is False:
            return False
        second = self.evaluate(question.when)
        if second is False:
            return False
        return True if first is True and second is True else UNKNOWN


def with_member_answers(
    members: Sequence[Mapping[str, object]],
    answers: Mapping[str, object],
    ids: frozenset[str],
) -> list[dict[str, object]]:
    """Members with their own answers to per-member questions (``member.<id>``): each such
    answer is a list with one value per member, in household order."""
    merged = [dict(member) for member in members]
    for qid in ids:
        values = answers.get(qid)
        if not isinstance(values, list):
            continue
        for member, value in zip(merged, values, strict=False):
            member[qid] = value
    return merged


def evaluation_context(
    values: Mapping[str, object],
    answered: Callable[[str], bool],
    members: Sequence[Mapping[str, object]] | None,
    as_of: dt.date,
    member: Mapping[str, object] | None = None,
) -> EvalContext:
    """What conditions see during an interview: values, answered-ness, the household."""
    return EvalContext(
        values=values,
        answered=answered,
        members=members,
        as_of=as_of,
        age_on=_age_on,
        school_grade=_school_grade,
        member=member,
    )


def _age_on(birth: dt.date, on: dt.date) -> int:
    """Age in full years; negative for someone not yet born on ``on`` (never raises)."""
    if birth <= on:
        return jv.age_on(birth, on)
    return -1 - jv.age_on(on, birth)


def _school_grade(birth: dt.date, on: dt.date) -> int:
    """School grade; someone not yet born on ``on`` is below every preschool year."""
    if birth <= on:
        return jv.school_grade(birth, on)
    return jv.school_grade(birth, birth) - 1 - jv.age_on(on, birth)


@dataclass
class AppliedProcedure:
    """A procedure that applies, with its reason and the member it concerns (if per member)."""

    procedure: Procedure
    because: str
    member_index: int | None = None
    evidence: list[str] = field(default_factory=list)
    copies: int = 1  # of a certificate (証明書), from the procedure's copies:
    due: dt.date | None = None  # the last day of the 届出, from the procedure's due:

    @property
    def amount(self) -> int | None:
        """The fee for all copies, for procedures with a fee."""
        fee = self.procedure.fee
        return None if fee is None else fee * self.copies


def applied_procedures(values: Values) -> list[AppliedProcedure]:
    """Every procedure that holds, in tree order; per-member ones once per member."""
    result: list[AppliedProcedure] = []
    for procedure in values.runtime.tree.procedures:
        if procedure.per is Per.MEMBER:
            for index, member in enumerate(values.members):  # empty until the household is known
                if values.holds(procedure.when, member):
                    result.append(_applied(values, procedure, member, index))
        elif values.holds(procedure.when):
            result.append(_applied(values, procedure, None, None))
    return result


def _applied(
    values: Values, procedure: Procedure, member: Mapping[str, object] | None, index: int | None
) -> AppliedProcedure:
    because = fill_placeholders(procedure.because, values, member)
    copies = values.evaluate(procedure.copies, member) if procedure.copies else 1
    count = copies if isinstance(copies, int) and not isinstance(copies, bool) else 1
    evidence = []
    if procedure.when is not None:
        for name in sorted(values.runtime.reads(procedure.when.expression)):
            if name != values.runtime.household_id and values.answered(name):
                evidence.append(name)
    due = values.evaluate(procedure.due, member) if procedure.due else None
    last_day = due if isinstance(due, dt.date) else None
    return AppliedProcedure(procedure, because, index, evidence, max(0, count), last_day)


@functools.cache
def placeholders(text: str) -> tuple[tuple[str, Expression | None, tuple[ExprIssue, ...]], ...]:
    """The ``{...}`` placeholders of a text, each parsed once: source, expression, issues."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        expression, issues = parse_all(match.group(1))
        found.append((match.group(1), expression, tuple(issues)))
    return tuple(found)


def fill_placeholders(text: str, values: Values, member: Mapping[str, object] | None) -> str:
    """Replace ``{member.name}``-style placeholders with their values."""
    parsed = {source: (expression, issues) for source, expression, issues in placeholders(text)}

    def replace(match: re.Match[str]) -> str:
        expression, issues = parsed[match.group(1)]
        if expression is None or issues:
            return match.group(0)
        value = expression.evaluate(values.context(member))
        if value is UNKNOWN or value is None:
            return ""
        if isinstance(value, dt.date):
            return jv.format_wareki(value)
        return str(value)

    return PLACEHOLDER.sub(replace, text)
