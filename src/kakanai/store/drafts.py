"""Interview drafts: every answer is written at once, so a crash loses nothing and the
counter can resume exactly where it stopped."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kakanai.store.tables import DraftRow

OPEN = "open"
FINISHED = "finished"
DISCARDED = "discarded"


def start_draft(
    session: Session, *, desk: str, questionnaire: tuple[str, str], as_of: dt.date, now: dt.datetime
) -> DraftRow:
    """A new open draft for questionnaire (id, version)."""
    row = DraftRow(
        draft_key=str(uuid.uuid4()),
        desk=desk,
        questionnaire_id=questionnaire[0],
        questionnaire_version=questionnaire[1],
        as_of=as_of,
        started_at=now,
        updated_at=now,
        answers={"order": [], "values": {}},
        status=OPEN,
    )
    session.add(row)
    session.flush()
    return row


def save_answers(
    session: Session, draft: DraftRow, answers: list[tuple[str, Any]], *, now: dt.datetime
) -> None:
    """Replace the draft's answers with ``answers`` (question id, raw value) in order."""
    draft.answers = {"order": [q for q, _ in answers], "values": dict(answers)}
    draft.updated_at = now
    session.flush()


def save_typing(
    session: Session, draft: DraftRow, typed: dict[str, Any], *, now: dt.datetime
) -> None:
    """Keep what is typed on the page on screen (question id → raw input, not yet an
    answer) beside the answers, so a crash or a quit loses none of it."""
    draft.answers = {**draft.answers, "typing": typed}
    draft.updated_at = now
    session.flush()


def draft_typing(draft: DraftRow) -> dict[str, Any]:
    typed = draft.answers.get("typing")
    return dict(typed) if isinstance(typed, dict) else {}


def draft_answers(draft: DraftRow) -> list[tuple[str, Any]]:
    values = draft.answers.get("values", {})
    return [(q, values.get(q)) for q in draft.answers.get("order", [])]


def open_draft(session: Session, desk: str) -> DraftRow | None:
    """The desk's most recently touched open draft (what to offer to resume)."""
    query = (
        select(DraftRow)
        .where(DraftRow.desk == desk, DraftRow.status == OPEN)
        .order_by(DraftRow.updated_at.desc())
        .limit(1)
    )
    return session.scalars(query).one_or_none()


def close_draft(
    session: Session, draft: DraftRow, *, case_id: str | None, now: dt.datetime
) -> None:
    """Finish the draft (with its case) or discard it (case_id None). A discarded draft's
    personal data is deleted at once; only its counts stay (answers given, members)."""
    if not case_id:
        draft.answers = {"order": [], "values": {}, "counts": _counts(draft)}
    draft.status = FINISHED if case_id else DISCARDED
    draft.case_id = case_id
    draft.updated_at = now
    session.flush()


def _counts(draft: DraftRow) -> dict[str, int]:
    values = draft.answers.get("values", {})
    members: list[Any] = next((v for v in values.values() if _is_household(v)), [])
    answered = sum(1 for key in draft.answers.get("order", []) if not key.startswith("@"))
    return {"answered": answered, "members": len(members)}


def _is_household(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(m, dict) for m in value)
