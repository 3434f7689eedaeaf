"""The figures of one group (a month, a life event, a procedure, a department or a desk) and
of a whole report. Every count here was counted by the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kakanai.core.forms.prefill import Prefill
from kakanai.core.stats.durations import Durations
from kakanai.core.stats.periods import Grouping, Period


@dataclass(frozen=True)
class FormCounts:
    """Prefilled forms: distinct forms (a case's form for one member), the times they were
    printed or saved, and what they filled in."""

    forms: int = 0
    prints: int = 0
    prefill: Prefill = field(default_factory=Prefill)

    def __add__(self, other: FormCounts) -> FormCounts:
        return FormCounts(
            self.forms + other.forms, self.prints + other.prints, self.prefill + other.prefill
        )


@dataclass(frozen=True)
class GroupFigures:
    key: str
    label: str
    cases: int = 0
    procedures: int = 0
    handoffs: int = 0
    scans: int = 0
    forms: FormCounts = field(default_factory=FormCounts)
    durations: Durations = field(default_factory=Durations)
    minutes_saved: float = 0.0

    @property
    def writings_per_case(self) -> float | None:
        """Names, addresses and birth dates printed instead of written, per visit."""
        if not self.cases:
            return None
        return self.forms.prefill.writings / self.cases


@dataclass(frozen=True)
class HandoffMatrix:
    """Handoffs from the counter (``COUNTER``) or a department to the department the
    resident went to next, in the order the slip was scanned."""

    departments: Sequence[str]  # the columns, in the tree's order
    labels: dict[str, str]
    counts: dict[tuple[str, str], int]

    COUNTER = ""

    def count(self, source: str, target: str) -> int:
        return self.counts.get((source, target), 0)

    @property
    def sources(self) -> list[str]:
        return [self.COUNTER, *self.departments]


@dataclass(frozen=True)
class QuestionTime:
    question: str
    label: str
    answers: int
    seconds: int

    @property
    def mean_seconds(self) -> float:
        return self.seconds / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class Report:
    """Everything the statistics view and the exports show for one period and grouping."""

    period: Period
    grouping: Grouping
    rows: list[GroupFigures]
    total: GroupFigures
    matrix: HandoffMatrix
    questions: list[QuestionTime]
