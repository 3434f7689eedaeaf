"""Finite answer domains: for each question the classes of answers that no condition can tell
apart (options, threshold bands, subsets of options), and for the household the member
*profiles* (age, school-year and sex bands). Classes are found by evaluating every atom that
reads an answer on real candidate values, so each class has a real representative."""

from __future__ import annotations

import ast
import contextlib
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kakanai.core.expressions.language import UNKNOWN, evaluate_pinned
from kakanai.core.japanese import values as jv
from kakanai.core.trees.answer_classes import (
    PLAIN_SAMPLES,
    _around_years,
    _distinct_birth_dates,
    _label,
)
from kakanai.core.trees.checks import all_conditions
from kakanai.core.trees.evaluation import TreeRuntime, Values
from kakanai.core.trees.model import Per, Question, QuestionType
from kakanai.core.trees.reasoning import atoms as at
from kakanai.core.value_types import RELATIONSHIP_VALUES

MAX_COMBINATIONS = 2000  # per atom and candidate when telling candidates apart
MAX_MULTI_OPTIONS = 10  # options of one multi question that conditions may mention
COUNT_CAP = 6  # largest number of members of one profile a household is tried with
EARLIEST = dt.date(1873, 1, 1)  # 明治6年: the Gregorian calendar in Japan
LATEST = dt.date(9999, 12, 31)

Key = tuple[object, ...]


@dataclass
class Domain:
    """The classes of one question's answers: a representative and the candidates of each."""

    question: Question
    values: list[object]
    candidates: list[list[object]]
    keyed: dict[Key, int]
    key_of: Callable[[object], Key]
    labels: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.values)

    def classify(self, value: object) -> int | None:
        """The class of a concrete answer; None when no class has its behaviour."""
        return self.keyed.get(self.key_of(value))


@dataclass
class Profiles:
    """Household members as profiles: members no member condition can tell apart."""

    members: list[dict[str, object]]
    labels: list[str]
    keyed: dict[Key, int]
    key_of: Callable[[dict[str, object]], Key]
    count_cap: int = 1

    @property
    def size(self) -> int:
        return len(self.members)

    def classify(self, member: dict[str, object]) -> int | None:
        return self.keyed.get(self.key_of(member))


