"""Users, roles and the supervisor's sign-in. Every attempt to sign in is audited (who, and
why it failed), never with the password; every change to users is audited with the
supervisor who made it. Until a city has its first supervisor, anyone at the desk may add
one (the first ``kakanai users add``); after that, adding and changing users takes a
supervisor."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from kakanai.core.errors import ErrorCode, KakanaiError, did_you_mean
from kakanai.services.supervision.passwords import (
    check_password,
    hash_password,
    verify_password,
)
from kakanai.store import users
from kakanai.store.audit import Who, audit
from kakanai.store.tables import UserRow

if TYPE_CHECKING:
    from kakanai.services.workspace import Workspace

MAX_NAME = 64
_UNKNOWN_ACTOR = "(未登録の名前)"  # a failed sign-in never records what was typed
# A hash checked when the name is unknown, so that a wrong name takes as long as a wrong
# password (made once, on the first such attempt).
_decoy: list[str] = []
ACTIVITIES = frozenset(
    {"tree_edited", "scenarios_run", "review_printed", "template_saved", "template_reset"}
)


@dataclass(frozen=True)
class Supervisor:
    """A supervisor who signed in; services re-check the row before every change, so a
    supervisor disabled meanwhile can change nothing."""

    name: str
    signed_in_at: dt.datetime


@dataclass(frozen=True)
class UserInfo:
    """A user as lists show them (no hash)."""

    name: str
    role: str
    disabled: bool
    created_at: dt.datetime
    has_password: bool


def normalized_name(name: str) -> str:
    """The name as stored: NFKC (full-width letters typed with an input method become the
    same name) and without surrounding spaces; USER_001 for an empty or unusable one."""
    cleaned = unicodedata.normalize("NFKC", name).strip()
    usable = all(unicodedata.category(c)[0] != "C" for c in cleaned)
    if not cleaned or len(cleaned) > MAX_NAME or not usable:
        raise KakanaiError.of(ErrorCode.USER_NAME_INVALID, name=name[:MAX_NAME], maximum=MAX_NAME)
    return cleaned


ROLE_WORDS = {users.CLERK: "窓口職員", users.DESK: "連携課", users.SUPERVISOR: "監修者"}
"""Each role as the app and the glossary say it (a message never shows ``clerk``)."""


def role_word(role: str) -> str:
    return ROLE_WORDS.get(role, role)


def sign_in(workspace: Workspace, name: str, password: str) -> Supervisor:
    """The supervisor ``name`` when ``password`` is theirs. SUPERVISE_001 for an unknown
    name or a wrong password (the same message for both), SUPERVISE_002 for a user who is
    no supervisor, SUPERVISE_003 for a disabled one. Audited either way."""
    try:
        cleaned = normalized_name(name)
    except KakanaiError:
        cleaned = ""
    with workspace.session() as session:
        row = users.find_user(session, cleaned) if cleaned else None
        found = (row.role, row.password_hash, row.disabled) if row is not None else None
    now = workspace.now()
    if found is None:
        verify_password(password, _decoy_hash())
        _audit_failure(workspace, _UNKNOWN_ACTOR, "unknown_name", now)
        raise KakanaiError.of(ErrorCode.SUPERVISE_SIGN_IN_FAILED)
    role, stored, disabled = found
    if role != users.SUPERVISOR:
        _audit_failure(workspace, cleaned, "not_supervisor", now)
        raise KakanaiError.of(
            ErrorCode.SUPERVISE_NOT_SUPERVISOR, name=cleaned, role=role_word(role)
        )
    if stored is None or not verify_password(password, stored):
        _audit_failure(workspace, cleaned, "wrong_password", now)
        raise KakanaiError.of(ErrorCode.SUPERVISE_SIGN_IN_FAILED)
    if disabled:
        _audit_failure(workspace, cleaned, "disabled", now)
        raise KakanaiError.of(ErrorCode.SUPERVISE_DISABLED, name=cleaned)
    with workspace.session() as session:
        audit(
            session, "signed_in", who=_as(workspace, cleaned), now=now, detail=_os_user(workspace)
        )
    return Supervisor(cleaned, now)


def require_supervisor(session: Session, supervisor: Supervisor) -> UserRow:
    """The supervisor's row, still a supervisor and not disabled (checked inside the unit of
    work that makes the change)."""
    row = users.find_user(session, supervisor.name)
    if row is None:
        raise KakanaiError.of(ErrorCode.SUPERVISE_SIGN_IN_FAILED)
    if row.role != users.SUPERVISOR:
        raise KakanaiError.of(
            ErrorCode.SUPERVISE_NOT_SUPERVISOR, name=row.name, role=role_word(row.role)
        )
    if row.disabled:
        raise KakanaiError.of(ErrorCode.SUPERVISE_DISABLED, name=row.name)
    return row


def has_supervisors(workspace: Workspace) -> bool:
    """Whether a supervisor may sign in (else the first one is still to be added)."""
    with workspace.session() as session:
        return users.active_supervisors(session) > 0


def list_users(workspace: Workspace) -> list[UserInfo]:
    with workspace.session() as session:
        return [_info(row) for row in users.all_users(session)]


def add_user(
    workspace: Workspace,
    name: str,
    role: str,
    *,
    password: str | None = None,
    by: Supervisor | None = None,
) -> UserInfo:
    """Add a user; a supervisor needs a password, no one else may have one. Once a city
    has a supervisor, ``by`` must be one (SUPERVISE_004)."""
    cleaned = normalized_name(name)
    if role not in users.ROLES:
        raise KakanaiError.of(ErrorCode.USER_ROLE_INVALID, role=role)
    if role != users.SUPERVISOR and password is not None:
        raise KakanaiError.of(ErrorCode.USER_PASSWORD_NOT_SUPERVISOR, name=cleaned, role=role)
    if role == users.SUPERVISOR:
        check_password(password or "", name=cleaned)
    # Hashing takes a moment: done before the unit of work, which then only writes.
    hashed = hash_password(password) if password is not None else None
    now = workspace.now()
    with workspace.session() as session:
        actor = _authorised(session, workspace, by)
        if users.find_user(session, cleaned) is not None:
            raise KakanaiError.of(ErrorCode.USER_EXISTS, name=cleaned)
        row = users.add_user(session, name=cleaned, role=role, password_hash=hashed, now=now)
        audit(session, "user_added", who=actor, now=now, detail=f"{cleaned} role={role}")
        return _info(row)


def set_disabled(workspace: Workspace, by: Supervisor, name: str, *, disabled: bool) -> UserInfo:
    """Disable (or enable again) a user. USER_010 for the last supervisor who may sign in."""
    now = workspace.now()
    with workspace.session() as session:
        require_supervisor(session, by)
        row = _existing(session, name)
        last = row.role == users.SUPERVISOR and users.active_supervisors(session) <= 1
        if disabled and not row.disabled and last:
            raise KakanaiError.of(ErrorCode.USER_LAST_SUPERVISOR, name=row.name)
        row.disabled = disabled
        action = "user_disabled" if disabled else "user_enabled"
        audit(session, action, who=_as(workspace, by.name), now=now, detail=row.name)
        return _info(row)


def set_password(workspace: Workspace, by: Supervisor, name: str, password: str) -> None:
    """Give the supervisor ``name`` a new password (their own, or one who forgot theirs)."""
    cleaned = normalized_name(name)
    check_password(password, name=cleaned)
    hashed = hash_password(password)
    now = workspace.now()
    with workspace.session() as session:
        require_supervisor(session, by)
        row = _existing(session, cleaned)
        if row.role != users.SUPERVISOR:
            raise KakanaiError.of(
                ErrorCode.USER_PASSWORD_NOT_SUPERVISOR, name=row.name, role=row.role
            )
        row.password_hash = hashed
        audit(session, "password_set", who=_as(workspace, by.name), now=now, detail=row.name)


def record_activity(workspace: Workspace, supervisor: Supervisor, action: str, detail: str) -> None:
    """Audit what a supervisor did in the editor (``tree_edited``, ``scenarios_run``,
    ``review_printed``); ``detail`` names the tree and what changed, never personal data."""
    if action not in ACTIVITIES:
        raise ValueError(f"not a supervisor's activity: {action!r}")
    with workspace.session() as session:
        who = _as(workspace, supervisor.name)
        audit(session, action, who=who, now=workspace.now(), detail=detail[:256])


def _authorised(session: Session, workspace: Workspace, by: Supervisor | None) -> Who:
    """Who adds a user: ``by`` (checked), or the desk's OS user while there is no supervisor."""
    if by is not None:
        require_supervisor(session, by)
        return _as(workspace, by.name)
    if users.active_supervisors(session) > 0:
        raise KakanaiError.of(ErrorCode.SUPERVISE_NEEDS_SUPERVISOR)
    return workspace.who


def _existing(session: Session, name: str) -> UserRow:
    cleaned = normalized_name(name)
    row = users.find_user(session, cleaned)
    if row is None:
        known: Sequence[str] = [r.name for r in users.all_users(session)]
        raise KakanaiError.of(
            ErrorCode.USER_UNKNOWN, name=cleaned, suggestion=did_you_mean(cleaned, known)
        )
    return row


def _audit_failure(workspace: Workspace, actor: str, reason: str, now: dt.datetime) -> None:
    with workspace.session() as session:
        detail = f"{reason} {_os_user(workspace)}"
        audit(session, "sign_in_failed", who=_as(workspace, actor), now=now, detail=detail)


def _as(workspace: Workspace, name: str) -> Who:
    return Who(desk=workspace.who.desk, actor=name)


def _os_user(workspace: Workspace) -> str:
    return f"os_user={workspace.who.actor}"[:256]


def _info(row: UserRow) -> UserInfo:
    return UserInfo(row.name, row.role, row.disabled, row.created_at, row.password_hash is not None)


def _decoy_hash() -> str:
    if not _decoy:
        _decoy.append(hash_password("kakanai-decoy-password"))
    return _decoy[0]
