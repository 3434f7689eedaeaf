"""Reading a case JSON file (``kakanai.case/1``) for the slip, the forms and the app, with a
Japanese error that points at the file instead of a traceback or a half-read case."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from kakanai.adapters.input_files import load_json, read_text
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import Loc

CASE_SCHEMA = "kakanai.case/1"
MAX_CASE_BYTES = 1024 * 1024
"""A ten-member case is 20 kB; a file past this is not a case."""
_REQUIRED: dict[str, type] = {
    "case_id": str,
    "as_of": str,
    "questionnaire": dict,
    "household": dict,
    "addresses": dict,
    "answers": list,
    "procedures": list,
    "departments": list,
}


def load_case(path: Path) -> dict[str, Any]:
    """The case in ``path``; CASE_001 when unreadable, CASE_002 when not a case, INPUT_ codes
    past a limit (not a regular file, too large, nested too deep)."""
    try:
        text = read_text(path, limit=MAX_CASE_BYTES)
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(path, 1, 1, ErrorCode.CASE_UNREADABLE, detail=str(exc)) from None
    try:
        data = load_json(text, source=str(path))
    except json.JSONDecodeError as exc:
        raise _error(
            path, exc.lineno, exc.colno, ErrorCode.CASE_UNREADABLE, detail=exc.msg
        ) from None
    check_case(data, str(path))
    return cast("dict[str, Any]", data)


def check_case(data: object, source: str = "<case>") -> None:
    """Raise CASE_002 unless ``data`` has the shape of a ``kakanai.case/1`` document."""
    if not isinstance(data, dict):
        raise _error(
            Path(source), 1, 1, ErrorCode.CASE_INVALID, detail="JSONのオブジェクトではありません"
        )
    if data.get("schema") != CASE_SCHEMA:
        detail = f"schema が {CASE_SCHEMA} ではありません({data.get('schema')!r})"
        raise _error(Path(source), 1, 1, ErrorCode.CASE_INVALID, detail=detail)
    for key, kind in _REQUIRED.items():
        if not isinstance(data.get(key), kind):
            detail = f"「{key}」がないか、形が違います"
            raise _error(Path(source), 1, 1, ErrorCode.CASE_INVALID, detail=detail)
    members = data["household"].get("members")
    if not isinstance(members, list) or not all(isinstance(m, dict) for m in members):
        detail = "household.members が世帯員の一覧ではありません"
        raise _error(Path(source), 1, 1, ErrorCode.CASE_INVALID, detail=detail)


def _error(path: Path, line: int, col: int, code: ErrorCode, **fields: object) -> KakanaiError:
    return KakanaiError.from_problem(Problem.at(Loc(str(path), line, col), code, **fields))