@dataclass
class _Atom:
    node: ast.expr
    runtime: TreeRuntime
    reads: frozenset[str]  # question ids whose values it reads (through computed values too)
    presence: frozenset[str]  # question ids read through answered(x)
    household: bool  # reads a household quantifier (directly or through computed values)
    member: bool  # reads the bound member


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
        self.member_fields: set[str] = set()
        self.count_limits: list[int] = []
        self._empty: dict[int, Values] = {}
        for runtime in self.runtimes:
            self._collect(runtime)
        self.questions = {q.id: q for r in self.runtimes for q in r.questions}
        self.candidates = {qid: self._candidates(q) for qid, q in self.questions.items()}

    # -- collecting what conditions read ----------------------------------------------------

    def _collect(self, runtime: TreeRuntime) -> None:
        seen: set[str] = set()  # one atom written in several conditions is told apart once
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
        return _Atom(
            node, runtime, frozenset(values), frozenset(presence), household, at.reads_member(node)
        )

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

    # -- candidates --------------------------------------------------------------------------

    def _candidates(self, question: Question) -> list[object]:
        kind = question.type
        found = self.constants.get(question.id, [])
        if kind is QuestionType.YESNO:
            return [True, False]
        if kind is QuestionType.CHOICE:  # every version's options, when versions are compared
            options = [v for r in self.runtimes for v in _choices_of(r, question.id)]
            return list[object](dict.fromkeys([*question.choice_values(), *options]))
        if kind is QuestionType.MULTI:
            return self._multi(question, found)
        if kind is QuestionType.NUMBER:
            return self._numbers(question, found)
        if kind is QuestionType.DATE:
            dates = self._dates(found, self._partner_dates(question.id))
            ordered = sorted(dates - {self.as_of}, reverse=True)
            return [self.as_of, *ordered]  # the interview's own day is the typical answer
        if kind is QuestionType.HOUSEHOLD:
            return []
        texts = [c for c in found if isinstance(c, str)]
        sample = PLAIN_SAMPLES[kind]
        if kind is QuestionType.ADDRESS:
            return [sample]
        others = [sample, f"{sample}2"] if sample in texts else [sample]
        return list(dict.fromkeys([*others[-1:], *texts]))

    def _multi(self, question: Question, found: list[object]) -> list[object]:
        mentioned = [v for v in question.choice_values() if v in {str(c) for c in found}]
        mentioned = mentioned[:MAX_MULTI_OPTIONS]
        others = [v for v in question.choice_values() if v not in mentioned]
        extras = range(len(others) + 1) if question.id in self.len_read else range(1)
        subsets: list[object] = []
        for size in range(len(mentioned) + 1):
            for combo in itertools.combinations(mentioned, size):
                subsets.extend([*combo, *others[:extra]] for extra in extras)
        return subsets

    def _numbers(self, question: Question, found: list[object]) -> list[object]:
        numbers = [c for c in found if isinstance(c, int | float) and not isinstance(c, bool)]
        values: set[float] = set()
        for n in numbers:
            values |= {n - 1, n, n + 1}
            for other in numbers:
                values |= {n + other, n - other}
        for partner in self.partners.get(question.id, ()):
            partner_q = self._question(partner)
            if partner_q is not None and partner_q.type is QuestionType.NUMBER:
                for c in self.constants.get(partner, []):
                    if isinstance(c, int | float) and not isinstance(c, bool):
                        values |= {c - 1, c, c + 1}
        low = question.minimum if question.minimum is not None else float("-inf")
        high = question.maximum if question.maximum is not None else float("inf")
        bounds = [b for b in (question.minimum, question.maximum) if b is not None]
        kept = sorted({_tidy(v) for v in [*values, *bounds] if low <= v <= high})
        return list(kept) or [_tidy(bounds[0]) if bounds else 1]

    def _question(self, qid: str) -> Question | None:
        return next((q for r in self.runtimes for q in r.questions if q.id == qid), None)

    def _partner_dates(self, qid: str) -> list[dt.date]:
        found: list[dt.date] = []
        for partner in self.partners.get(qid, ()):
            question = self._question(partner)
            if question is not None and question.type is QuestionType.DATE:
                found.extend(self._dates(self.constants.get(partner, []), []))
        return found

    def _dates(self, found: Iterable[object], partners: Sequence[dt.date]) -> set[dt.date]:
        anchors = [self.as_of, *partners]
        dates: set[dt.date] = set()
        for anchor in anchors:
            dates |= _near(anchor, 0)
            for constant in found:
                dates |= _around_constant(anchor, constant)
        return {d for d in dates if EARLIEST <= d <= LATEST}

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
            labels = ["・".join(_value_label(question, v) for v in group) for group in members]
            if question.type in (QuestionType.NUMBER, QuestionType.DATE):
                labels = _band_labels(question, values, members)
            result[qid] = Domain(question, values, members, keyed, key_of, labels)
        return result

    def _key(self, qid: str, value: object, reading: list[_Atom]) -> Key:
        key: list[object] = []
        for atom in reading:
            others = sorted(atom.reads - {qid})
            pools = [self.candidates[o] for o in others]
            members = self._member_pool() if atom.member else [None]
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

    def _member_pool(self) -> list[dict[str, object]]:
        if not hasattr(self, "_pool"):
            self._pool = self._member_candidates()
        return self._pool

    def _member_candidates(self) -> list[dict[str, object]]:
        fields = self.member_fields
        sexes = ["男", "女"] if "sex" in fields else ["女"]
        relationships = self._relationships() if fields & {"relationship", "is_head"} else ["子"]
        births = self._birth_dates()
        result = []
        for birth in births:
            for sex, relationship in itertools.product(sexes, relationships):
                result.append(
                    {
                        "name": "サンプル",
                        "kana": "サンプル",
                        "birth_date": birth,
                        "sex": sex,
                        "relationship": relationship,
                        "is_head": relationship == "世帯主",
                    }
                )
        return result

    def _relationships(self) -> list[str]:
        mentioned = {str(c) for c in self.constants.get("member", []) if c in RELATIONSHIP_VALUES}
        others = sorted(RELATIONSHIP_VALUES - mentioned - {"世帯主"})
        return sorted(mentioned | {"世帯主"}) + others[:1]

    def _birth_dates(self) -> list[dt.date]:
        ages = [c for c in self.constants.get("member", []) if isinstance(c, int) and c > 100]
        oldest = min(max([105, *[a + 1 for a in ages]]), 150)
        dates = set(_distinct_birth_dates(self.as_of))
        for years in range(106, oldest + 1):
            dates |= _around_years(self.as_of, years)
        for partner in self.partners.get("member", ()):
            question = self._question(partner)
            if question is not None and question.type is QuestionType.DATE:
                for anchor in self.candidates[partner]:
                    assert isinstance(anchor, dt.date)
                    for constant in self.constants.get("member", []):
                        dates |= _around_constant(anchor, constant)
        return sorted((d for d in dates if EARLIEST <= d <= self.as_of), reverse=True)

    def profiles(self) -> Profiles:
        reading = [a for a in self.atoms if a.member]
        pools = {qid: self.candidates[qid] for a in reading for qid in a.reads}

        def key_of(member: object) -> Key:
            assert isinstance(member, dict)
            key: list[object] = []
            for atom in reading:
                names = sorted(atom.reads)
                lists = [pools[n] for n in names]
                if atom.household or _product(lists) > MAX_COMBINATIONS:
                    key.append(("member", _member_identity(member)))
                    continue
                for combo in itertools.product(*lists):
                    key.append(self._evaluate(atom, dict(zip(names, combo, strict=True)), member))
            return tuple(key)

        members, groups, keyed = _classes(self._member_pool(), key_of)
        typed = [m for m in members if isinstance(m, dict)]
        labels = _profile_labels(groups, self.as_of, self.member_fields)
        cap = min(COUNT_CAP, max([1, *[k + 1 for k in self.count_limits if k >= 0]]))
        return Profiles(typed, labels, keyed, key_of, cap)

    def member_conditions(self) -> list[ast.expr]:
        """Per-member procedures' conditions (evaluated with a member bound)."""
        return [
            p.when.expression.syntax
            for r in self.runtimes
            for p in r.tree.procedures
            if p.per is Per.MEMBER and p.when is not None
        ]


