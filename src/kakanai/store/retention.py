"""Retention: personal data older than the retention period is deleted; what statistics
need (case dates, questionnaire versions, member counts, procedures, handoffs) stays.
``vacuum`` then rewrites the affected storage so the deleted text is gone from the files
too (docs/purge.md says what each database guarantees)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, delete, func, select, text, update
from sqlalchemy.orm import Session

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.store.audit import Who, audit
from kakanai.store.tables import CaseRow, DraftRow, MemberRow

DEFAULT_RETENTION_DAYS = 90
MAX_RETENTION_DAYS = 36500  # a hundred years; more is a typo (and overflows a date)
# The tables that hold personal data (see tables.py); VACUUM rewrites these.
PERSONAL_TABLES = ("cases", "household_members", "drafts")
_BATCH = 500  # case ids per statement: far below SQLite's and PostgreSQL's parameter limits


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
    """Delete personal data of cases and drafts last touched before ``now - days``.

    The expired cases are locked in id order first (FOR UPDATE; SQLite's transaction
    already holds the file), so a purge running at the same time on another desk waits,
    then finds them purged: each case is purged, and counted, once."""
    cutoff = now - dt.timedelta(days=days)
    expired = select(CaseRow.id).where(*_expired_case(cutoff)).order_by(CaseRow.id)
    case_ids = list(session.scalars(expired.with_for_update()))
    for start in range(0, len(case_ids), _BATCH):
        batch = case_ids[start : start + _BATCH]
        session.execute(delete(MemberRow).where(MemberRow.case_pk.in_(batch)))
        session.execute(
            update(CaseRow).where(CaseRow.id.in_(batch)).values(document=None, purged_at=now)
        )
    drafts = session.execute(delete(DraftRow).where(*_expired_draft(cutoff)))
    session.expire_all()
    result = PurgeResult(len(case_ids), int(getattr(drafts, "rowcount", 0) or 0), cutoff)
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


def vacuum(engine: Engine) -> None:
    """Rewrite the storage of the personal-data tables so deleted rows leave no bytes
    behind: SQLite rebuilds the whole file and empties its WAL; PostgreSQL rewrites the
    tables (VACUUM FULL, which locks each table while it runs)."""
    if engine.dialect.name == "sqlite":
        # VACUUM cannot run inside a transaction, and the engine begins every one
        # IMMEDIATE; the driver connection runs it on its own.
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("VACUUM")
            # (busy, frames, checkpointed): busy when another desk's reader kept the WAL
            # from being emptied; the old frames would still hold the deleted text.
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            cursor.close()
        finally:
            raw.close()
        if busy:
            raise KakanaiError.of(ErrorCode.STORE_BUSY)
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        # Rewriting a table can take longer than a desk's statement limit.
        connection.execute(text("SET statement_timeout = 0"))
        try:
            connection.execute(text(f"VACUUM (FULL, ANALYZE) {', '.join(PERSONAL_TABLES)}"))
        finally:
            connection.execute(text("RESET statement_timeout"))
