"""What the counter's screens show, worked out without Qt: the path so far, the procedures
that apply so far by department, and the summary (the slip's own content)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kakanai.core.slip.content import SlipContent, slip_content
from kakanai.core.trees.case import display
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import Question, QuestionType


@dataclass(frozen=True)
class PathStep:
    """One answered question in the side panel."""

    question_id: str
    question: str
    answer: str


@dataclass(frozen=True)
class DepartmentProcedures:
    department: str
    procedures: tuple[str, ...]  # names, with the member for per-member ones


def path_steps(interview: Interview) -> list[PathStep]:
    return [PathStep(q.id, q.text, answer_text(q, v)) for q, v in interview.path()]


def answer_text(question: Question, value: object) -> str:
    """An answer as one short line: labels, 和暦 dates, the household as names."""
    if question.type is QuestionType.HOUSEHOLD and isinstance(value, list):
        names = [str(m.get("name", "")) for m in value if isinstance(m, Mapping)]
        return f"{len(names)}人: " + "、".join(names)
    if value is None:
        return "(空欄)"
    return display(question, value)


def live_procedures(interview: Interview) -> list[DepartmentProcedures]:
    """The procedures that already apply, by department in the order they first appear."""
    tree = interview.runtime.tree
    names = {d.id: d.name for d in tree.departments}
    members = interview.values().members
    grouped: dict[str, list[str]] = {}
    for applied in interview.procedures():
        procedure = applied.procedure
        text = procedure.name
        index = applied.member_index
        if index is not None and index < len(members):
            text += f"({members[index].get('name', '')})"
        grouped.setdefault(procedure.department_id, []).append(text)
    return [DepartmentProcedures(names.get(k, k), tuple(v)) for k, v in grouped.items()]


def summary_content(case: Mapping[str, Any], *, desk: str, now: dt.datetime) -> SlipContent:
    """The summary page says what the slip will say (procedures by department with reasons,
    what to bring, the members concerned)."""
    return slip_content(case, issued_at=now, expires_at=now, lang="ja", desk=desk)