def _profile_labels(groups: list[list[object]], as_of: dt.date, fields: set[str]) -> list[str]:
    """A profile's ages as ranges (``65〜74歳``), with school years where ages alone do not
    tell profiles apart, and sex or relationship where conditions read them."""
    labels = []
    every = [m for g in groups for m in g if isinstance(m, dict)]
    oldest = max((jv.age_on(m["birth_date"], as_of) for m in every), default=0)
    for group in groups:
        members = [m for m in group if isinstance(m, dict)]
        births = [m["birth_date"] for m in members if isinstance(m.get("birth_date"), dt.date)]
        ages = _runs(sorted({jv.age_on(b, as_of) for b in births}), oldest)
        grades = sorted({jv.school_grade(b, as_of) for b in births})
        label = ages
        if any(1 <= g <= 12 for g in grades) or (grades and max(grades) <= 0 < len(grades)):
            label += f"({_grade_range(grades)})"
        for name in ("sex", "relationship"):
            values = sorted({str(m.get(name)) for m in members})
            if name in fields and len(values) == 1:
                label += f"・{values[0]}"
        labels.append(label)
    return labels


def _runs(ages: list[int], oldest: int) -> str:
    """Ages as ranges; the oldest range is open (``75歳以上``)."""
    runs: list[tuple[int, int]] = []
    for age in ages:
        if runs and runs[-1][1] == age - 1:
            runs[-1] = (runs[-1][0], age)
        else:
            runs.append((age, age))
    return "・".join(
        f"{a}歳以上" if b == oldest and a != b else f"{a}歳" if a == b else f"{a}〜{b}歳"
        for a, b in runs
    )


