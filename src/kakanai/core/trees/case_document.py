"""Checking a case document (``kakanai.case/1``) that comes from a file, before anything is
printed from it: its shape, the limits and values the interview's door enforces, and that
its parts agree (member indexes, the head, ages, the procedures' members and departments).
A hand-edited case that breaks any of them is refused with the field it concerns."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.japanese import domain
from kakanai.core.japanese import values as jv
from kakanai.core.trees.household_answers import MAX_MEMBERS, MEMBER_LABELS
from kakanai.core.trees.visit import MAX_TREES
from kakanai.core.value_types import RELATIONSHIP_VALUES

CASE_SCHEMA = "kakanai.case/1"
MAX_CASE_TEXT = 2000
"""Any text in a case: a procedure's reason or a bring-list entry is a few hundred."""
# One tree's id, or a visit's trees joined with + (core/trees/visit.py), at most MAX_TREES
QUESTIONNAIRE_ID = re.compile(rf"[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*){{0,{MAX_TREES - 1}}}")
_REQUIRED: dict[str, type] = {
    "case_id": str,
    "created_at": str,
    "as_of": str,
    "questionnaire": dict,
    "household": dict,
    "addresses": dict,
    "answers": list,
    "procedures": list,
    "departments": list,
}
_PROCEDURE_TEXTS = ("id", "name", "department", "because", "deadline", "desk", "kind")


class CaseDocumentError(KakanaiError):
    """The case is not what ``kakanai interview`` writes; the message names the field."""


def check_case_document(data: object) -> None:
    """Raise CaseDocumentError (CASE_002, or the INPUT_ code of a limit) for the first
    problem of ``data`` as a ``kakanai.case/1`` document."""
    if not isinstance(data, dict):
        raise _invalid("JSONのオブジェクトではありません")
    if data.get("schema") != CASE_SCHEMA:
        raise _invalid(
            f"schema が {CASE_SCHEMA} ではありません({domain.shown(str(data.get('schema')))})"
        )
    for key, kind in _REQUIRED.items():
        if not isinstance(data.get(key), kind):
            raise _invalid(f"「{key}」がないか、形が違います")
    as_of = _date(data["as_of"], "as_of")
    _datetime(data["created_at"], "created_at")
    _check_questionnaire(data["questionnaire"])
    members = _check_household(data["household"], as_of)  # names first: their own limits
    _check_texts(data)
    _check_procedures(data["procedures"], data["departments"], len(members))
    _check_entries(data["answers"], "answers", ("question",))
    _check_addresses(data["addresses"])


def _check_texts(data: dict[str, Any]) -> None:
    """Every text anywhere: bounded, and without characters that hide or reorder text."""
    pending: list[tuple[str, object]] = [("", data)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str):
            _text(value, path or "案件", MAX_CASE_TEXT)
        elif isinstance(value, dict):
            pending.extend((_join(path, key), item) for key, item in value.items())
            pending.extend((_join(path, "(キー)"), str(key)) for key in value)
        elif isinstance(value, list):
            pending.extend((f"{path}[{index}]", item) for index, item in enumerate(value))


def _check_questionnaire(questionnaire: dict[str, Any]) -> None:
    for key in ("id", "version"):
        if not isinstance(questionnaire.get(key), str) or not questionnaire[key]:
            raise _invalid(f"questionnaire.{key} がないか、文字ではありません")
    if not QUESTIONNAIRE_ID.fullmatch(questionnaire["id"]):
        raise _invalid(
            "questionnaire.id は英小文字・数字・_ の設問ツリーID(複数のときは + でつないだもの)"
            "ではありません"
        )


def _check_household(household: dict[str, Any], as_of: dt.date) -> list[dict[str, Any]]:
    members = household.get("members")
    if not isinstance(members, list) or not all(isinstance(m, dict) for m in members):
        raise _invalid("household.members が世帯員の一覧ではありません")
    if not members:
        raise _invalid("household.members に世帯員がいません")
    if len(members) > MAX_MEMBERS:
        code = ErrorCode.INPUT_HOUSEHOLD_SIZE
        raise _limit(code, where="案件の", count=len(members), limit=MAX_MEMBERS)
    head = household.get("head")
    if isinstance(head, bool) or not isinstance(head, int) or not 0 <= head < len(members):
        raise _invalid(f"household.head が世帯員の番号(0から{len(members) - 1})ではありません")
    for index, member in enumerate(members):
        _check_member(member, index, as_of, is_head=index == head)
    return members


