"""Retention: personal data older than the retention period is deleted; what statistics
need (case dates, questionnaire versions, member counts, procedures, handoffs) stays."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from kakanai.store.audit import Who, audit
from kakanai.store.tables import CaseRow, DraftRow, MemberRow

DEFAULT_RETENTION_DAYS = 90


@dataclass(frozen=True)
class PurgeResult:
    cases: int
    drafts: int
    cutoff: dt.datetime


def expired_counts(session: Session, *, now: dt.datetime, days: int) -> tuple[int, int]:
    """How many cases and drafts ``purge`` would clear now (for its confirmation)."""
    cutoff = now - dt.timedelta(days=days)
    cases = session.scalar(select(func.count()).select_from(CaseRow).where(*_expired_case(cutoff)))
    drafts = session.scalar(
        select(func.count()).select_from(DraftRow).where(*_expired_draft(cutoff))
    )
    return int(cases or 0), int(drafts or 0)


def purge(
    session: Session, *, now: dt.datetime, days: int = DEFAULT_RETENTION_DAYS, who: Who
) -> PurgeResult:
    """Delete personal data of cases and drafts last touched before ``now - days``."""
    cutoff = now - dt.timedelta(days=days)
    old_cases = list(session.scalars(select(CaseRow).where(*_expired_case(cutoff))))
    for row in old_cases:
        session.execute(delete(MemberRow).where(MemberRow.case_pk == row.id))
        row.document = None
        row.purged_at = now
    drafts = session.execute(delete(DraftRow).where(*_expired_draft(cutoff)))
    session.expire_all()
    result = PurgeResult(len(old_cases), int(getattr(drafts, "rowcount", 0) or 0), cutoff)
    audit(
        session,
        "purged",
        who=who,
        now=now,
        detail=f"cases={result.cases} drafts={result.drafts} days={days}",
    )
    return result


def _expired_case(cutoff: dt.datetime) -> tuple[ColumnElement[bool], ...]:
    return (CaseRow.created_at < cutoff, CaseRow.purged_at.is_(None))


def _expired_draft(cutoff: dt.datetime) -> tuple[ColumnElement[bool], ...]:
    return (DraftRow.updated_at < cutoff,)
