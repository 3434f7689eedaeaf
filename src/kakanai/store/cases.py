"""Finished cases: saved once with their questionnaire version, members and procedures, and
what statistics count about the visit (life events, interview start and length, the time
each question took)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kakanai.core.trees.case import is_guidance
from kakanai.store.tables import CaseEventRow, CaseRow, MemberRow, ProcedureRow, QuestionTimeRow


def save_case(
    session: Session,
    case: dict[str, Any],
    *,
    desk: str,
    started_at: dt.datetime | None = None,
    question_seconds: Mapping[str, float] | None = None,
) -> CaseRow:
    """Store a ``kakanai.case/1`` document; saving the same case id again replaces nothing
    and returns the stored row (a finished case is immutable). ``started_at`` (the
    interview's start) and ``question_seconds`` (question id → seconds) are for statistics."""
    existing = find_case(session, case["case_id"])
    if existing is not None:
        return existing
    questionnaire = case["questionnaire"]
    members = case["household"]["members"]
    row = CaseRow(
        case_id=case["case_id"],
        questionnaire_id=questionnaire["id"],
        questionnaire_version=questionnaire["version"],
        city=questionnaire.get("city", ""),
        desk=desk,
        created_at=dt.datetime.fromisoformat(case["created_at"]),
        as_of=dt.date.fromisoformat(case["as_of"]),
        member_count=len(members),
        document=case,
    )
    row.members = [
        MemberRow(
            index=m["index"],
            name=m["name"],
            kana=m.get("kana", ""),
            birth_date=dt.date.fromisoformat(m["birth_date"]),
            sex=m.get("sex", ""),
            relation=m.get("relationship", ""),
        )
        for m in members
    ]
    row.procedures = _procedures(case["procedures"])
    row.events = [CaseEventRow(event=event) for event in life_events(case)]
    if started_at is not None:
        row.started_at = started_at
        row.duration_s = max(int((row.created_at - started_at).total_seconds()), 0)
    row.question_times = [
        QuestionTimeRow(question_id=question, seconds=round(seconds))
        for question, seconds in (question_seconds or {}).items()
    ]
    session.add(row)
    session.flush()
    return row


def _procedures(procedures: list[dict[str, Any]]) -> list[ProcedureRow]:
    rows = []
    seen: set[str] = set()
    departments: set[str] = set()
    for p in procedures:
        if is_guidance(p):  # a notice, not a procedure: statistics never count it
            continue
        rows.append(
            ProcedureRow(
                procedure_id=p["id"],
                department=p["department"],
                member_index=p.get("member"),
                first_of_case=p["id"] not in seen,
                first_of_department=p["department"] not in departments,
            )
        )
        seen.add(p["id"])
        departments.add(p["department"])
    return rows


def life_events(case: Mapping[str, Any]) -> list[str]:
    """The life events of a visit: the id of each question tree it used (a list under
    ``questionnaires`` when a visit carries several, else its one ``questionnaire``)."""
    several = case.get("questionnaires")
    trees = several if isinstance(several, list) else [case["questionnaire"]]
    return list(dict.fromkeys(str(tree["id"]) for tree in trees))


def find_case(session: Session, case_id: str) -> CaseRow | None:
    return session.scalars(select(CaseRow).where(CaseRow.case_id == case_id)).one_or_none()


def recent_cases(session: Session, *, limit: int = 50) -> list[CaseRow]:
    query = select(CaseRow).order_by(CaseRow.created_at.desc()).limit(limit)
    return list(session.scalars(query))
