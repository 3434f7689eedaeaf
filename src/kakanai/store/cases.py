"""Finished cases: saved once with their questionnaire version, members and procedures."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kakanai.store.tables import CaseRow, MemberRow, ProcedureRow


def save_case(session: Session, case: dict[str, Any], *, desk: str) -> CaseRow:
    """Store a ``kakanai.case/1`` document; saving the same case id again replaces nothing
    and returns the stored row (a finished case is immutable)."""
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
    row.procedures = [
        ProcedureRow(procedure_id=p["id"], department=p["department"], member_index=p.get("member"))
        for p in case["procedures"]
    ]
    session.add(row)
    session.flush()
    return row


def find_case(session: Session, case_id: str) -> CaseRow | None:
    return session.scalars(select(CaseRow).where(CaseRow.case_id == case_id)).one_or_none()


def recent_cases(session: Session, *, limit: int = 50) -> list[CaseRow]:
    query = select(CaseRow).order_by(CaseRow.created_at.desc()).limit(limit)
    return list(session.scalars(query))
