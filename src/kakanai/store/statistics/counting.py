"""The statistics' GROUP BY queries. A period selects visits (cases) by interview date;
procedures, handoffs, scans and forms count for those visits. Each query returns one row per
group (and per duration step or department where asked), so a year of a city is a few
hundred rows read, whatever the number of cases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session

from kakanai.core.stats.durations import BUCKET_S
from kakanai.core.stats.periods import Grouping, Period
from kakanai.store.tables import (
    CaseEventRow,
    CaseRow,
    DeskScanRow,
    FormPrintRow,
    HandoffRow,
    ProcedureRow,
)

C, P, E = CaseRow, ProcedureRow, CaseEventRow
H, S, F = HandoffRow, DeskScanRow, FormPrintRow
Key = Grouping | None  # None: one group holding the whole period (the totals)
# SQLAlchemy's column and query types are generic in ways these few GROUP BYs gain nothing
# from spelling out: a column or expression, and a query.
Expr = Any
Query = Any


@dataclass(frozen=True)
class FormSums:
    forms: int
    prints: int
    fields: int
    names: int
    addresses: int
    birth_dates: int


@dataclass
class Counted:
    """What the database counted for each group key."""

    cases: dict[str, int]
    procedures: dict[str, int]
    handoffs: dict[str, int]
    scans: dict[str, int]
    forms: dict[tuple[str, str], FormSums]  # (key, department)
    durations: dict[str, dict[int, int]]  # key → floored seconds → visits


def summed(counted: Counted) -> Counted:
    """One group holding every group of a grouping that splits the visits (the months)."""
    forms: dict[tuple[str, str], FormSums] = {}
    for (_key, department), sums in counted.forms.items():
        known = forms.get(("", department), FormSums(0, 0, 0, 0, 0, 0))
        forms["", department] = FormSums(*(a + b for a, b in zip(
            vars(known).values(), vars(sums).values(), strict=True
        )))  # fmt: skip
    durations: dict[int, int] = {}
    for steps in counted.durations.values():
        for seconds, count in steps.items():
            durations[seconds] = durations.get(seconds, 0) + count
    return Counted(
        cases={"": sum(counted.cases.values())},
        procedures={"": sum(counted.procedures.values())},
        handoffs={"": sum(counted.handoffs.values())},
        scans={"": sum(counted.scans.values())},
        forms=forms,
        durations={"": durations},
    )


def count_all(session: Session, period: Period, grouping: Key) -> Counted:
    cases, procedures = cases_and_procedures(session, period, grouping)
    return Counted(
        cases=cases,
        procedures=procedures,
        handoffs=_keyed(session, period, grouping, H),
        scans=_keyed(session, period, grouping, S),
        forms=forms(session, period, grouping),
        durations=durations(session, period, grouping),
    )


def month_of(session: Session, column: Expr) -> Expr:
    """``YYYY-MM`` of a date column in this database's SQL."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def _visits(period: Period) -> tuple[Expr, ...]:
    return (C.as_of >= period.start, C.as_of <= period.end)


def _case_key(session: Session, grouping: Key) -> Expr:
    """The key of a visit-level grouping (month, event, counter desk, total)."""
    if grouping is Grouping.MONTH:
        return month_of(session, C.as_of)
    if grouping is Grouping.EVENT:
        return E.event
    if grouping is Grouping.DESK:
        return C.desk
    return literal("")


def _with_event(query: Query, grouping: Key) -> Query:
    return query.join(E, E.case_pk == C.id) if grouping is Grouping.EVENT else query


def _rows(session: Session, query: Query) -> dict[str, int]:
    return {str(key): int(count) for key, count in session.execute(query)}


def _own_key(grouping: Key) -> tuple[Expr, Expr] | None:
    """For procedures and departments: the key and the flag of a visit's first row."""
    if grouping is Grouping.PROCEDURE:
        return P.procedure_id, P.first_of_case
    if grouping is Grouping.DEPARTMENT:
        return P.department, P.first_of_department
    return None


