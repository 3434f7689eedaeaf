"""Enumerates every distinct path through a tree (answer classes along the way → procedures)
and finds what only exploration can: unreachable items, conditions that read questions not
asked on some path, and paths that end with no procedure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kakanai.core.expressions.language import UNKNOWN
from kakanai.core.trees.answer_classes import ClassBuilder
from kakanai.core.trees.evaluation import TreeRuntime, Values
from kakanai.core.trees.model import Condition, Per, Procedure, Question

PATH_LIMIT = 20_000  # a table longer than this is read by nobody; --rules has no limit


@dataclass
class PathRow:
    """One path: the answer classes in order, then what applies."""

    steps: list[tuple[str, str]]
    procedures: list[str]
    member_procedures: list[tuple[str, list[str]]] = field(default_factory=list)

    def describe(self, limit: int = 6) -> str:
        shown = [f"{q}={label}" for q, label in self.steps[:limit]]
        more = " …" if len(self.steps) > limit else ""
        return "、".join(shown) + more


@dataclass
class UnknownRead:
    """A condition that could not be decided because it read a question not asked."""

    condition: Condition
    where: str
    name: str
    example: str


@dataclass
class Exploration:
    count: int = 0
    rows: list[PathRow] = field(default_factory=list)
    asked: set[str] = field(default_factory=set)
    applied: set[str] = field(default_factory=set)
    unknown_reads: dict[int, UnknownRead] = field(default_factory=dict)
    no_result: PathRow | None = None
    too_many: bool = False


class _PathLimitError(Exception):
    """Raised inside the search when the path limit is reached."""


class Explorer:
    """Depth-first search over answer classes, in interview order."""

    def __init__(
        self,
        runtime: TreeRuntime,
        as_of: dt.date,
        *,
        collect: bool = False,
        limit: int = PATH_LIMIT,
    ) -> None:
        self.runtime = runtime
        self.as_of = as_of
        self.collect = collect
        self.limit = limit
        self.classes = ClassBuilder(runtime, as_of)
        self.result = Exploration()
        self._class_cache: dict[str, list[tuple[str, object]]] = {}
        self._decisions: dict[tuple[object, ...], bool] = {}
        self._sorted_reads: dict[str, list[str]] = {}

    def run(self) -> Exploration:
        try:
            self.visit(0, {}, [])
        except _PathLimitError:
            self.result.too_many = True
        return self.result

    def answer_classes(self, question: Question) -> list[tuple[str, object]]:
        if question.id not in self._class_cache:
            self._class_cache[question.id] = [
                (c.label, c.value) for c in self.classes.classes(question)
            ]
        return self._class_cache[question.id]

    def visit(self, index: int, answers: dict[str, object], steps: list[tuple[str, str]]) -> None:
        questions = self.runtime.questions
        values = self.runtime.values(answers, self.as_of)
        while index < len(questions):
            question = questions[index]
            applies = values.applies(question)
            if applies is True:
                break
            if applies is UNKNOWN:
                self.note_unknown_question(question, values, steps)
            index += 1
        else:
            self.finish(answers, steps)
            return
        self.result.asked.add(question.id)
        for label, value in self.answer_classes(question):
            answers[question.id] = value
            steps.append((question.id, label))
            self.visit(index + 1, answers, steps)
            steps.pop()
        del answers[question.id]

    def finish(self, answers: dict[str, object], steps: list[tuple[str, str]]) -> None:
        self.result.count += 1
        if self.result.count > self.limit:
            raise _PathLimitError
        values = self.runtime.values(answers, self.as_of)
        row = PathRow(list(steps), [])
        profiles = self._possible_profiles(answers.get(self.runtime.household_id))
        for procedure in self.runtime.tree.procedures:
            base = self.answers_key(procedure, values)
            if procedure.per is not Per.MEMBER:
                if self.decide(procedure, values, None, steps, base):
                    row.procedures.append(procedure.id)
                continue
            for index in profiles:
                profile = self.classes.profiles[index]
                if self.decide(procedure, values, profile.member, steps, base):
                    self.add_member_procedure(row, profile.label, procedure.id)
        if not row.procedures and not row.member_procedures and self.result.no_result is None:
            self.result.no_result = row
        if self.collect:
            self.result.rows.append(row)

    @staticmethod
    def add_member_procedure(row: PathRow, label: str, procedure_id: str) -> None:
        entry = next((e for e in row.member_procedures if e[0] == label), None)
        if entry is None:
            entry = (label, [])
            row.member_procedures.append(entry)
        entry[1].append(procedure_id)

    def _possible_profiles(self, household: object) -> list[int]:
        for klass in self.classes.households:
            if klass.members is household:
                return klass.profiles
        return []

    def answers_key(self, procedure: Procedure, values: Values) -> tuple[object, ...]:
        """The answers a procedure's condition reads: equal keys, equal outcome."""
        reads = self._sorted_reads.get(procedure.id)
        if reads is None:
            found = self.runtime.reads(procedure.when.expression) if procedure.when else set()
            reads = self._sorted_reads[procedure.id] = sorted(found)
        answers = values.answers
        return (procedure.id, *(_hashable(answers.get(name)) for name in reads))

    def decide(
        self,
        procedure: Procedure,
        values: Values,
        member: dict[str, object] | None,
        steps: list[tuple[str, str]],
        base: tuple[object, ...],
    ) -> bool:
        """Whether a procedure applies; memoised on the answers its condition reads."""
        key = (base, id(member))
        cached = self._decisions.get(key)
        if cached is None:
            cached = self._decisions[key] = self._decide(procedure, values, member, steps)
        return cached

    def _decide(
        self,
        procedure: Procedure,
        values: Values,
        member: dict[str, object] | None,
        steps: list[tuple[str, str]],
    ) -> bool:
        outcome = values.evaluate(procedure.when, member)
        if outcome is UNKNOWN and procedure.when is not None:
            self.note_unknown(procedure.when, f"手続き「{procedure.id}」", values, steps)
        if outcome is True:
            self.result.applied.add(procedure.id)
            return True
        return False

    def note_unknown_question(
        self, question: Question, values: Values, steps: list[tuple[str, str]]
    ) -> None:
        section = self.runtime.tree.section_of(question)
        if values.evaluate(section.when) is UNKNOWN and section.when is not None:
            self.note_unknown(section.when, f"セクション「{section.id}」", values, steps)
        elif question.when is not None:
            self.note_unknown(question.when, f"設問「{question.id}」", values, steps)

    def note_unknown(
        self, condition: Condition, where: str, values: Values, steps: list[tuple[str, str]]
    ) -> None:
        if id(condition) in self.result.unknown_reads:
            return
        unasked = sorted(
            n for n in self.runtime.reads(condition.expression) if not values.answered(n)
        )
        name = unasked[0] if unasked else "?"
        example = PathRow(list(steps), []).describe() or "最初の設問"
        self.result.unknown_reads[id(condition)] = UnknownRead(condition, where, name, example)


def _hashable(value: object) -> object:
    if isinstance(value, list | dict):
        return id(value)  # answer classes reuse one representative object per class
    return value


def explore(
    runtime: TreeRuntime, as_of: dt.date, *, collect: bool = False, limit: int = PATH_LIMIT
) -> Exploration:
    """Enumerate all paths of a tree for interviews held on ``as_of``."""
    return Explorer(runtime, as_of, collect=collect, limit=limit).run()
