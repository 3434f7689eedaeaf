"""Runs an interview from an answers file and returns the case (`kakanai interview`)."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path
from typing import Any

from kakanai.adapters.yaml_loading import load_file
from kakanai.core.errors import ErrorCode, KakanaiError, Problem
from kakanai.core.located import LMap, Loc, plain
from kakanai.core.trees.case import build_case
from kakanai.core.trees.scripted import run_answers
from kakanai.services.trees.checking import load_runtime

JST = dt.timezone(dt.timedelta(hours=9), "JST")


def new_case_id(today: dt.date) -> str:
    """A case number clerks can read out: date plus six random hex digits."""
    return f"{today:%Y%m%d}-{secrets.token_hex(3).upper()}"


def interview_from_file(
    tree_path: Path, answers_path: Path, *, as_of: dt.date | None = None, case_id: str | None = None
) -> dict[str, Any]:
    """Load and check the tree, answer it from the file, and build the case."""
    root = load_file(answers_path)
    if not isinstance(root, LMap):
        where = Loc(str(answers_path), 1, 1)
        raise KakanaiError.from_problem(
            Problem.at(where, ErrorCode.YAML_NOT_MAPPING, what="回答ファイル")
        )
    answers = root.get("answers")
    if answers is not None and not isinstance(answers, LMap):
        raise KakanaiError.from_problem(
            Problem.at(answers.loc, ErrorCode.YAML_NOT_MAPPING, what="answers:")
        )
    if isinstance(answers, LMap):
        written = plain(root.get("as_of"))
        as_of = as_of or (written if isinstance(written, dt.date) else None)
    else:
        answers = root
    day = as_of or dt.datetime.now(JST).date()
    runtime = load_runtime(tree_path)
    interview = run_answers(runtime, answers, day)
    now = dt.datetime.now(JST)
    return build_case(interview, case_id=case_id or new_case_id(day), created_at=now)
