"""Users and their roles. A supervisor's row holds a password hash (never the password);
hashing and checking it is services/supervision's work."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kakanai.store.tables import UserRow

CLERK = "clerk"
DESK = "desk"
SUPERVISOR = "supervisor"
ROLES = (CLERK, DESK, SUPERVISOR)


def add_user(
    session: Session, *, name: str, role: str, password_hash: str | None, now: dt.datetime
) -> UserRow:
    row = UserRow(name=name, role=role, password_hash=password_hash, created_at=now)
    session.add(row)
    session.flush()
    return row


def find_user(session: Session, name: str) -> UserRow | None:
    return session.scalars(select(UserRow).where(UserRow.name == name)).one_or_none()


def all_users(session: Session) -> list[UserRow]:
    return list(session.scalars(select(UserRow).order_by(UserRow.name)))


def active_supervisors(session: Session) -> int:
    """How many supervisors may sign in (not disabled)."""
    query = select(func.count(UserRow.id)).where(
        UserRow.role == SUPERVISOR, UserRow.disabled.is_(False)
    )
    return int(session.scalar(query) or 0)