def _grade_range(grades: list[int]) -> str:
    names = [_grade_name(g) for g in (grades[0], grades[-1])]
    return names[0] if names[0] == names[1] else f"{names[0]}〜{names[1]}"


def _grade_name(grade: int) -> str:
    if grade <= 0:
        return "未就学"
    if grade <= 6:
        return f"小{grade}"
    if grade <= 9:
        return f"中{grade - 6}"
    if grade <= 12:
        return f"高{grade - 9}"
    return "高校卒業以上"


def _choices_of(runtime: TreeRuntime, qid: str) -> list[str]:
    question = runtime.tree.question(qid)
    return question.choice_values() if question is not None else []


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


def _member_identity(member: dict[str, object]) -> tuple[object, ...]:
    return (member.get("birth_date"), member.get("sex"), member.get("relationship"))


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _near(anchor: dt.date, days: int) -> set[dt.date]:
    found = set()
    for delta in (days - 1, days, days + 1):
        try:
            found.add(anchor + dt.timedelta(days=delta))
        except OverflowError:
            continue
    return found


def _around_constant(anchor: dt.date, constant: object) -> set[dt.date]:
    """Dates either side of where a constant can put a boundary relative to ``anchor``."""
    if isinstance(constant, dt.date):
        return _near(constant, 0)
    if not isinstance(constant, int) or isinstance(constant, bool) or abs(constant) > 40_000:
        return set()
    found = _near(anchor, constant) | _near(anchor, -constant)
    if abs(constant) <= 200:
        with contextlib.suppress(ValueError):
            found |= _around_years(anchor, constant) | _around_years(anchor, -constant)
        school_year = anchor.year if anchor.month >= 4 else anchor.year - 1
        for year in range(school_year - constant - 8, school_year - constant - 3):
            if 1 <= year <= 9999:
                found |= {dt.date(year, 4, 1), dt.date(year, 4, 2)}
    return found


def _value_label(question: Question, value: object) -> str:
    if question.type is QuestionType.YESNO:
        return "はい" if value else "いいえ"
    if question.type is QuestionType.MULTI and isinstance(value, list):
        return "+".join(str(v) for v in value) or "なし"
    return str(value)


def _band_labels(
    question: Question, values: list[object], members: list[list[object]]
) -> list[str]:
    """Threshold bands as ranges of the candidates each class holds."""
    ordered = sorted({c for group in members for c in group}, key=_sort_key)
    position = {_sort_key(c): i for i, c in enumerate(ordered)}
    labels = []
    for group in members:
        indexes = sorted(position[_sort_key(c)] for c in group)
        labels.append(_ranges(question, ordered, indexes))
    del values
    return labels


def _ranges(question: Question, ordered: list[object], indexes: list[int]) -> str:
    runs: list[tuple[int, int]] = []
    for index in indexes:
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    texts = []
    for start, end in runs:
        low, high = _show(ordered[start]), _show(ordered[end])
        if start == 0 and end == len(ordered) - 1:
            texts.append("すべて")
        elif start == 0:
            texts.append(f"{high}以下" if question.type is QuestionType.NUMBER else f"{high}以前")
        elif end == len(ordered) - 1:
            texts.append(f"{low}以上" if question.type is QuestionType.NUMBER else f"{low}以後")
        elif start == end:
            texts.append(low)
        else:
            texts.append(f"{low}〜{high}")
    return "・".join(texts)


def _show(value: object) -> str:
    if isinstance(value, dt.date):
        return jv.format_wareki_short(value)
    return _label(value)


def _sort_key(value: object) -> tuple[int, object]:
    if isinstance(value, dt.date):
        return (0, value.toordinal())
    return (1, value)