def cases_and_procedures(
    session: Session, period: Period, grouping: Key
) -> tuple[dict[str, int], dict[str, int]]:
    """Visits per group (for procedures and departments: the visits that included one) and
    the procedures guided (a per-member procedure once per member)."""
    own = _own_key(grouping)
    if own is not None:
        key, first = own
        visits = func.sum(case((first, 1), else_=0))
        query = select(key, visits, func.count()).select_from(C).join(P, P.case_pk == C.id)
        found = list(session.execute(query.where(*_visits(period)).group_by(key)))
        return {str(k): int(v) for k, v, _ in found}, {str(k): int(n) for k, _, n in found}
    key = _case_key(session, grouping)
    visits_query = _with_event(select(key, func.count()).select_from(C), grouping)
    procedures_query = _with_event(select(key, func.count()).select_from(C), grouping)
    procedures_query = procedures_query.join(P, P.case_pk == C.id)
    return (
        _rows(session, visits_query.where(*_visits(period)).group_by(key)),
        _rows(session, procedures_query.where(*_visits(period)).group_by(key)),
    )


def _keyed(session: Session, period: Period, grouping: Key, table: Any) -> dict[str, int]:
    """Handoffs or scans per group: a department's or desk's own, a procedure's when its
    department scanned the slip, else the visit's."""
    count = func.count()
    query: Query
    if grouping in (Grouping.DEPARTMENT, Grouping.DESK):
        key = table.department if grouping is Grouping.DEPARTMENT else table.desk
        query = select(key, count).select_from(C).join(table, table.case_id == C.case_id)
    elif grouping is Grouping.PROCEDURE:
        key = P.procedure_id
        # A per-member procedure has a row per member: its first row counts the visit.
        query = select(key, count).select_from(C).join(P, (P.case_pk == C.id) & P.first_of_case)
        on = (table.case_id == C.case_id) & (table.department == P.department)
        query = query.join(table, on)
    else:
        key = _case_key(session, grouping)
        query = _with_event(select(key, count).select_from(C), grouping)
        query = query.join(table, table.case_id == C.case_id)
    return _rows(session, query.where(*_visits(period)).group_by(key))


def forms(session: Session, period: Period, grouping: Key) -> dict[tuple[str, str], FormSums]:
    """Forms printed per group and department, with what they filled in."""
    own: dict[Grouping | None, Expr] = {
        Grouping.PROCEDURE: F.procedure_id,
        Grouping.DEPARTMENT: F.department,
        Grouping.DESK: F.desk,
    }
    key: Expr = own.get(grouping, _case_key(session, grouping))
    sums = [func.sum(column) for column in (F.prints, F.fields, F.names, F.addresses)]
    query = select(key, F.department, func.count(F.id), *sums, func.sum(F.birth_dates))
    query = query.select_from(C)
    if grouping is Grouping.EVENT:
        query = query.join(E, E.case_pk == C.id)
    query = query.join(F, F.case_id == C.case_id).where(*_visits(period))
    found = session.execute(query.group_by(key, F.department))
    return {(str(row[0]), str(row[1])): FormSums(*(int(n or 0) for n in row[2:])) for row in found}


def durations(session: Session, period: Period, grouping: Key) -> dict[str, dict[int, int]]:
    """Visits per group and interview length, floored to ``BUCKET_S`` seconds."""
    step = (C.duration_s // BUCKET_S) * BUCKET_S  # floored to whole steps
    own = _own_key(grouping)
    if own is not None:
        key, first = own
        query = select(key, step, func.count()).join(P, (P.case_pk == C.id) & first)
    else:
        key = _case_key(session, grouping)
        query = select(key, step, func.count(C.id)).select_from(C)
        if grouping is Grouping.EVENT:
            query = query.join(E, E.case_pk == C.id)
    query = query.where(*_visits(period), C.duration_s.is_not(None)).group_by(key, step)
    found: dict[str, dict[int, int]] = {}
    for group, seconds, count in session.execute(query):
        found.setdefault(str(group), {})[int(seconds)] = int(count)
    return found


def monthly_procedures(session: Session, period: Period) -> dict[tuple[str, str], int]:
    """(month, procedure id) → procedures guided (the 公表用 table's body)."""
    month = month_of(session, C.as_of)
    query = (
        select(month, P.procedure_id, func.count())
        .select_from(C)
        .join(P, P.case_pk == C.id)
        .where(*_visits(period))
        .group_by(month, P.procedure_id)
    )
    return {(str(m), str(p)): int(n) for m, p, n in session.execute(query)}


def monthly_handoffs(session: Session, period: Period) -> dict[tuple[str, str], int]:
    """(month, department) → handoffs to the department of that month's visits."""
    month = month_of(session, C.as_of)
    query = (
        select(month, H.department, func.count())
        .select_from(C)
        .join(H, H.case_id == C.case_id)
        .where(*_visits(period))
        .group_by(month, H.department)
    )
    return {(str(m), str(d)): int(n) for m, d, n in session.execute(query)}
