"""What the counter's screens show, worked out without Qt: the path so far, the procedures
that apply so far by department, and the summary (the slip's own content)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.core.japanese import values as jv
from kakanai.core.slip.content import SlipContent, slip_content
from kakanai.core.trees.case import display
from kakanai.core.trees.evaluation import Values, applied_procedures
from kakanai.core.trees.interview import Interview
from kakanai.core.trees.model import HOUSEHOLD_HEAD, Question, QuestionType

OPTIONAL = "(空欄のままでも進めます)"
_ANSWER_PREFIX = "」の回答が正しくありません: "

NOTICES = "ご確認ください(手続きではありません)"


@dataclass(frozen=True)
class Offer:
    """Something the app knows that fills a text answer (世帯主と同じ)."""

    label: str
    text: str


@dataclass(frozen=True)
class PathStep:
    """One answered question in the side panel."""

    question_id: str
    question: str
    answer: str


@dataclass(frozen=True)
class MemberLine:
    """One household member on a per-member question's page: who, and whether asked."""

    name: str
    detail: str  # 「0歳・子」: enough to tell two members apart at a glance
    asked: bool


@dataclass(frozen=True)
class MemberAnswers:
    """A per-member question's answers for the summary: each asked member by name."""

    question: str
    answers: tuple[tuple[str, str], ...]  # (member's name, answer as read back)


@dataclass(frozen=True)
class DepartmentProcedures:
    department: str
    procedures: tuple[str, ...]  # names, with the member for per-member ones
    notice: bool = False  # guidance that is no procedure (kind: guidance), listed first


def path_steps(interview: Interview) -> list[PathStep]:
    members = interview.values().members
    return [PathStep(q.id, q.text, answer_text(q, v, members)) for q, v in interview.path()]


def answer_text(
    question: Question, value: object, members: Sequence[Mapping[str, Any]] | None = None
) -> str:
    """An answer as one short line: labels, 和暦 dates, the household as names, a
    per-member answer by each member's name."""
    if question.type is QuestionType.HOUSEHOLD and isinstance(value, list):
        names = [str(m.get("name", "")) for m in value if isinstance(m, Mapping)]
        return f"{len(names)}人: " + "、".join(names)
    if value is None:
        return "(空欄)"
    return display(question, value, members)


def member_lines(interview: Interview, question: Question) -> list[MemberLine]:
    """The household's members for a per-member question's page, in household order."""
    asked = interview.asked_members(question)
    lines = []
    for member, is_asked in zip(interview.values().members or [], asked, strict=False):
        birth = member.get("birth_date")
        age = f"{jv.age_on(birth, interview.as_of)}歳・" if isinstance(birth, dt.date) else ""
        detail = f"{age}{member.get('relationship', '')}"
        lines.append(MemberLine(str(member.get("name", "")), detail, is_asked))
    return lines


def member_answers(interview: Interview) -> list[MemberAnswers]:
    """Every per-member answer of the interview, one line per member asked."""
    members = interview.values().members or []
    found = []
    for question, value in interview.path():
        if not question.per_member or not isinstance(value, list):
            continue
        rows = tuple(
            (str(member.get("name", "")), display(question, item))
            for member, item in zip(members, value, strict=False)
            if item is not None
        )
        if rows:
            found.append(MemberAnswers(question.text, rows))
    return found


def live_procedures(values: Values) -> list[DepartmentProcedures]:
    """The procedures that already apply to ``values`` (the answers so far, with those
    typed on the page), by department in the order they first appear."""
    tree = values.runtime.tree
    names = {d.id: d.name for d in tree.departments}
    members = values.members
    grouped: dict[str, list[str]] = {}
    notices: list[str] = []
    for applied in applied_procedures(values):
        procedure = applied.procedure
        text = procedure.name
        index = applied.member_index
        if index is not None and index < len(members):
            text += f"({members[index].get('name', '')})"
        if procedure.is_guidance:
            notices.append(text)
        else:
            grouped.setdefault(procedure.department_id, []).append(text)
    found = [DepartmentProcedures(NOTICES, tuple(notices), notice=True)] if notices else []
    return found + [DepartmentProcedures(names.get(k, k), tuple(v)) for k, v in grouped.items()]


def summary_content(case: Mapping[str, Any], *, desk: str, now: dt.datetime) -> SlipContent:
    """The summary page says what the slip will say (procedures by department with reasons,
    what to bring, the members concerned)."""
    return slip_content(case, issued_at=now, expires_at=now, lang="ja", desk=desk)


def help_texts(walked: list[tuple[Question, Values]]) -> dict[str, str]:
    """Each shown question's help: what always applies, then the sentences whose condition
    holds for this household (never those about cases it cannot have)."""
    found = {}
    for question, values in walked:
        parts = [question.help]
        parts += [part.text for part in question.help_parts if values.holds(part.when)]
        if not question.required:
            parts.append(OPTIONAL)
        found[question.id] = "".join(p for p in parts if p)
    return found


def offers(interview: Interview, questions: tuple[Question, ...]) -> dict[str, list[Offer]]:
    """What each question's ``same_as`` offers from the answers so far."""
    found: dict[str, list[Offer]] = {}
    for question in questions:
        for name in question.same_as:
            offer = _offer(interview, name)
            if offer is not None:
                found.setdefault(question.id, []).append(offer)
    return found


def _offer(interview: Interview, name: str) -> Offer | None:
    if name == HOUSEHOLD_HEAD:
        members = interview.values().members
        heads = [m for m in members if m.get("relationship") == "世帯主"] or list(members[:1])
        head = str(heads[0].get("name", "")) if heads else ""
        return Offer("世帯主と同じ", head) if head else None
    address = interview.answers.get(name)
    question = interview.runtime.tree.question(name)
    if not isinstance(address, Mapping) or question is None:
        return None
    parts = ("prefecture", "municipality", "town", "block")
    text = "".join(str(address.get(key) or "") for key in parts)
    return Offer(f"{_short(question.text)}と同じ", text) if text else None


def _short(text: str) -> str:
    """「引っ越す前の住所を教えてください。」→「引っ越す前の住所」."""
    for ending in ("を教えてください。", "はどこですか。", "を入力してください。"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return "住所"


def friendly_problem(exc: KakanaiError) -> str:
    """A problem as the clerk reads it under the field: what to do, without the code or
    the question repeated (the log and the status bar keep those)."""
    message = exc.message
    if exc.code is ErrorCode.ANSWER_INVALID and _ANSWER_PREFIX in message:
        message = message.split(_ANSWER_PREFIX, 1)[1]
    if message.strip() == "回答を入力してください。":
        return "この設問は答えが必要です。入力してください。"
    return message
