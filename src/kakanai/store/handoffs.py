"""Handoffs: a department scanned a case's slip. Scanning the same slip again at the same
department is recognised and not counted twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kakanai.store.tables import HandoffRow


@dataclass(frozen=True)
class Handoff:
    case_id: str
    department: str
    desk: str
    first_scanned_at: dt.datetime
    scans: int
    already_handled: bool


def record_handoff(
    session: Session, *, case_id: str, department: str, desk: str, now: dt.datetime
) -> Handoff:
    """Record a scan; the second and later scans only bump the scan count."""
    row = _find(session, case_id, department)
    already = row is not None
    if row is None:
        row = HandoffRow(
            case_id=case_id,
            department=department,
            desk=desk,
            first_scanned_at=now,
            last_scanned_at=now,
            scans=1,
        )
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:  # another desk recorded it in the meantime
            row = _find(session, case_id, department)
            assert row is not None
            already = True
    if already:
        row.scans += 1
        row.last_scanned_at = now
    session.flush()
    return Handoff(row.case_id, row.department, row.desk, row.first_scanned_at, row.scans, already)


def handoff_count(session: Session, department: str) -> int:
    query = select(func.count()).select_from(HandoffRow).where(HandoffRow.department == department)
    return int(session.scalar(query) or 0)


def _find(session: Session, case_id: str, department: str) -> HandoffRow | None:
    query = select(HandoffRow).where(
        HandoffRow.case_id == case_id, HandoffRow.department == department
    )
    return session.scalars(query).one_or_none()
