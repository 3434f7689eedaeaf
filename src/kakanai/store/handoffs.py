"""Handoffs: a department scanned a case's slip. Scanning the same slip again at the same
department is recognised and not counted twice as a handoff, only as one more scan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
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
    """Record a scan: the first one inserts the handoff, later ones add one to its count.

    One INSERT ... ON CONFLICT DO UPDATE SET scans = scans + 1 does both in the database,
    so desks scanning the same slip at once never overwrite each other's count (reading the
    row and writing scans + 1 back lost most of 20 simultaneous scans)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(HandoffRow)
        .values(
            case_id=case_id,
            department=department,
            desk=desk,
            first_scanned_at=now,
            last_scanned_at=now,
            scans=1,
        )
        .on_conflict_do_update(
            index_elements=[HandoffRow.case_id, HandoffRow.department],
            set_={"scans": HandoffRow.scans + 1, "last_scanned_at": now},
        )
        .returning(HandoffRow.desk, HandoffRow.first_scanned_at, HandoffRow.scans)
    )
    first_desk, first_scanned_at, scans = session.execute(statement).one()
    return Handoff(case_id, department, first_desk, first_scanned_at, scans, scans > 1)


def handoff_count(session: Session, department: str) -> int:
    query = select(func.count()).select_from(HandoffRow).where(HandoffRow.department == department)
    return int(session.scalar(query) or 0)
