"""Where residents went after the counter, and how long the interview's questions took: the
handoff matrix (a window over each case's handoffs in the order they were scanned) and the
seconds per question, both counted by the database."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakanai.core.stats.periods import Period
from kakanai.store.tables import CaseRow, HandoffRow, QuestionTimeRow

COUNTER = ""  # the source of a case's first handoff: the counter that issued the slip


def handoff_pairs(session: Session, period: Period) -> dict[tuple[str, str], int]:
    """(from, to) → handoffs: from the counter to the first department that scanned the
    slip, then from each department to the next one."""
    previous = (
        func.lag(HandoffRow.department)
        .over(
            partition_by=HandoffRow.case_id,
            order_by=(HandoffRow.first_scanned_at, HandoffRow.id),
        )
        .label("source")
    )
    steps = (
        select(previous, HandoffRow.department.label("target"))
        .join(CaseRow, CaseRow.case_id == HandoffRow.case_id)
        .where(CaseRow.as_of >= period.start, CaseRow.as_of <= period.end)
        .subquery()
    )
    query = select(steps.c.source, steps.c.target, func.count()).group_by(
        steps.c.source, steps.c.target
    )
    return {
        (source or COUNTER, str(target)): int(count)
        for source, target, count in session.execute(query)
    }


def question_seconds(session: Session, period: Period) -> dict[str, tuple[int, int]]:
    """Question id → (answers timed, seconds in all) for the visits of the period."""
    query = (
        select(
            QuestionTimeRow.question_id,
            func.count(QuestionTimeRow.id),
            func.sum(QuestionTimeRow.seconds),
        )
        .join(CaseRow, CaseRow.id == QuestionTimeRow.case_pk)
        .where(CaseRow.as_of >= period.start, CaseRow.as_of <= period.end)
        .group_by(QuestionTimeRow.question_id)
    )
    return {str(q): (int(n), int(s or 0)) for q, n, s in session.execute(query)}
