"""Deleting personal data past the retention period, for `kakanai purge` and the menu action;
the counts statistics need stay. ``vacuum`` also clears the deleted text from the database's
files (docs/purge.md)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.exc import DBAPIError

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.workspace import Workspace
from kakanai.store import retention
from kakanai.store.database import is_busy
from kakanai.store.retention import MAX_RETENTION_DAYS, PurgeResult


def retention_days(workspace: Workspace, days: int | None) -> int:
    """The period to apply: ``days`` when given (0: everything up to now), else the
    setting; APP_005 outside 0 to 36500 days."""
    chosen = workspace.settings.retention_days if days is None else days
    if not 0 <= chosen <= MAX_RETENTION_DAYS:
        raise KakanaiError.of(
            ErrorCode.APP_RETENTION_DAYS, value=chosen, maximum=MAX_RETENTION_DAYS
        )
    return chosen


def expired_counts(
    workspace: Workspace, *, days: int | None = None, now: dt.datetime | None = None
) -> tuple[int, int]:
    """How many cases and drafts a purge would clear now (for the confirmation)."""
    period = retention_days(workspace, days)
    moment = now or workspace.now()
    return workspace.transact(
        lambda session: retention.expired_counts(session, now=moment, days=period)
    )


def purge_expired(
    workspace: Workspace,
    *,
    days: int | None = None,
    now: dt.datetime | None = None,
    vacuum: bool = False,
) -> PurgeResult:
    """Delete the personal data of cases and drafts older than the retention period; with
    ``vacuum``, rewrite the database's storage afterwards so the deleted text is gone from
    its files (it locks the tables while it runs: outside counter hours)."""
    period = retention_days(workspace, days)
    moment = now or workspace.now()
    result = workspace.transact(
        lambda session: retention.purge(session, now=moment, days=period, who=workspace.who)
    )
    if vacuum:
        try:
            retention.vacuum(workspace.engine)
        except DBAPIError as exc:
            if is_busy(exc):
                raise KakanaiError.of(ErrorCode.STORE_BUSY) from exc
            raise
    return result
