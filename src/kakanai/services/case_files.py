"""Reading a case JSON file (``kakanai.case/1``) for the slip, the forms and the app, with a
Japanese error that points at the file instead of a traceback or a half-read case: the file
within its limits, the document checked field by field (core/trees/case_document.py), and
warnings for what may still print but deserves a look (another questionnaire version)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

from kakanai.adapters.input_files import load_json, read_text
from kakanai.adapters.yaml_loading import YamlLoadError, load_file
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import LMap, Loc, LScalar
from kakanai.core.trees.case_document import CASE_SCHEMA, CaseDocumentError, check_case_document
from kakanai.services.shipped_data import QUESTIONNAIRES

__all__ = ["CASE_SCHEMA", "MAX_CASE_BYTES", "case_warnings", "check_case", "load_case"]

MAX_CASE_BYTES = 1024 * 1024
"""A ten-member case is 20 kB; a file past this is not a case."""


def load_case(path: Path) -> dict[str, Any]:
    """The case in ``path``; CASE_001 when unreadable, CASE_002 when not a case, INPUT_ codes
    past a limit (not a regular file, too large, nested too deep, a value outside the domain)."""
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
    """Raise CASE_002 (or an INPUT_ code) unless ``data`` is a whole, consistent case."""
    try:
        check_case_document(data)
    except CaseDocumentError as exc:
        raise KakanaiError(exc.code, exc.message, path=source, line=1, col=1) from None


def case_warnings(
    case: dict[str, Any], source: str, questionnaires: Path = QUESTIONNAIRES
) -> list[Problem]:
    """What a clerk should know before printing from a case file: it was made with another
    version of its questionnaire than this desk has (CASE_003), or one the desk lacks
    (CASE_004). The forms still print from the case as it is."""
    questionnaire = case["questionnaire"]
    where = Loc(source, 1, 1)
    local = _local_version(questionnaires / f"{questionnaire['id']}.yaml")
    if local is None:
        return [Problem.at(where, ErrorCode.CASE_QUESTIONNAIRE_MISSING, id=questionnaire["id"])]
    if local != questionnaire["version"]:
        return [
            Problem.at(
                where,
                ErrorCode.CASE_QUESTIONNAIRE_VERSION,
                id=questionnaire["id"],
                case_version=questionnaire["version"],
                local_version=local,
            )
        ]
    return []


def _local_version(path: Path) -> str | None:
    """The version a questionnaire file declares, read without checking the tree."""
    try:
        root = load_file(path)
    except YamlLoadError:
        return None
    meta = root.get("questionnaire") if isinstance(root, LMap) else None
    version = meta.get("version") if isinstance(meta, LMap) else None
    return str(version.value) if isinstance(version, LScalar) else None


def _error(path: Path, line: int, col: int, code: ErrorCode, **fields: object) -> KakanaiError:
    return KakanaiError.from_problem(Problem.at(Loc(str(path), line, col), code, **fields))
