"""Builds the case (受付案件) record of a finished interview: the JSON document that the
guidance slip, the QR payload and the prefilled forms consume (docs/case-format.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from kakanai.core.japanese import values as jv
from kakanai.core.trees.answers import json_value
from kakanai.core.trees.evaluation import AppliedProcedure
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import ProcedureKind, Question, QuestionTree, QuestionType

CASE_SCHEMA = "kakanai.case/1"


def build_case(interview: Interview, *, case_id: str, created_at: dt.datetime) -> dict[str, Any]:
    """The case as plain JSON-ready data (dates as ISO strings)."""
    tree = interview.runtime.tree
    path = interview.path()
    procedures = interview.procedures()
    household = interview.values().members
    members = [_member(index, m, interview.as_of) for index, m in enumerate(household)]
    return {
        "schema": CASE_SCHEMA,
        "case_id": case_id,
        "created_at": created_at.isoformat(timespec="seconds"),
        "as_of": interview.as_of.isoformat(),
        "questionnaire": _questionnaire(tree),
        "household": {
            "head": next((m["index"] for m in members if m["is_head"]), 0 if members else None),
            "members": members,
        },
        "addresses": {q.id: v for q, v in path if q.type is QuestionType.ADDRESS and v},
        "answers": [
            _answer(q, v, household) for q, v in path if q.type is not QuestionType.HOUSEHOLD
        ],
        "procedures": [_procedure(p, interview.as_of) for p in procedures],
        "departments": _departments(tree, procedures),
    }


def _questionnaire(tree: QuestionTree) -> dict[str, Any]:
    meta = tree.meta
    return {
        "id": meta.id,
        "title": meta.title,
        "version": meta.version,
        "effective_from": meta.effective_from.isoformat() if meta.effective_from else None,
        "city": meta.city,
    }


def _member(index: int, member: Mapping[str, Any], as_of: dt.date) -> dict[str, Any]:
    birth: dt.date = member["birth_date"]
    return {
        "index": index,
        "name": member["name"],
        "kana": member["kana"],
        "birth_date": birth.isoformat(),
        "birth_date_wareki": jv.format_wareki(birth),
        "sex": member["sex"],
        "relationship": member["relationship"],
        "age": jv.age_on(birth, as_of),
        "is_head": bool(member.get("is_head")),
    }


def _answer(
    question: Question, value: object, members: Sequence[Mapping[str, Any]] | None
) -> dict[str, Any]:
    found = {
        "question": question.id,
        "text": question.text,
        "type": question.type.value,
        "value": json_value(value),
        "display": display(question, value, members),
    }
    if question.per_member:  # one value per member, in household order (None: not asked)
        found["per"] = "member"
    return found


def display(
    question: Question, value: object, members: Sequence[Mapping[str, Any]] | None = None
) -> str:
    """The answer as a clerk reads it back (labels, 和暦 dates, はい/いいえ); a per-member
    answer as each asked member's name (or place) with their answer."""
    if question.per_member and isinstance(value, list):
        return _member_display(question, value, members)
    if value is None:
        return "(未回答)"
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    if isinstance(value, dt.date):
        return jv.format_wareki(value)
    if isinstance(value, list):
        return "・".join(question.label_of(str(v)) for v in value) or "該当なし"
    if isinstance(value, dict):
        return format_address(value)
    if question.type is QuestionType.CHOICE:
        return question.label_of(str(value))
    return str(value)


def _member_display(
    question: Question, values: list[object], members: Sequence[Mapping[str, Any]] | None
) -> str:
    shown = []
    for index, value in enumerate(values):
        if value is None:
            continue
        name = members[index].get("name") if members and index < len(members) else None
        shown.append(f"{name or f'{index + 1}人目'}: {display(question, value)}")
    return "、".join(shown) or "(聞いた世帯員なし)"


def format_address(address: Mapping[str, Any]) -> str:
    postal = f"〒{address['postal_code']} " if address.get("postal_code") else ""
    parts = [address.get(k, "") for k in ("prefecture", "municipality", "town", "block")]
    building = f" {address['building']}" if address.get("building") else ""
    return postal + "".join(parts) + building


def is_guidance(procedure: Mapping[str, Any]) -> bool:
    """Whether a case's procedure is guidance that is no procedure (``kind: guidance``): the
    slip and the counter show it apart, statistics do not count it."""
    return procedure.get("kind") == ProcedureKind.GUIDANCE.value


def _procedure(applied: AppliedProcedure, as_of: dt.date) -> dict[str, Any]:
    procedure = applied.procedure
    found: dict[str, Any] = {
        "id": procedure.id,
        "name": procedure.name,
        "department": procedure.department_id,
        "per": procedure.per.value,
        "member": applied.member_index,
        "because": applied.because,
        "bring": list(procedure.bring),
        "forms": list(procedure.forms),
        "deadline": procedure.deadline,
        "desk": procedure.desk,
        "evidence": applied.evidence,
    }
    if procedure.is_guidance:  # a notice, not a procedure; procedures' cases stay as they were
        found["kind"] = procedure.kind.value
    if procedure.fee is not None:  # only certificates carry a fee; other cases stay as they were
        found.update(fee=procedure.fee, copies=applied.copies, amount=applied.amount)
    if applied.due is not None:  # only procedures with a due: carry it; older cases stay alike
        found.update(due=applied.due.isoformat(), overdue=as_of > applied.due)
    return found


def _departments(tree: QuestionTree, procedures: list[AppliedProcedure]) -> list[dict[str, Any]]:
    concerned = {a.procedure.department_id for a in procedures}
    return [
        {
            "id": d.id,
            "name": d.name,
            "floor": d.floor,
            "counter": d.counter,
            "extension": d.extension,
            **({"external": True} if d.external else {}),
        }
        for d in tree.departments
        if d.id in concerned
    ]
