"""What every answer parser checks before it reads a value: text that is text and within the
domain's limits, dates read the same way everywhere, and the errors that name the question
(ANSWER_001 for what does not fit the question, INPUT_ codes for what is outside the domain)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from kakanai.core.errors import AnswerError, ErrorCode
from kakanai.core.japanese import domain
from kakanai.core.japanese import values as jv
from kakanai.core.trees.model import Question

MAX_NUMBER = 2**53
"""The largest magnitude a number answer may have: every integer up to it is exact as a
float, so arithmetic in conditions can never overflow; no count or amount comes near."""


def invalid(question: Question, detail: str) -> AnswerError:
    code = ErrorCode.ANSWER_INVALID
    return AnswerError(code, code.format(question=question.text or question.id, detail=detail))


def where(question: Question, what: str = "回答") -> str:
    return f"設問「{question.text or question.id}」の{what}"


def outside(question: Question, error: domain.OutOfDomainError, what: str = "回答") -> AnswerError:
    """The AnswerError for a value outside the domain, with its own INPUT_ code."""
    return AnswerError(error.code, error.message_for(where(question, what)))


def check_interview_date(as_of: dt.date) -> None:
    """INPUT_010 for an interview date kakanai cannot write on a form."""
    try:
        domain.check_date(as_of)
    except domain.OutOfDomainError as exc:
        raise AnswerError(exc.code, exc.message_for("面談日(as_of)")) from None


def typed_text(
    question: Question, raw: object, *, limit: int, what: str = "回答", numbers: bool = True
) -> str:
    """``raw`` as text within the domain: a string, or with ``numbers`` an integer (YAML
    reads ``block: 12`` as one); anything else is INPUT_009 rather than its ``str()``.
    Names are never numbers: a name that is not text was not typed as a name."""
    if numbers and isinstance(raw, int) and not isinstance(raw, bool):
        if abs(raw) > MAX_NUMBER:
            code = ErrorCode.INPUT_NUMBER_RANGE
            raise AnswerError(code, code.format(where=where(question, what), limit=MAX_NUMBER))
        text = str(raw)
    elif isinstance(raw, str):
        text = raw
    else:
        code = ErrorCode.INPUT_NOT_TEXT
        raise AnswerError(code, code.format(where=where(question, what), kind=kind(raw)))
    try:
        domain.check_text(text, limit=limit)
    except domain.OutOfDomainError as exc:
        raise outside(question, exc, what) from None
    return text


def kind(raw: object) -> str:
    if isinstance(raw, bool):
        return "はい/いいえ"
    if isinstance(raw, int | float):
        return "数"
    if isinstance(raw, dt.date):
        return "日付"
    if isinstance(raw, list | tuple):
        return "一覧"
    if isinstance(raw, Mapping):
        return "「キー: 値」の組"
    return type(raw).__name__


def parse_day(
    question: Question, raw: object, what: str = "回答", *, near: dt.date | None = None
) -> dt.date:
    """A date answer; typed text as ``jv.parse_date`` reads it (a month and day alone is
    the day near ``near``, when given)."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    typed = typed_text(question, raw, limit=domain.MAX_TEXT_CHARS, what=what)
    return jv.parse_date(typed, near=near)
