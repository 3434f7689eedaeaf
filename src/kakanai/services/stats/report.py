"""The statistics report for a period and grouping: the counts the database made per group,
folded into figures (interview-time percentiles, minutes saved by the time model), the total
row, the handoff matrix and the time per question."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kakanai.core.forms.prefill import Prefill
from kakanai.core.stats.durations import Durations
from kakanai.core.stats.figures import (
    FormCounts,
    GroupFigures,
    HandoffMatrix,
    QuestionTime,
    Report,
)
from kakanai.core.stats.periods import Grouping, Period
from kakanai.core.stats.time_model import TimeModel
from kakanai.services.stats.names import Names
from kakanai.store.statistics import journeys
from kakanai.store.statistics.counting import Counted, FormSums, count_all, summed

TOTAL_LABEL = "合計"


def build_report(
    session: Session, period: Period, grouping: Grouping, model: TimeModel, names: Names
) -> Report:
    """Every figure of the report, counted in the database for ``period``."""
    counted = count_all(session, period, grouping)
    rows = grouped_figures(counted, grouping, model, names)
    everything = summed(counted) if grouping is Grouping.MONTH else None
    total = total_figures(session, period, model, everything)
    matrix = handoff_matrix(session, period, names)
    return Report(period, grouping, rows, total, matrix, questions(session, period, names))


def grouped_figures(
    counted: Counted, grouping: Grouping, model: TimeModel, names: Names
) -> list[GroupFigures]:
    """One row per group the database counted, in the order ``names`` gives."""
    keys = names.ordered(grouping, _keys(counted))
    return [_figures(counted, key, names.label(grouping, key), model) for key in keys]


def total_figures(
    session: Session, period: Period, model: TimeModel, everything: Counted | None = None
) -> GroupFigures:
    """The whole period (``everything``: already counted, e.g. the months summed)."""
    counted = everything if everything is not None else count_all(session, period, None)
    return _figures(counted, "", TOTAL_LABEL, model)


def _keys(counted: Counted) -> set[str]:
    keys: set[str] = set()
    for found in (counted.cases, counted.procedures, counted.handoffs, counted.scans):
        keys.update(found)
    keys.update(key for key, _department in counted.forms)
    return keys


def _figures(counted: Counted, key: str, label: str, model: TimeModel) -> GroupFigures:
    forms = FormCounts()
    minutes = 0.0
    for (group, department), sums in counted.forms.items():
        if group == key:
            forms += _form_counts(sums)
            minutes += model.minutes_saved(department, sums.forms, sums.fields)
    return GroupFigures(
        key=key,
        label=label,
        cases=counted.cases.get(key, 0),
        procedures=counted.procedures.get(key, 0),
        handoffs=counted.handoffs.get(key, 0),
        scans=counted.scans.get(key, 0),
        forms=forms,
        durations=Durations(counted.durations.get(key, {})),
        minutes_saved=minutes,
    )


def _form_counts(sums: FormSums) -> FormCounts:
    prefill = Prefill(sums.fields, sums.names, sums.addresses, sums.birth_dates)
    return FormCounts(sums.forms, sums.prints, prefill)


def handoff_matrix(session: Session, period: Period, names: Names) -> HandoffMatrix:
    pairs = journeys.handoff_pairs(session, period)
    seen = {department for pair in pairs for department in pair if department}
    departments = names.ordered(Grouping.DEPARTMENT, seen)
    labels = {department: names.department(department) for department in departments}
    return HandoffMatrix(departments, labels, pairs)


def questions(session: Session, period: Period, names: Names) -> list[QuestionTime]:
    timed = journeys.question_seconds(session, period)
    found = [
        QuestionTime(question, names.questions.get(question, question), answers, seconds)
        for question, (answers, seconds) in timed.items()
    ]
    return sorted(found, key=lambda q: (-q.seconds, q.question))
