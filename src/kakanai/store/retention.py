"""Retention: personal data older than the retention period is deleted; what statistics
need (case dates, questionnaire versions, member counts, procedures, handoffs) stays."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kakanai.store.audit import Who, audit
from kakanai.store.tables import CaseRow, DraftRow, MemberRow

DEFAULT_RETENTION_DAYS = 90


@dataclass(frozen=True)
class PurgeResult:
    cases: int
    drafts: int
    cutoff: dt.datetime


def purge(
    session: Session, *, now: dt.datetime, days: int = DEFAULT_RETENTION_DAYS, who: Who
) -> PurgeResult:
    """Delete personal data of cases and drafts last touched before ``now - days``."""
    cutoff = now - dt.timedelta(days=days)
    old_cases = list(
        session.scalars(
            select(CaseRow).where(CaseRow.created_at < cutoff, CaseRow.purged_at.is_(None))
        )
    )
    for row in old_cases:
        session.execute(delete(MemberRow).where(MemberRow.case_pk == row.id))
        row.document = None
        row.purged_at = now
    drafts = session.execute(delete(DraftRow).where(DraftRow.updated_at < cutoff))
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
