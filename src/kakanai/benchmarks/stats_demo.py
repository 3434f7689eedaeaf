"""Writing sample visits into a database (`kakanai demo-data`): cases without personal data
(marked purged at creation: only what statistics keep), their procedures, life events and
question times, the handoffs, scans and forms printed, in batches of bulk INSERTs."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from kakanai.benchmarks.stats_visits import Visit
from kakanai.store.database import session_factory
from kakanai.store.statistics.recording import HOUSEHOLD
from kakanai.store.tables import (
    CaseEventRow,
    CaseRow,
    DeskScanRow,
    FormPrintRow,
    HandoffRow,
    ProcedureRow,
    QuestionTimeRow,
)

BATCH = 2000  # visits per transaction


@dataclass
class Written:
    cases: int = 0
    procedures: int = 0
    handoffs: int = 0
    scans: int = 0
    forms: int = 0
    question_times: int = 0


def has_cases(engine: Engine) -> bool:
    with session_factory(engine)() as session:
        return bool(session.scalar(select(func.count()).select_from(CaseRow)))


def write_visits(
    engine: Engine,
    visits: Iterable[Visit],
    *,
    progress: Callable[[Written], None] | None = None,
) -> Written:
    """Insert every visit; commits per batch, so a long run shows its progress."""
    written = Written()
    sessions = session_factory(engine)
    for batch in _batches(visits):
        with sessions.begin() as session:
            _write_batch(session, batch, written)
        if progress is not None:
            progress(written)
    return written


def _batches(visits: Iterable[Visit]) -> Iterator[list[Visit]]:
    iterator = iter(visits)
    while batch := list(itertools.islice(iterator, BATCH)):
        yield batch


def _write_batch(session: Session, batch: list[Visit], written: Written) -> None:
    statement = insert(CaseRow).returning(CaseRow.id, sort_by_parameter_order=True)
    ids = list(session.scalars(statement, [_case(visit) for visit in batch]))
    rows: dict[type[Any], list[dict[str, Any]]] = {
        ProcedureRow: [],
        CaseEventRow: [],
        QuestionTimeRow: [],
        HandoffRow: [],
        DeskScanRow: [],
        FormPrintRow: [],
    }
    for pk, visit in zip(ids, batch, strict=True):
        _children(pk, visit, rows)
    for table, values in rows.items():
        if values:
            session.execute(insert(table), values)
    written.cases += len(batch)
    written.procedures += len(rows[ProcedureRow])
    written.handoffs += len(rows[HandoffRow])
    written.scans += len(rows[DeskScanRow])
    written.forms += len(rows[FormPrintRow])
    written.question_times += len(rows[QuestionTimeRow])


def _case(visit: Visit) -> dict[str, Any]:
    return {
        "case_id": visit.case_id,
        "questionnaire_id": visit.shape.event,
        "questionnaire_version": "sample",
        "city": "サンプル市",
        "desk": visit.desk,
        "created_at": visit.created_at,
        "as_of": visit.as_of,
        "member_count": 1 + max((m or 0 for _, _, m in visit.shape.procedures), default=0),
        "document": None,
        "purged_at": visit.created_at,  # sample visits never held personal data
        "started_at": visit.started_at,
        "duration_s": visit.duration_s,
    }


def _children(pk: int, visit: Visit, rows: dict[type[Any], list[dict[str, Any]]]) -> None:
    seen: set[str] = set()
    departments: set[str] = set()
    for procedure, department, member in visit.shape.procedures:
        rows[ProcedureRow].append(
            {
                "case_pk": pk,
                "procedure_id": procedure,
                "department": department,
                "member_index": member,
                "first_of_case": procedure not in seen,
                "first_of_department": department not in departments,
            }
        )
        seen.add(procedure)
        departments.add(department)
    rows[CaseEventRow].append({"case_pk": pk, "event": visit.shape.event})
    rows[QuestionTimeRow].extend(
        {"case_pk": pk, "question_id": q, "seconds": s} for q, s in visit.question_seconds.items()
    )
    for department, desk, at, scans in visit.handoffs:
        rows[HandoffRow].append(
            {
                "case_id": visit.case_id,
                "department": department,
                "desk": desk,
                "first_scanned_at": at,
                "last_scanned_at": at,
                "scans": scans,
            }
        )
        rows[DeskScanRow].extend(
            {"case_id": visit.case_id, "department": department, "desk": desk,
             "scanned_at": at, "handoff": True}
            for _ in range(scans)
        )  # fmt: skip
    for fill, desk, prints in visit.forms:
        at = visit.created_at
        rows[FormPrintRow].append(
            {
                "case_id": visit.case_id,
                "form_id": fill.form_id,
                "member": HOUSEHOLD if fill.member is None else fill.member,
                "procedure_id": fill.procedure_id,
                "department": fill.department,
                "desk": desk,
                "first_printed_at": at,
                "last_printed_at": at,
                "prints": prints,
                "fields": fill.prefill.fields,
                "names": fill.prefill.names,
                "addresses": fill.prefill.addresses,
                "birth_dates": fill.prefill.birth_dates,
            }
        )
