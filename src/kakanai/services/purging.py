"""Deleting personal data past the retention period, for `kakanai purge` and the menu action;
the counts statistics need stay."""

from __future__ import annotations

import datetime as dt

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.workspace import Workspace
from kakanai.store import retention
from kakanai.store.retention import PurgeResult


def retention_days(workspace: Workspace, days: int | None) -> int:
    """The period to apply: ``days`` when given, else the setting; at least one day."""
    chosen = workspace.settings.retention_days if days is None else days
    if chosen < 1:
        raise KakanaiError.of(ErrorCode.APP_RETENTION_DAYS, value=chosen)
    return chosen


def expired_counts(
    workspace: Workspace, *, days: int | None = None, now: dt.datetime | None = None
) -> tuple[int, int]:
    """How many cases and drafts a purge would clear now (for the confirmation)."""
    period = retention_days(workspace, days)
    with workspace.session() as session:
        return retention.expired_counts(session, now=now or workspace.now(), days=period)


def purge_expired(
    workspace: Workspace, *, days: int | None = None, now: dt.datetime | None = None
) -> PurgeResult:
    """Delete the personal data of cases and drafts older than the retention period."""
    period = retention_days(workspace, days)
    with workspace.session() as session:
        return retention.purge(session, now=now or workspace.now(), days=period, who=workspace.who)
