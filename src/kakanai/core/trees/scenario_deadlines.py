"""What a scenario may assert about each procedure beyond whether it applies: the last day of
its 届出 (``due``), whether that day has passed on the interview day (``overdue``) and the fee
for the copies asked (``fees``: 手数料 × 通数). Each is a map from procedure id to the value
expected; a difference is reported at the procedure's line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from kakanai.core.errors import ErrorCode, did_you_mean
from kakanai.core.japanese import values as jv
from kakanai.core.located import LMap, LNode, Loc, plain
from kakanai.core.trees.evaluation import AppliedProcedure

KEYS = ("due", "overdue", "fees")
_WHAT = {"due": "期限", "overdue": "期限切れ", "fees": "手数料"}
_HINTS = {
    "due": "日付で書いてください(例: 2026-12-20 または R8.12.20)。期限がないなら null です。",
    "overdue": "はい / いいえ(true / false)で書いてください。",
    "fees": "円の金額を整数で書いてください(例: 900)。手数料がないなら null です。",
}


@dataclass(frozen=True)
class Finding:
    """One difference (or an unreadable expectation) and where it is written."""

    loc: Loc
    code: ErrorCode
    fields: dict[str, object]


def deadline_findings(
    key: str, expected: LMap, applied: list[AppliedProcedure], as_of: dt.date, known: set[str]
) -> Iterator[Finding]:
    """Compare ``expect.<key>`` (one of KEYS) with the procedures the interview gave."""
    for procedure_id, node in expected.items.items():
        where = expected.key_loc(procedure_id)
        if procedure_id not in known:
            suggestion = did_you_mean(procedure_id, known)
            yield Finding(
                where, ErrorCode.REF_PROCEDURE, {"name": procedure_id, "suggestion": suggestion}
            )
            continue
        wanted = _expected(key, node)
        if wanted is _BAD:
            value = plain(node)
            what = f"expect.{key}.{procedure_id}"
            yield Finding(
                node.loc,
                ErrorCode.YAML_BAD_VALUE,
                {"what": what, "value": value, "hint": _HINTS[key]},
            )
            continue
        found = [a for a in applied if a.procedure.id == procedure_id]
        if not found:
            detail = f"{procedure_id} が該当しないため、{_WHAT[key]}を確かめられません"
            yield Finding(where, ErrorCode.SCENARIO_FAILED, {"detail": detail})
            continue
        got = _actual(key, found, as_of)
        if got != wanted:
            detail = (
                f"{procedure_id} の{_WHAT[key]}が違います。"
                f"期待: {_shown(key, wanted)} / 結果: {_shown(key, got)}"
            )
            yield Finding(where, ErrorCode.SCENARIO_FAILED, {"detail": detail})


_BAD = object()


def _expected(key: str, node: LNode) -> object:
    value = plain(node)
    if value is None:
        return None if key != "overdue" else _BAD
    if key == "due":
        if isinstance(value, dt.date):
            return value
        try:
            return jv.parse_date(str(value))
        except jv.ValueFormatError:
            return _BAD
    if key == "overdue":
        answers = {True: True, False: False, "はい": True, "いいえ": False}
        return answers.get(value, _BAD) if isinstance(value, bool | str) else _BAD
    return value if isinstance(value, int) and not isinstance(value, bool) else _BAD


def _actual(key: str, found: list[AppliedProcedure], as_of: dt.date) -> object:
    """The value the interview gave; a per-member procedure gives one per member, and they
    must agree (else the list of them is shown, and it matches no single expectation)."""
    if key == "fees":
        amounts = [a.amount for a in found if a.amount is not None]
        return sum(amounts) if amounts else None
    if key == "due":
        values: list[object] = [a.due for a in found]
    else:
        values = [a.due is not None and as_of > a.due for a in found]
    distinct = list(dict.fromkeys(values))
    return distinct[0] if len(distinct) == 1 else tuple(distinct)


def _shown(key: str, value: object) -> str:
    if isinstance(value, tuple):
        return "、".join(_shown(key, v) for v in value)
    if value is None:
        return "なし"
    if isinstance(value, bool):
        return "期限切れ" if value else "期限内"
    if isinstance(value, dt.date):
        return jv.format_wareki(value)
    if key == "fees":
        return f"{value}円"
    return str(value)
