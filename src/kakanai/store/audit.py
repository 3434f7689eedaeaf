"""The audit log: who did what and when. Details name case ids and counts, never a
resident's name, address or answers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kakanai.store.tables import AuditRow

ACTIONS = frozenset(
    {
        "case_saved",
        "slip_issued",
        "slip_scanned",
        "forms_printed",
        "forms_saved",
        "draft_resumed",
        "draft_discarded",
        "purged",
        # Supervision (監修): sign-in, users, and the question trees' versions. The detail
        # names the tree, version and dates, or the user and role; never a password.
        "signed_in",
        "sign_in_failed",
        "user_added",
        "user_disabled",
        "user_enabled",
        "password_set",
        "tree_published",
        "tree_withdrawn",
        "tree_edited",
        "scenarios_run",
        "review_printed",
        # The 様式 editor: a template saved (the city's copy of a shipped one, or its own),
        # and a city's copy deleted to print the shipped template again. The detail names
        # the file.
        "template_saved",
        "template_reset",
    }
)


@dataclass(frozen=True)
class Who:
    """The desk and the signed-in clerk (or OS user) an action is recorded against."""

    desk: str
    actor: str


def audit(  # noqa: PLR0913 - an audit entry is exactly these parts
    session: Session,
    action: str,
    *,
    who: Who,
    now: dt.datetime,
    case_id: str | None = None,
    detail: str = "",
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    session.add(
        AuditRow(
            at=now, desk=who.desk, actor=who.actor, action=action, case_id=case_id, detail=detail
        )
    )
    session.flush()


def audit_entries(session: Session, *, limit: int = 200) -> list[AuditRow]:
    return list(session.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)))