def _check_member(member: dict[str, Any], index: int, as_of: dt.date, *, is_head: bool) -> None:
    field = f"household.members[{index}]"
    if member.get("index") != index or isinstance(member.get("index"), bool):
        raise _invalid(f"{field}.index が並び順の番号 {index} ではありません")
    for key in ("name", "kana", "birth_date", "sex", "relationship"):
        label = f"{index + 1}人目の{MEMBER_LABELS[key]}({field}.{key})"
        if key not in member or member[key] in ("", None):
            raise _invalid(f"{label}がありません")
        if not isinstance(member[key], str):
            kind = "数" if isinstance(member[key], int | float) else type(member[key]).__name__
            raise _limit(ErrorCode.INPUT_NOT_TEXT, where=f"案件の{label}", kind=kind)
        if key in ("name", "kana"):
            _text(member[key], label, domain.MAX_NAME_CHARS)
    birth = _date(member["birth_date"], f"{field}.birth_date")
    if birth > as_of:
        raise _invalid(f"{field}.birth_date が面談日(as_of)より後です")
    if member["sex"] not in ("男", "女"):
        raise _invalid(f"{field}.sex は 男 か 女 です")
    if member["relationship"] not in RELATIONSHIP_VALUES:
        raise _invalid(f"{field}.relationship は続柄({'・'.join(sorted(RELATIONSHIP_VALUES))})です")
    if member.get("is_head") is not is_head:
        raise _invalid(f"{field}.is_head が household.head と合いません")
    expected_age = jv.age_on(birth, as_of)
    if member.get("age") != expected_age or isinstance(member.get("age"), bool):
        raise _invalid(f"{field}.age が生年月日と面談日から計算した年齢({expected_age})と違います")
    if member.get("birth_date_wareki") != jv.format_wareki(birth):
        raise _invalid(f"{field}.birth_date_wareki が birth_date と合いません")


def _check_procedures(procedures: list[Any], departments: list[Any], member_count: int) -> None:
    _check_entries(departments, "departments", ("id", "name"))
    known = {d["id"] for d in departments}
    _check_entries(procedures, "procedures", ("id", "department"))
    for index, procedure in enumerate(procedures):
        field = f"procedures[{index}]"
        for key in _PROCEDURE_TEXTS:
            if not isinstance(procedure.get(key, ""), str):
                raise _invalid(f"{field}.{key} が文字ではありません")
        for key in ("forms", "bring", "evidence"):
            listed = procedure.get(key, [])
            if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
                raise _invalid(f"{field}.{key} が文字の一覧ではありません")
        if procedure["department"] not in known:
            shown = domain.shown(procedure["department"])
            raise _invalid(f"{field}.department「{shown}」が departments にありません")
        member = procedure.get("member")
        per_member = procedure.get("per") == "member"
        if per_member != (member is not None) or procedure.get("per") not in (
            "member",
            "household",
        ):
            raise _invalid(f"{field}.per と member が合いません")
        if member is not None and (
            isinstance(member, bool)
            or not isinstance(member, int)
            or not 0 <= member < member_count
        ):
            raise _invalid(f"{field}.member が世帯員の番号(0から{member_count - 1})ではありません")


def _check_entries(entries: list[Any], field: str, required: tuple[str, ...]) -> None:
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise _invalid(f"{field}[{index}] が「キー: 値」の組ではありません")
        for key in required:
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise _invalid(f"{field}[{index}].{key} がないか、文字ではありません")


def _check_addresses(addresses: Mapping[str, Any]) -> None:
    for question, address in addresses.items():
        if not isinstance(address, dict) or not all(isinstance(v, str) for v in address.values()):
            raise _invalid(f"addresses.{question} が住所(文字の項目の組)ではありません")


def _text(text: str, where: str, limit: int) -> None:
    try:
        domain.check_text(text, limit=limit)
    except domain.OutOfDomainError as exc:
        raise CaseDocumentError(exc.code, exc.message_for(f"案件の{where}")) from None


def _date(text: str, field: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise _invalid(f"{field} が 2026-11-23 の形の日付ではありません") from None
    try:
        domain.check_date(day)
    except domain.OutOfDomainError as exc:
        raise CaseDocumentError(exc.code, exc.message_for(f"案件の{field}")) from None
    return day


def _datetime(text: str, field: str) -> None:
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        raise _invalid(f"{field} が日時(2026-11-23T10:15:00+09:00)ではありません") from None


def _join(path: str, key: object) -> str:
    shown = domain.shown(str(key), 40)  # keys are checked before what they hold, but may be long
    return f"{path}.{shown}" if path else shown


def _invalid(detail: str) -> CaseDocumentError:
    code = ErrorCode.CASE_INVALID
    return CaseDocumentError(code, code.format(detail=detail))


def _limit(code: ErrorCode, **fields: object) -> CaseDocumentError:
    return CaseDocumentError(code, code.format(**fields))
