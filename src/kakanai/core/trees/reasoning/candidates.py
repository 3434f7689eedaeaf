"""Candidate answers for telling answer classes apart: options, numbers and dates either side
of every constant the conditions use, subsets of the options they mention, and household
members of every age and school-year band."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.japanese import law_dates
from kakanai.core.japanese import values as jv
from kakanai.core.japanese.domain import LATEST_DATE
from kakanai.core.trees.evaluation import TreeRuntime
from kakanai.core.trees.model import Question, QuestionType
from kakanai.core.value_types import RELATIONSHIP_VALUES

MAX_MULTI_OPTIONS = 12
"""Options of one multi question that conditions may mention: their subsets are the
question's classes (2**12 = 4096, checked in a few seconds). Beyond, TREE_FLOW_009."""


class ReasoningLimitError(KakanaiError):
    """A tree the checker cannot reason about in bounded time; its problem says what to do."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(
            problem.code, problem.message, path=problem.path, line=problem.line, col=problem.col
        )
        self.problem = problem


# The dates an answer may hold (core/japanese/domain.py): the checker reasons over exactly
# what the counter accepts, so a path past 2999 or before 明治元年 is no path at all.
EARLIEST = jv.EARLIEST_DATE
LATEST = LATEST_DATE
SAMPLE_ADDRESS = {
    "postal_code": "100-0001",
    "prefecture": "東京都",
    "municipality": "サンプル市",
    "town": "中央一丁目",
    "block": "1番1号",
    "building": "",
}
PLAIN_SAMPLES: dict[QuestionType, object] = {
    QuestionType.TEXT: "サンプル",
    QuestionType.KATAKANA: "サンプル",
    QuestionType.POSTAL_CODE: "100-0001",
    QuestionType.PHONE: "03-1234-5678",
    QuestionType.ADDRESS: SAMPLE_ADDRESS,
}


@dataclass
class Readings:
    """What a tree's conditions compare each question (and ``member``) with: constants, the
    other questions in the same comparison, which multi questions ``len()`` reads, and the
    member fields conditions read."""

    constants: dict[str, list[object]] = field(default_factory=dict)
    partners: dict[str, set[str]] = field(default_factory=dict)
    len_read: set[str] = field(default_factory=set)
    member_fields: set[str] = field(default_factory=set)
    # Date questions a 届 deadline is counted from, with the function and its period
    # (``koseki_deadline(born_on, 14)``): compared with today() there is no constant beside
    # them to split on, yet the deadline has passed for some answers and not for others.
    deadlines: dict[str, set[tuple[str, int]]] = field(default_factory=dict)


class Candidates:
    """Candidate answers of the questions of one or more trees, from their readings."""

    def __init__(self, runtimes: Sequence[TreeRuntime], as_of: dt.date, read: Readings) -> None:
        self.runtimes = runtimes
        self.as_of = as_of
        self.constants = read.constants
        self.partners = read.partners
        self.len_read = read.len_read
        self.member_fields = read.member_fields
        self.deadlines = read.deadlines

    def of(self, question: Question) -> list[object]:
        """Real answers either side of every boundary conditions draw for this question."""
        kind = question.type
        found = self.constants.get(question.id, [])
        if kind is QuestionType.YESNO:
            return [True, False]
        if kind is QuestionType.CHOICE:  # every version's options, when versions are compared
            options = [v for r in self.runtimes for v in choices_of(r, question.id)]
            return list[object](dict.fromkeys([*question.choice_values(), *options]))
        if kind is QuestionType.MULTI:
            return self._multi(question, found)
        if kind is QuestionType.NUMBER:
            return self._numbers(question, found)
        if kind is QuestionType.DATE:
            partners = self._partner_dates(question.id)
            dates = self._dates(found, partners)
            for function, period in self.deadlines.get(question.id, ()):
                for anchor in [self.as_of, *partners]:
                    dates |= deadline_starts(anchor, function, period)
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
        if len(mentioned) > MAX_MULTI_OPTIONS:
            problem = Problem.at(
                question.loc,
                ErrorCode.FLOW_MULTI_OPTIONS,
                name=question.id,
                count=len(mentioned),
                limit=MAX_MULTI_OPTIONS,
            )
            raise ReasoningLimitError(problem)
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
            dates |= near(anchor, 0)
            for constant in found:
                dates |= _around_constant(anchor, constant)
        return {d for d in dates if EARLIEST <= d <= LATEST}

    def relationships(self) -> list[str]:
        mentioned = {str(c) for c in self.constants.get("member", []) if c in RELATIONSHIP_VALUES}
        others = sorted(RELATIONSHIP_VALUES - mentioned - {"世帯主"})
        return sorted(mentioned | {"世帯主"}) + others[:1]

    def birth_dates(self, date_candidates: dict[str, list[object]]) -> list[dt.date]:
        ages = [c for c in self.constants.get("member", []) if isinstance(c, int) and c > 100]
        oldest = min(max([105, *[a + 1 for a in ages]]), 150)
        dates = set(distinct_birth_dates(self.as_of))
        for years in range(106, oldest + 1):
            dates |= around_years(self.as_of, years)
        for partner in self.partners.get("member", ()):
            question = self._question(partner)
            if question is not None and question.type is QuestionType.DATE:
                for anchor in date_candidates.get(partner, []):
                    assert isinstance(anchor, dt.date)
                    for constant in self.constants.get("member", []):
                        dates |= _around_constant(anchor, constant)
        return sorted((d for d in dates if EARLIEST <= d <= self.as_of), reverse=True)


def choices_of(runtime: TreeRuntime, qid: str) -> list[str]:
    question = runtime.tree.question(qid)
    return question.choice_values() if question is not None else []


def _tidy(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def near(anchor: dt.date, days: int) -> set[dt.date]:
    """The day ``days`` days after ``anchor`` and the days either side, those an answer may
    hold."""
    return set(_shifted(anchor, (days - 1, days, days + 1)))


def _shifted(anchor: dt.date, deltas: Iterable[int]) -> list[dt.date]:
    """The days ``delta`` days after ``anchor`` for each delta, in order, those an answer
    may hold."""
    found = []
    for delta in deltas:
        try:
            day = anchor + dt.timedelta(days=delta)
        except OverflowError:
            continue
        if EARLIEST <= day <= LATEST:
            found.append(day)
    return found


def _around_constant(anchor: dt.date, constant: object) -> set[dt.date]:
    """Dates either side of where a constant can put a boundary relative to ``anchor``."""
    if isinstance(constant, dt.date):
        return near(constant, 0)
    if not isinstance(constant, int) or isinstance(constant, bool) or abs(constant) > 40_000:
        return set()
    found = near(anchor, constant) | near(anchor, -constant)
    if abs(constant) <= 200:
        found |= around_years(anchor, constant) | around_years(anchor, -constant)
        school_year = anchor.year if anchor.month >= 4 else anchor.year - 1
        for year in range(school_year - constant - 8, school_year - constant - 3):
            if 1 <= year <= 9999:
                found |= {dt.date(year, 4, 1), dt.date(year, 4, 2)}
    return found


DEADLINE_FUNCTIONS: dict[str, Callable[[dt.date, int], dt.date]] = {
    "koseki_deadline": law_dates.koseki_deadline,
    "juuki_deadline": law_dates.juuki_deadline,
    "koseki_deadline_months": law_dates.koseki_deadline_months,
}
LONGEST_CLOSURE_DAYS = 14
"""More than the longest run of closed days a deadline can be moved past (年末年始 29 Dec to
3 Jan with the weekends beside it; ゴールデンウィーク)."""


def deadline_starts(anchor: dt.date, function: str, period: int) -> set[dt.date]:
    """Event days either side of each change in whether their 届 deadline
    (``function(event, period)``) is before, on or after ``anchor``: the days whose
    deadline has just passed, falls on the day, or is still to come. Found by counting
    each deadline over the days where the period alone would end near ``anchor``, back past
    the longest closure a deadline may be moved over."""
    deadline = DEADLINE_FUNCTIONS[function]
    if not 0 <= period <= 1200:
        return set()
    base, back = anchor, period  # where the period alone ends on ``anchor``
    if function == "koseki_deadline_months":
        year, month = divmod(anchor.year * 12 + anchor.month - 1 - period, 12)
        if not EARLIEST.year <= year <= LATEST.year:
            return set()
        base, back = dt.date(year, month + 1, min(anchor.day, 28)), 0
    # Back past the longest closure; a week after: month ends map several days to one.
    days = _shifted(base, range(-back - LONGEST_CLOSURE_DAYS, -back + 8))
    sides = [_side(deadline(day, period), anchor) for day in days]
    found: set[dt.date] = set()
    for k in range(len(days) - 1):
        if sides[k] != sides[k + 1]:
            found |= {days[k], days[k + 1]}
    return found or set(days[-1:])  # all on one side: one of them stands for them all


def _side(day: dt.date, anchor: dt.date) -> int:
    return (day > anchor) - (day < anchor)


def birth_dates(as_of: dt.date) -> list[dt.date]:
    """Birthdays either side of every age and school-year boundary, youngest first."""
    dates: set[dt.date] = set()
    for years in range(106):
        dates |= around_years(as_of, years)
        year = as_of.year - years
        dates |= {dt.date(year, 4, 1), dt.date(year, 4, 2)}
    return sorted((d for d in dates if d <= as_of), reverse=True)


def around_years(as_of: dt.date, years: int) -> set[dt.date]:
    """The day ``years`` years before ``as_of`` and the days either side; none that a date
    cannot hold (a constant like 5000 puts the year below 1)."""
    year = as_of.year - years
    if not EARLIEST.year <= year <= LATEST.year:
        return set()
    day = min(as_of.day, 28) if as_of.month == 2 else as_of.day
    return near(dt.date(year, as_of.month, day), 0)


def distinct_birth_dates(as_of: dt.date) -> list[dt.date]:
    """One birthday per (age, school grade) pair: the functions conditions apply to dates."""
    seen: dict[tuple[int, int], dt.date] = {}
    for birth in birth_dates(as_of):
        seen.setdefault((jv.age_on(birth, as_of), jv.school_grade(birth, as_of)), birth)
    return list(seen.values())
